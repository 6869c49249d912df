package nl.spoorwijzer.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.TimelineChange.DeadlineAgreed;
import nl.spoorwijzer.process.TimelineChange.RecoveryGapAdded;
import nl.spoorwijzer.process.TimelineChange.SanctionImposed;
import nl.spoorwijzer.process.TimelineChange.SanctionShortened;
import nl.spoorwijzer.process.TimelineChange.VvlGranted;
import nl.spoorwijzer.timeline.RecoveryGap;
import nl.spoorwijzer.timeline.SicknessPeriods;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a running case to a new timeline after a {@link TimelineChange}: writes the change into the case's variables,
 * recomputes its legal dates (with its recovery gaps, VVL and loonsanctie), moves every pending timer and every open
 * task's due date of the case and the processes it called, records the move in the dossier and refreshes the case
 * read model.
 *
 * <p>A timer or due date that the model takes from a date variable ({@code ${probleemanalyseDue}}) is evaluated
 * again, so it lands exactly on the recomputed legal date. Anything else — a duration timer, the periodic evaluation
 * and report dates that count from the day they were planned — moves by {@code shiftDays}: the length of a recovery
 * gap, or 0 for a UWV decision that moves only the end of the waiting period. Runs in the caller's transaction,
 * with the engine's authorization checks off: callers decide who may move a case.
 */
@Service
public class CaseRescheduling {

    /**
     * The outcome of a change: the facts recorded (the change's own and what followed from the case, such as the new
     * VVL total) and the new legal dates by milestone key.
     */
    public record MovedTimeline(String caseId, Map<String, Object> facts, Map<String, Object> dates) {
    }

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final CaseTimeline caseTimeline;
    private final FollowUpDates followUpDates;
    private final CaseDossier dossier;
    private final LegalTime time;
    private final CaseLifecycle caseLifecycle;
    private final ObjectMapper json;

    public CaseRescheduling(ProcessEngineConfigurationImpl engineConfiguration, RuntimeService runtimeService,
                            ManagementService managementService, TaskService taskService, CaseTimeline caseTimeline,
                            FollowUpDates followUpDates, CaseDossier dossier, LegalTime time,
                            CaseLifecycle caseLifecycle, ObjectMapper json) {
        this.engineConfiguration = engineConfiguration;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.caseTimeline = caseTimeline;
        this.followUpDates = followUpDates;
        this.dossier = dossier;
        this.time = time;
        this.caseLifecycle = caseLifecycle;
        this.json = json;
    }

    /**
     * Applies a change to the case process instance: writes its inputs, moves the timeline, records a
     * {@link DossierEntryType#TIMELINE_UPDATED} entry (the facts, {@code verschuivingDagen} and {@code termijnen})
     * and refreshes the case's next deadline. All of it commits or rolls back with the caller's transaction, which
     * must exist: a change half applied would leave timers and the dossier disagreeing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MovedTimeline apply(String caseProcessInstanceId, TimelineChange change) {
        MovedTimeline moved = engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                AsPlatform.inCommand(() -> applyInContext(caseProcessInstanceId, change)));
        engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
            caseLifecycle.refresh(moved.caseId());
            return null;
        });
        return moved;
    }

    private MovedTimeline applyInContext(String caseProcessInstanceId, TimelineChange change) {
        ExecutionEntity caseExecution = Context.getCommandContext().getExecutionManager()
                .findExecutionById(caseProcessInstanceId);
        Map<String, Object> facts = new LinkedHashMap<>(change.facts());
        writeInputs(caseProcessInstanceId, change, facts);
        Map<String, Object> dates = reschedule(caseExecution, change.shiftDays(), change.why(), facts);
        return new MovedTimeline(caseExecution.getBusinessKey(), facts, dates);
    }

    /** Stores what the calendar reads ({@link CaseTimeline#inputOf}) and what the model reads of the change. */
    private void writeInputs(String caseInstance, TimelineChange change, Map<String, Object> facts) {
        if (change instanceof RecoveryGapAdded gapAdded) {
            SicknessPeriods.gap(gapAdded.recoveredOn(), gapAdded.relapseOn()).ifPresent(gap -> {
                List<RecoveryGap> gaps = new ArrayList<>(RecoveryGaps.parse(
                        (String) runtimeService.getVariable(caseInstance, ProcessVariables.HERSTELPERIODES)));
                gaps.add(gap);
                runtimeService.setVariable(caseInstance, ProcessVariables.HERSTELPERIODES, RecoveryGaps.format(gaps));
                shiftAgreedDeadlines(caseInstance, gap);
            });
        } else if (change instanceof SanctionImposed sanction) {
            runtimeService.setVariable(caseInstance, ProcessVariables.LOONSANCTIE_WEKEN, sanction.weeks());
            runtimeService.setVariable(caseInstance, ProcessVariables.TEKORTKOMINGEN, toJson(sanction.shortcomings()));
        } else if (change instanceof SanctionShortened shortened) {
            runtimeService.setVariable(caseInstance, ProcessVariables.LOONSANCTIE_EINDE,
                    shortened.sanctionEndsOn().toString());
        } else if (change instanceof DeadlineAgreed agreed) {
            runtimeService.setVariable(caseInstance, agreed.variable(), agreed.newDeadline().toString());
        } else if (change instanceof VvlGranted vvl) {
            Object earlier = runtimeService.getVariable(caseInstance, ProcessVariables.VVL_WEKEN);
            int total = vvl.weeks() + (earlier == null ? 0 : ((Number) earlier).intValue());
            runtimeService.setVariable(caseInstance, ProcessVariables.VVL_WEKEN, total);
            facts.put("vvlWekenTotaal", total);
        }
    }

    /**
     * A deadline agreed by werkgever and werknemer (art. 5) is a date, not a count of sick days; healthy days before
     * it move it as they move every other deadline.
     */
    private void shiftAgreedDeadlines(String caseInstance, RecoveryGap gap) {
        for (String name : List.of(ProcessVariables.PROBLEEMANALYSE_AFGESPROKEN_TERMIJN,
                ProcessVariables.PLAN_VAN_AANPAK_AFGESPROKEN_TERMIJN)) {
            Object agreed = runtimeService.getVariable(caseInstance, name);
            if (agreed != null && !LocalDate.parse(agreed.toString()).isBefore(gap.firstHealthyDay())) {
                runtimeService.setVariable(caseInstance, name,
                        LocalDate.parse(agreed.toString()).plusDays(gap.days()).toString());
            }
        }
    }

    private Map<String, Object> reschedule(ExecutionEntity caseExecution, long shiftDays, String why,
                                           Map<String, Object> facts) {
        CommandContext context = Context.getCommandContext();
        String caseProcessInstanceId = caseExecution.getId();
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
        Map<String, Object> content = new LinkedHashMap<>(facts);
        content.put("verschuivingDagen", shiftDays);
        content.put(DossierEntry.TIMELINE, dates);
        dossier.recordBySystem(caseExecution, DossierEntryType.TIMELINE_UPDATED, "Wettelijke termijnen verschoven: "
                + why, content);
        return dates;
    }

    private void shiftPeriodicDates(String instance, long shiftDays) {
        if (shiftDays == 0) {
            return;
        }
        for (String name : PeriodicDeadlines.plannedVariables()) {
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

    private String toJson(List<String> texts) {
        try {
            return json.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
