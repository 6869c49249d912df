package nl.spoorwijzer.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.stereotype.Component;

/**
 * A missed deadline is recorded once. When a running case is imported, the import records every legal deadline that
 * passed before the import day with its step not taken ({@code RunningCaseImport}). The task for such a step still
 * comes — the step is still to be taken, late — but without its "Termijn verstreken" boundary timer: that timer would
 * fire at once and record the same miss a second time, with a "Termijn overschreden" escalation task for each. So on
 * create, a task whose step the import recorded as missed, with a due date on or before the import day, loses the
 * timers of its boundary events. A later deadline of the same task (a next evaluation) is watched as usual.
 */
@Component
public class ImportedMissWatch implements TaskListener {

    private final LegalTime time;

    public ImportedMissWatch(LegalTime time) {
        this.time = time;
    }

    @Override
    public void notify(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        if (execution != null && missedBeforeImport(execution, task.getTaskDefinitionKey(), task.getDueDate())) {
            dropBoundaryTimers(execution, task.getTaskDefinitionKey());
        }
    }

    /** Was the deadline of this task, due then, recorded as missed by the case's import? */
    boolean missedBeforeImport(VariableScope variables, String taskKey, Date dueDate) {
        Object missed = variables.getVariable(ProcessVariables.GEMIST_VOOR_IMPORT);
        LocalDate imported = time.toDate(variables.getVariable(ProcessVariables.IMPORT_DATUM));
        if (!(missed instanceof String keys) || imported == null || dueDate == null) {
            return false;
        }
        return missedKeys(keys).contains(taskKey) && !time.dayOf(dueDate).isAfter(imported);
    }

    static List<String> missedKeys(String keys) {
        return Arrays.stream(keys.split(",")).map(String::trim).filter(key -> !key.isEmpty()).toList();
    }

    /** Deletes the pending timers of the boundary events attached to the task's activity. */
    void dropBoundaryTimers(ExecutionEntity taskExecution, String taskKey) {
        // The execution's own job list: it holds the timers created in this command, which no query finds yet.
        for (JobEntity job : new ArrayList<>(taskExecution.getJobs())) {
            if (job instanceof TimerEntity && job.getActivityId() != null
                    && taskExecution.getBpmnModelInstance().getModelElementById(job.getActivityId())
                    instanceof BoundaryEvent boundary && taskKey.equals(boundary.getAttachedTo().getId())) {
                job.delete();
            }
        }
    }
}
