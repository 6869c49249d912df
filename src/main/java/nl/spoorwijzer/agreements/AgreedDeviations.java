package nl.spoorwijzer.agreements;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.CaseRescheduling;
import nl.spoorwijzer.process.CaseRescheduling.MovedTimeline;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.process.TimelineChange.DeadlineAgreed;
import nl.spoorwijzer.system.RequestValues;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agreed deviations from the deadlines of the probleemanalyse and the plan van aanpak: werkgever and werknemer may,
 * with a good reason, agree on another date (Regeling procesgang eerste en tweede ziektejaar art. 5). The agreement
 * is a dossier decision; the deadline, its task's due date and its miss watch move to the agreed date, so the step
 * done by then counts as on time in the dossier and the re-integratieverslag. A deadline already passed is not moved:
 * its miss stays recorded. Everything is checked before anything is written.
 */
@Service
public class AgreedDeviations {

    static final int MIN_REASON_LENGTH = 10;

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final CaseAccess access;
    private final CaseRescheduling rescheduling;
    private final CaseDossier dossier;
    private final LegalTime time;

    public AgreedDeviations(RuntimeService runtimeService, HistoryService historyService, CaseAccess access,
                            CaseRescheduling rescheduling, CaseDossier dossier, LegalTime time) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.access = access;
        this.rescheduling = rescheduling;
        this.dossier = dossier;
        this.time = time;
    }

    @Transactional
    public void record(CaseFile file, AgreedDeviationRequest request) {
        if (!access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("caseId", "only the werkgever of employer '" + file.employerId()
                    + "' records an agreement with the werknemer");
        }
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase()
                    + "; deadlines of a running case only");
        }
        MilestoneKey step = step(request.step());
        LocalDate today = time.today();
        LocalDate agreedOn = RequestValues.notInFuture("agreedOn",
                RequestValues.isoDate("agreedOn", request.agreedOn(), "the day werkgever and werknemer agreed"), today);
        if (agreedOn.isBefore(file.firstSickDay())) {
            throw RuleViolationException.invalid("agreedOn", "must not be before the first sick day "
                    + file.firstSickDay());
        }
        LocalDate newDeadline = RequestValues.isoDate("newDeadline", request.newDeadline(), "the agreed deadline");
        String reason = RequestValues.required("reason", request.reason(), "art. 5 asks for a good reason");
        if (reason.length() < MIN_REASON_LENGTH || reason.length() > ProcessVariables.MAX_TEXT_LENGTH) {
            throw RuleViolationException.invalid("reason", "must be " + MIN_REASON_LENGTH + " to "
                    + ProcessVariables.MAX_TEXT_LENGTH + " characters, in functional terms (no diagnosis, symptoms"
                    + " or treatment)");
        }
        requireAgreed("employerAgreed", request.employerAgreed());
        requireAgreed("employeeAgreed", request.employeeAgreed());
        DeadlineAgreed agreement = new DeadlineAgreed(step, newDeadline, agreedOn, reason);
        access.runWithoutCaller(() -> apply(file, agreement, today));
    }

    private void apply(CaseFile file, DeadlineAgreed agreement, LocalDate today) {
        String field = "step";
        if (isDone(file, agreement.step())) {
            throw RuleViolationException.conflict(field, "the " + agreement.step().label().toLowerCase()
                    + " is already made; there is no deadline left to move");
        }
        Object stored = runtimeService.getVariable(file.processInstanceId(),
                ProcessVariables.deadlineVariable(agreement.step()));
        LocalDate current = stored instanceof Date date ? time.dayOf(date) : null;
        if (current == null) {
            throw RuleViolationException.conflict(field, "this case has no deadline for the "
                    + agreement.step().label().toLowerCase());
        }
        if (current.isBefore(today)) {
            throw RuleViolationException.conflict(field, "the deadline of " + current + " has passed and its miss"
                    + " is recorded; an agreement to deviate is made before the deadline (Regeling procesgang art. 5)");
        }
        if (!agreement.newDeadline().isAfter(current)) {
            throw RuleViolationException.invalid("newDeadline", "must be after the current deadline " + current
                    + " (an earlier date needs no agreement)");
        }
        Object end = runtimeService.getVariable(file.processInstanceId(), ProcessVariables.EINDE_WACHTTIJD_DATUM);
        if (end != null && !agreement.newDeadline().isBefore(LocalDate.parse(end.toString()))) {
            throw RuleViolationException.invalid("newDeadline", "must be before the end of the waiting period "
                    + end);
        }
        MovedTimeline moved = rescheduling.apply(file.processInstanceId(), agreement);
        Map<String, Object> content = new LinkedHashMap<>(moved.facts());
        content.put("vorigeTermijn", current.toString());
        content.put("akkoordWerkgever", true);
        content.put("akkoordWerknemer", true);
        content.put(DossierEntry.TIMELINE, moved.dates());
        dossier.recordForCase(file.caseId(), file.processInstanceId(), file.employerId(), DossierEntryType.DECISION,
                "Afwijking van de termijn " + agreement.step().label().toLowerCase() + " afgesproken", content);
    }

    private boolean isDone(CaseFile file, MilestoneKey step) {
        String task = step == MilestoneKey.PROBLEEMANALYSE ? ProcessKeys.Tasks.PROBLEEMANALYSE_OPSTELLEN
                : ProcessKeys.Tasks.PLAN_VAN_AANPAK_OPSTELLEN;
        return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(file.caseId())
                .taskDefinitionKey(task).finished().count() > 0;
    }

    private static MilestoneKey step(String value) {
        String given = RequestValues.required("step", value, "probleemanalyse or plan-van-aanpak");
        for (MilestoneKey step : DeadlineAgreed.STEPS) {
            if (step.key().equals(given)) {
                return step;
            }
        }
        throw RuleViolationException.invalid("step", "must be probleemanalyse or plan-van-aanpak: Regeling procesgang"
                + " art. 5 lets the parties deviate only from those deadlines (got '" + value + "')");
    }

    private static void requireAgreed(String field, Boolean agreed) {
        if (!Boolean.TRUE.equals(agreed)) {
            throw RuleViolationException.invalid(field, "must be true: a deviation is agreed by werkgever and"
                    + " werknemer together (Regeling procesgang art. 5)");
        }
    }
}
