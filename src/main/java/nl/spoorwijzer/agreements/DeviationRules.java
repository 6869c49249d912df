package nl.spoorwijzer.agreements;

import java.time.LocalDate;
import java.util.Date;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * What must still hold for a deadline to be moved by agreement, checked when the werkgever proposes and again when
 * the werknemer confirms: the step is not made yet and its deadline has not passed (a miss stays recorded).
 */
@Component
class DeviationRules {

    private final HistoryService historyService;
    private final LegalTime time;

    DeviationRules(HistoryService historyService, LegalTime time) {
        this.historyService = historyService;
        this.time = time;
    }

    /** The step's current deadline, refused (409, field {@code step}) when the step is made or the deadline passed. */
    LocalDate openDeadline(String caseId, MilestoneKey step, Object storedDeadline) {
        String task = step == MilestoneKey.PROBLEEMANALYSE ? ProcessKeys.Tasks.PROBLEEMANALYSE_OPSTELLEN
                : ProcessKeys.Tasks.PLAN_VAN_AANPAK_OPSTELLEN;
        if (historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey(task).finished().count() > 0) {
            throw RuleViolationException.conflict("step", "the " + step.label().toLowerCase()
                    + " is already made; there is no deadline left to move");
        }
        LocalDate current = storedDeadline instanceof Date date ? time.dayOf(date) : null;
        if (current == null) {
            throw RuleViolationException.conflict("step", "this case has no deadline for the "
                    + step.label().toLowerCase());
        }
        if (current.isBefore(time.today())) {
            throw RuleViolationException.conflict("step", "the deadline of " + current + " has passed and its miss"
                    + " is recorded; an agreement to deviate is made before the deadline (Regeling procesgang art. 5)");
        }
        return current;
    }
}
