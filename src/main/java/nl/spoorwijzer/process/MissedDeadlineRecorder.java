package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ProcessVariables.GEMISTE_TAAK;
import static nl.spoorwijzer.process.ProcessVariables.GEMISTE_TERMIJN;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.identity.Organisations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.stereotype.Component;

/**
 * On the non-interrupting "Termijn verstreken" timer of a task with a legal deadline: records in the dossier that
 * the deadline passed with the task still open — which task, whose, which due date — and names the task for the
 * werkgever's escalation task, with the missed deadline as its due date. UWV will look for exactly these misses at the RIV test.
 */
@Component("missedDeadlineRecorder")
public class MissedDeadlineRecorder implements ExecutionListener {

    private final CaseDossier dossier;
    private final LegalTime time;
    private final Organisations organisations;

    public MissedDeadlineRecorder(CaseDossier dossier, LegalTime time, Organisations organisations) {
        this.organisations = organisations;
        this.dossier = dossier;
        this.time = time;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!(execution.getBpmnModelElementInstance() instanceof BoundaryEvent boundary)) {
            throw new IllegalStateException("missedDeadlineRecorder belongs on a boundary timer, not on "
                    + execution.getCurrentActivityId());
        }
        String taskKey = boundary.getAttachedTo().getId();
        String taskName = boundary.getAttachedTo().getName();
        // The engine's own lookup by process instance, not a TaskQuery: in a timer storm the query's dynamic SQL
        // (MyBatis/OGNL) cost a quarter of every job (BENCHMARKS.md, benchmark 3).
        TaskEntity task = Context.getCommandContext().getTaskManager()
                .findTasksByProcessInstanceId(execution.getProcessInstanceId()).stream()
                .filter(candidate -> taskKey.equals(candidate.getTaskDefinitionKey())).findFirst().orElse(null);
        String role = task == null ? null : TaskRoles.of(task.getIdentityLinks(), task.getAssignee(),
                execution.getVariable(ProcessVariables.WERKNEMER_ID), organisations::roleOf);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("taak", taskName);
        content.put("vastgesteldOp", time.today().toString());
        if (task != null && task.getAssignee() != null) {
            content.put("toegewezenAan", task.getAssignee());
        }
        dossier.record(execution, DossierEntryType.DEADLINE_MISSED, "Termijn overschreden: " + taskName, taskKey,
                CaseDossier.SYSTEM, role,
                task == null ? null : time.dayOf(task.getDueDate()), false, content);
        execution.setVariable(GEMISTE_TAAK, taskName);
        // The escalation task is due on the deadline that was missed, so it is listed as overdue at once.
        execution.setVariable(GEMISTE_TERMIJN, task == null || task.getDueDate() == null
                ? ClockUtil.getCurrentTime() : task.getDueDate());
    }
}
