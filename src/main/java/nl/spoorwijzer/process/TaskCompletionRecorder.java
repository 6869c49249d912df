package nl.spoorwijzer.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.identity.Organisations;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Records every completed user task in the dossier — the submitted form values, who completed it in which role,
 * the legal due date and whether it was met — in the same transaction as the completion: when recording fails,
 * the completion is rolled back. Added to every user task by {@link CaseTaskParseListener}, so a task a process
 * owner adds in Modeler is recorded too.
 */
@Component
public class TaskCompletionRecorder implements TaskListener {

    private final CaseDossier dossier;
    private final FormFieldIndex formFields;
    private final RepositoryService repositoryService;
    private final LegalTime time;
    private final Clock clock;
    private final Organisations organisations;

    public TaskCompletionRecorder(CaseDossier dossier, FormFieldIndex formFields,
                                  RepositoryService repositoryService, LegalTime time, Clock clock,
                                  Organisations organisations) {
        this.organisations = organisations;
        this.dossier = dossier;
        this.formFields = formFields;
        this.repositoryService = repositoryService;
        this.time = time;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Date due = task.getDueDate();
        Boolean met = due == null ? null : !clock.instant().isAfter(due.toInstant());
        LocalDate dueDay = time.dayOf(due);
        dossier.record(task.getExecution(), DossierEntryType.TASK_COMPLETED, task.getName(),
                task.getTaskDefinitionKey(), dossier.currentUserOr(task.getAssignee() == null
                        ? CaseDossier.SYSTEM : task.getAssignee()),
                roleOf(task), dueDay, met, submittedValues(task));
    }

    private String roleOf(DelegateTask task) {
        return TaskRoles.of(task.getCandidates(), task.getAssignee(), task.getVariable(ProcessVariables.WERKNEMER_ID),
                organisations::roleOf);
    }

    private Map<String, Object> submittedValues(DelegateTask task) {
        Map<String, Object> values = new LinkedHashMap<>();
        String formId = formIdOf(task);
        if (formId == null) {
            return values;
        }
        String deploymentId = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
        for (String key : formFields.fieldKeys(deploymentId, formId)) {
            Object value = task.getVariable(key);
            values.put(key, value instanceof Date date ? time.dayOf(date).toString() : value);
        }
        return values;
    }

    private static String formIdOf(DelegateTask task) {
        if (task instanceof TaskEntity entity && entity.getTaskDefinition() != null) {
            Expression formRef = entity.getTaskDefinition().getCamundaFormDefinitionKey();
            return formRef == null ? null : formRef.getExpressionText();
        }
        return null;
    }
}
