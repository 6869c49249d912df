package nl.spoorwijzer.process;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntryType;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Moves a running case to a new timeline: recomputes its legal dates (with its recovery gaps, VVL and loonsanctie)
 * and then moves every pending timer and every open task's due date of the case and the processes it called.
 *
 * <p>A timer or due date that the model takes from a date variable ({@code ${probleemanalyseDue}}) is evaluated
 * again, so it lands exactly on the recomputed legal date. Anything else — a duration timer, the periodic evaluation
 * and report dates that count from the day they were planned — moves by {@code shiftDays}: the length of a recovery
 * gap, or 0 for a UWV decision that moves only the end of the waiting period. Runs in the caller's transaction,
 * with the engine's authorization checks off: callers decide who may move a case.
 */
@Service
public class CaseRescheduling {

    /** Dates planned from "today" by {@link PeriodicDeadlines}; a recovery gap moves them like every other date. */
    static final List<String> PERIODIC_DATE_VARIABLES = List.of(ProcessVariables.NEXT_EVALUATION_START,
            ProcessVariables.NEXT_EVALUATION_DUE, ReportPlanning.NEXT_REPORT_START, ReportPlanning.NEXT_REPORT_DUE);

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final CaseTimeline caseTimeline;
    private final FollowUpDates followUpDates;
    private final CaseDossier dossier;
    private final LegalTime time;

    public CaseRescheduling(ProcessEngineConfigurationImpl engineConfiguration, RuntimeService runtimeService,
                            ManagementService managementService, TaskService taskService, CaseTimeline caseTimeline,
                            FollowUpDates followUpDates, CaseDossier dossier, LegalTime time) {
        this.engineConfiguration = engineConfiguration;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.caseTimeline = caseTimeline;
        this.followUpDates = followUpDates;
        this.dossier = dossier;
        this.time = time;
    }

    /**
     * Recomputes the timeline of the case process instance and moves its timers and due dates.
     *
     * @param why recorded with the new dates in the dossier, e.g. "Terugval binnen 4 weken"
     * @return the new legal dates by milestone key
     */
    public Map<String, Object> reschedule(String caseProcessInstanceId, long shiftDays, String why,
                                          Map<String, Object> cause) {
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> AsPlatform.inCommand(
                () -> rescheduleInContext(caseProcessInstanceId, shiftDays, why, cause)));
    }

    private Map<String, Object> rescheduleInContext(String caseProcessInstanceId, long shiftDays, String why,
                                                    Map<String, Object> cause) {
        CommandContext context = Context.getCommandContext();
        ExecutionEntity caseExecution = context.getExecutionManager().findExecutionById(caseProcessInstanceId);
        List<String> instances = CaseInstances.tree(runtimeService, caseProcessInstanceId);
        for (String instance : instances) {
            shiftPeriodicDates(instance, shiftDays);
        }
        Map<String, Object> dates = caseTimeline.apply(caseExecution);
        copyTimelineToCalledProcesses(caseProcessInstanceId, instances);
        for (String instance : instances) {
            for (Job timer : managementService.createJobQuery().processInstanceId(instance).timers().list()) {
                moveTimer(timer, shiftDays);
            }
            for (Task task : taskService.createTaskQuery().processInstanceId(instance).list()) {
                moveDueDate(context, task.getId(), shiftDays);
            }
        }
        Map<String, Object> content = new LinkedHashMap<>(cause);
        content.put("verschuivingDagen", shiftDays);
        content.put("termijnen", dates);
        dossier.recordBySystem(caseExecution, DossierEntryType.TIMELINE_UPDATED, "Wettelijke termijnen verschoven: "
                + why, content);
        return dates;
    }

    private void shiftPeriodicDates(String instance, long shiftDays) {
        if (shiftDays == 0) {
            return;
        }
        for (String name : PERIODIC_DATE_VARIABLES) {
            if (runtimeService.getVariableLocal(instance, name) instanceof Date date) {
                runtimeService.setVariableLocal(instance, name, plusDays(date, shiftDays));
            }
        }
    }

    /** Called processes received copies of the legal dates at their start ({@code camunda:in}); refresh them. */
    private void copyTimelineToCalledProcesses(String root, List<String> instances) {
        Map<String, Object> current = runtimeService.getVariablesLocal(root, CaseTimeline.writtenVariables());
        for (String instance : instances.subList(1, instances.size())) {
            Map<String, Object> copies = runtimeService.getVariablesLocal(instance, CaseTimeline.writtenVariables());
            copies.replaceAll((name, old) -> current.get(name));
            runtimeService.setVariablesLocal(instance, copies);
        }
    }

    private void moveTimer(Job timer, long shiftDays) {
        JobDefinition definition = managementService.createJobDefinitionQuery()
                .jobDefinitionId(timer.getJobDefinitionId()).singleResult();
        if (definition != null && definition.getJobConfiguration() != null
                && definition.getJobConfiguration().startsWith("DATE:")) {
            managementService.recalculateJobDuedate(timer.getId(), false);
        } else if (shiftDays != 0 && timer.getDuedate() != null) {
            managementService.setJobDuedate(timer.getId(), plusDays(timer.getDuedate(), shiftDays));
        }
    }

    private void moveDueDate(CommandContext context, String taskId, long shiftDays) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        Expression expression = task.getTaskDefinition() == null ? null
                : task.getTaskDefinition().getDueDateExpression();
        Date due;
        if (expression != null) {
            due = toDate(expression.getValue(task));
        } else if (task.getDueDate() != null) {
            due = plusDays(task.getDueDate(), shiftDays);
        } else {
            return;
        }
        if (due == null || due.equals(task.getDueDate())) {
            return;
        }
        task.setDueDate(due);
        task.setFollowUpDate(null);
        followUpDates.notify(task);
        taskService.saveTask(task);
    }

    private Date toDate(Object value) {
        if (value instanceof Date date) {
            return date;
        }
        return value == null ? null : DateTimeUtil.parseDate(value.toString());
    }

    /** Calendar days in the legal time zone, so a deadline at 23:59:59 stays at 23:59:59 across daylight saving. */
    private Date plusDays(Date date, long days) {
        return Date.from(date.toInstant().atZone(time.zone()).plusDays(days).toInstant());
    }
}
