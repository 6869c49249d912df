package nl.spoorwijzer.signals;

import java.util.Date;
import nl.spoorwijzer.identity.Organisations;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.AsPlatform;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.process.TaskRoles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The engine events that queue a signal, in the engine's own transaction: a task with a legal due date is created,
 * and a task's "Termijn verstreken" timer fires (the one {@code process/MissedDeadlineRecorder} records in the
 * dossier). The follow-up date is found by the nightly sweep ({@link SignalSweeps}).
 */
@Component
class SignalTriggers {

    private final SignalQueue queue;
    private final LegalTime time;
    private final Organisations organisations;

    SignalTriggers(@Lazy SignalQueue queue, @Lazy LegalTime time, @Lazy Organisations organisations) {
        this.queue = queue;
        this.time = time;
        this.organisations = organisations;
    }

    /**
     * A legal task (one with a due date) appeared. Not the werkgever's "Termijn overschreden" task: the miss it is
     * about was just mailed to him ({@link SignalKind#MISS_FOR_EMPLOYER} or {@link SignalKind#DEADLINE_PASSED}).
     */
    void taskCreated(DelegateTask task) {
        if (task.getDueDate() == null
                || ProcessKeys.Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN.equals(task.getTaskDefinitionKey())) {
            return;
        }
        ExecutionEntity execution = ((TaskEntity) task).getExecution();
        queue.queue(signal(SignalKind.NEW_TASK, task.getId(), task, execution, null),
                task.getProcessDefinitionId(), execution == null ? null : execution.getProcessDefinitionKey());
    }

    /** A task's deadline passed with the task open: to its people, and to the werkgever when it was not his step. */
    void deadlinePassed(DelegateExecution execution) {
        if (!(execution.getBpmnModelElementInstance() instanceof BoundaryEvent boundary)) {
            return;
        }
        String taskKey = boundary.getAttachedTo().getId();
        TaskEntity task = Context.getCommandContext().getTaskManager()
                .findTasksByProcessInstanceId(execution.getProcessInstanceId()).stream()
                .filter(candidate -> taskKey.equals(candidate.getTaskDefinitionKey())).findFirst().orElse(null);
        if (task == null) {
            return;
        }
        ExecutionEntity entity = (ExecutionEntity) execution;
        String role = AsPlatform.inCommand(() -> TaskRoles.of(task.getIdentityLinks(), task.getAssignee(),
                execution.getVariable(ProcessVariables.WERKNEMER_ID), organisations::roleOf));
        queue.queue(signal(SignalKind.DEADLINE_PASSED, task.getId(), task, entity, role),
                entity.getProcessDefinitionId(), entity.getProcessDefinitionKey());
        boolean employersOwnStep = role != null && role.contains(Role.WERKGEVER.groupId());
        if (!employersOwnStep) {
            queue.queue(signal(SignalKind.MISS_FOR_EMPLOYER, task.getId(), task, entity, role),
                    entity.getProcessDefinitionId(), entity.getProcessDefinitionKey());
        }
    }

    private Signal signal(SignalKind kind, String subject, DelegateTask task, ExecutionEntity execution,
                          String party) {
        Date due = task.getDueDate();
        String caseId = execution == null ? null : execution.getProcessBusinessKey();
        return new Signal(kind, subject, task.getId(), caseId, task.getTenantId(), task.getName(),
                due == null ? null : time.dayOf(due).toString(), party, null);
    }
}
