package nl.spoorwijzer.process;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import nl.spoorwijzer.timeline.OwnWorkCadence;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An opbouwschema was set or changed on a running case: the process learns the days it runs (for
 * {@link EvaluationPlanning}), and a next evaluation that is still waiting for its moment moves forward to the opbouw
 * cadence ({@link OwnWorkCadence#replannedDue}). An evaluation whose task is already open keeps its due date; the one
 * after it is planned by the new cadence. Runs in the caller's transaction with the engine's authorization checks
 * off: the caller decided who may set a schedule.
 */
@Service
public class EvaluationReplanning {

    /** The timer that waits for the next evaluation's task (in the spoor 1 subprocess). */
    static final String EVALUATION_MOMENT = "evaluatiemomentBereikt";

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final PeriodicDeadlines deadlines;
    private final OwnWorkCadence cadence;
    private final LegalTime time;

    public EvaluationReplanning(RuntimeService runtimeService, ManagementService managementService,
                                PeriodicDeadlines deadlines, OwnWorkCadence cadence, LegalTime time) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.deadlines = deadlines;
        this.cadence = cadence;
        this.time = time;
    }

    /**
     * @return the due date of the next evaluation after the change, or null when none is waiting (no plan van aanpak
     *         in force yet, or its task is open already)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LocalDate opbouwScheduled(String caseInstance, OwnWorkCadence.Span opbouw) {
        runtimeService.setVariable(caseInstance, ProcessVariables.OPBOUW_VAN, opbouw.from().toString());
        runtimeService.setVariable(caseInstance, ProcessVariables.OPBOUW_TOT, opbouw.to().toString());
        Job waiting = managementService.createJobQuery().processInstanceId(caseInstance).timers()
                .activityId(EVALUATION_MOMENT).singleResult();
        if (waiting == null) {
            return null;
        }
        LocalDate currentDue = time.dayOf((Date) runtimeService.getVariable(caseInstance,
                ProcessVariables.NEXT_EVALUATION_DUE));
        Object plannedFrom = runtimeService.getVariable(caseInstance, ProcessVariables.EVALUATIE_GEPLAND_VANAF);
        LocalDate last = plannedFrom == null ? time.today() : LocalDate.parse(plannedFrom.toString());
        LocalDate today = time.today();
        LocalDate due = cadence.replannedDue(currentDue, last, opbouw, today);
        if (due.isBefore(currentDue)) {
            // The timer and the variables live where the planning delegate put them: the process instance.
            deadlines.planDue((name, value) -> runtimeService.setVariable(caseInstance, name, value),
                    PeriodicDeadlines.Series.EVALUATION, due, Math.max(ChronoUnit.DAYS.between(last, due), 0));
            managementService.recalculateJobDuedate(waiting.getId(), false);
        }
        return due;
    }
}
