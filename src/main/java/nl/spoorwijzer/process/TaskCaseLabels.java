package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ProcessVariables.EERSTE_ZIEKTEDAG;
import static nl.spoorwijzer.process.ProcessVariables.HERSTELPERIODES;
import static nl.spoorwijzer.process.ProcessVariables.WERKGEVER_NAAM;
import static nl.spoorwijzer.process.ProcessVariables.WERKNEMER_ID;
import static nl.spoorwijzer.process.ProcessVariables.WERKNEMER_NAAM;
import static nl.spoorwijzer.process.ProcessVariables.ZAAK_ID;
import static nl.spoorwijzer.process.ProcessVariables.ZIEKTEWEEK;

import java.time.LocalDate;
import nl.spoorwijzer.identity.DisplayNames;
import nl.spoorwijzer.timeline.SicknessDays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Names a new task's case on the task itself, as task-local variables: the case id, the employee's and the
 * employer's names and the week of sickness. Task-local, because Camunda lets exactly the task's candidates and
 * assignee read them (READ_VARIABLE on the task, enforceSpecificVariablePermission), in Tasklist's list columns
 * and in the task's form header — nobody who may not read the task, and nothing else of the case. Nothing medical.
 * The week moves on while the task waits: {@link SicknessWeekRefresh} keeps it current.
 */
@Component
public class TaskCaseLabels implements TaskListener {

    private final IdentityService identity;
    private final LegalTime time;

    TaskCaseLabels(@Lazy IdentityService identity, LegalTime time) {
        this.identity = identity;
        this.time = time;
    }

    @Override
    public void notify(DelegateTask task) {
        ExecutionEntity execution = ((TaskEntity) task).getExecution();
        if (execution == null) {
            return;
        }
        ExecutionEntity caseInstance = caseInstanceOf(execution);
        String caseId = caseInstance.getBusinessKey() != null ? caseInstance.getBusinessKey()
                : execution.getProcessBusinessKey();
        if (caseId == null) {
            return;
        }
        task.setVariableLocal(ZAAK_ID, caseId);
        Object employee = caseInstance.getVariable(WERKNEMER_ID);
        String employer = caseInstance.getTenantId();
        AsPlatform.inCommand(() -> {
            if (employee != null) {
                task.setVariableLocal(WERKNEMER_NAAM, asMarkdownText(employeeName(employee.toString())));
            }
            if (employer != null) {
                task.setVariableLocal(WERKGEVER_NAAM, asMarkdownText(employerName(employer)));
            }
            return null;
        });
        Integer week = weekOf(caseInstance.getVariable(EERSTE_ZIEKTEDAG), caseInstance.getVariable(HERSTELPERIODES),
                time.today());
        if (week != null) {
            task.setVariableLocal(ZIEKTEWEEK, week);
        }
    }

    /** The week of sickness of the case on {@code day}, from its first sick day and recovery gaps (timeline/). */
    Integer weekOf(Object firstSickDayValue, Object recoveryGaps, LocalDate day) {
        LocalDate firstSickDay = time.toDate(firstSickDayValue);
        if (firstSickDay == null) {
            return null;
        }
        return Math.toIntExact(SicknessDays.week(firstSickDay, RecoveryGaps.parse((String) recoveryGaps), day));
    }

    /**
     * A name as plain text in the form header's markdown: a user may edit his own profile, and "[Log in](https://…)"
     * as a last name would otherwise be a working link on every task of his case. Names need none of these signs.
     */
    static String asMarkdownText(String name) {
        return name == null ? null : name.replaceAll("[\\[\\]()*_`<>#!|\\\\~{}]", "").replaceAll("\\s+", " ").strip();
    }

    private String employeeName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : DisplayNames.of(user);
    }

    private String employerName(String tenantId) {
        Tenant tenant = identity.createTenantQuery().tenantId(tenantId).singleResult();
        return tenant == null ? tenantId : DisplayNames.of(tenant);
    }

    /** The case process (poortwachter) a task's process belongs to: the top of its call hierarchy. */
    private static ExecutionEntity caseInstanceOf(ExecutionEntity execution) {
        ExecutionEntity instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance;
    }
}
