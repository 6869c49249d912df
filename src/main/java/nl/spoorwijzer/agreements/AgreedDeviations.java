package nl.spoorwijzer.agreements;

import static nl.spoorwijzer.process.ProcessVariables.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.TimelineChange.DeadlineAgreed;
import nl.spoorwijzer.system.RequestValues;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deviations from the deadlines of the probleemanalyse and the plan van aanpak: werkgever and werknemer may, with a
 * good reason, agree on another date (Regeling procesgang eerste en tweede ziektejaar art. 5). The werkgever proposes
 * it here; it is a dossier entry and the werknemer gets his own task to confirm it before the current deadline
 * ({@link AgreedDeviationDecision} moves the deadline only then). Everything is checked before anything is written.
 */
@Service
public class AgreedDeviations {

    static final int MIN_REASON_LENGTH = 10;

    private final RuntimeService runtimeService;
    private final CaseAccess access;
    private final DeviationRules rules;
    private final CaseDossier dossier;
    private final LegalTime time;

    public AgreedDeviations(RuntimeService runtimeService, CaseAccess access, DeviationRules rules,
                            CaseDossier dossier, LegalTime time) {
        this.runtimeService = runtimeService;
        this.access = access;
        this.rules = rules;
        this.dossier = dossier;
        this.time = time;
    }

    @Transactional
    public void propose(CaseFile file, AgreedDeviationRequest request) {
        if (!access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("caseId", "only the werkgever of employer '" + file.employerId()
                    + "' proposes a deviation agreed with the werknemer");
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
        if (reason.length() < MIN_REASON_LENGTH || reason.length() > MAX_TEXT_LENGTH) {
            throw RuleViolationException.invalid("reason", "must be " + MIN_REASON_LENGTH + " to " + MAX_TEXT_LENGTH
                    + " characters, in functional terms (no diagnosis, symptoms or treatment)");
        }
        access.runWithoutCaller(() -> propose(file, new DeadlineAgreed(step, newDeadline, agreedOn, reason)));
    }

    private void propose(CaseFile file, DeadlineAgreed proposal) {
        String instance = file.processInstanceId();
        Map<String, Object> stored = runtimeService.getVariables(instance, List.of(AFWIJKING_STAP,
                AFWIJKING_BEVESTIGEN_UITERLIJK, deadlineVariable(proposal.step()),
                deadlineVariable(MilestoneKey.EERSTEJAARSEVALUATIE)));
        if (stored.get(AFWIJKING_STAP) != null) {
            throw RuleViolationException.conflict("step", "a proposed deviation for the " + stored.get(AFWIJKING_STAP)
                    + " waits for the werknemer's answer until " + time.dayOf((Date) stored.get(
                            AFWIJKING_BEVESTIGEN_UITERLIJK)));
        }
        LocalDate current = rules.openDeadline(file.caseId(), proposal.step(),
                stored.get(deadlineVariable(proposal.step())));
        if (!proposal.newDeadline().isAfter(current)) {
            throw RuleViolationException.invalid("newDeadline", "must be after the current deadline " + current
                    + " (an earlier date needs no agreement)");
        }
        Object eje = stored.get(deadlineVariable(MilestoneKey.EERSTEJAARSEVALUATIE));
        if (eje instanceof Date date && !proposal.newDeadline().isBefore(time.dayOf(date))) {
            throw RuleViolationException.invalid("newDeadline", "must be before the eerstejaarsevaluatie's legal date "
                    + time.dayOf(date) + ": that evaluation looks back on the analysis and the plan");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(AFWIJKING_STAP, proposal.step().key());
        variables.put(AFWIJKING_STAP_NAAM, proposal.step().label().toLowerCase());
        variables.put(AFWIJKING_NIEUWE_TERMIJN, proposal.newDeadline().toString());
        variables.put(AFWIJKING_AFGESPROKEN_OP, proposal.agreedOn().toString());
        variables.put(AFWIJKING_REDEN, proposal.reason());
        variables.put(AFWIJKING_BEVESTIGEN_UITERLIJK, time.endOfDay(current));
        runtimeService.setVariables(instance, variables);
        runtimeService.createMessageCorrelation(ProcessKeys.Messages.AFWIJKING_TERMIJN_VOORGESTELD)
                .processInstanceId(instance).correlate();
        Map<String, Object> content = new LinkedHashMap<>(proposal.facts());
        content.put("vorigeTermijn", current.toString());
        content.put("akkoordWerkgever", true);
        content.put("antwoordWerknemerUiterlijk", current.toString());
        dossier.recordForCase(file.caseId(), instance, file.employerId(), DossierEntryType.DECISION,
                "Afwijking van de termijn " + proposal.step().label().toLowerCase() + " voorgesteld door de werkgever",
                content);
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
}
