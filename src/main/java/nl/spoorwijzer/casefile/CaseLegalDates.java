package nl.spoorwijzer.casefile;

import java.time.LocalDate;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * A legal date as the case's running process holds it — the timeline's last computation, so it moves with a VVL or
 * a loonsanctie — for the checks of case actions (e.g. nothing starts after the end of the waiting period).
 */
@Component
public class CaseLegalDates {

    private final RuntimeService runtimeService;
    private final CaseAccess access;
    private final LegalTime time;

    CaseLegalDates(RuntimeService runtimeService, CaseAccess access, LegalTime time) {
        this.runtimeService = runtimeService;
        this.access = access;
        this.time = time;
    }

    /** The milestone's date in the case's process; null when it has none (yet). */
    public LocalDate of(String caseProcessInstanceId, MilestoneKey milestone) {
        return time.toDate(access.withoutCaller(() -> runtimeService.getVariable(caseProcessInstanceId,
                ProcessVariables.deadlineVariable(milestone))));
    }
}
