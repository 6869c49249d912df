package nl.spoorwijzer.uwv;

import static nl.spoorwijzer.process.ProcessVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.ExpertOpinionEntries;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.opinions.ExpertOpinion;
import nl.spoorwijzer.opinions.ExpertOpinionOutcome;
import nl.spoorwijzer.opinions.ExpertOpinions;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.CaseRescheduling.MovedTimeline;
import nl.spoorwijzer.process.CaseRescheduling;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.TimelineChange.SanctionImposed;
import nl.spoorwijzer.process.TimelineChange.SanctionShortened;
import nl.spoorwijzer.process.TimelineChange.VvlGranted;
import nl.spoorwijzer.process.TimelineChange;
import nl.spoorwijzer.system.RequestValues;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.LegalTerms;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records UWV's decisions on a case. A loonsanctie, its bekorting and a VVL move the end of the waiting period (and
 * a VVL the WIA application), so every pending timer and due date of the case moves with them; a loonsanctie's
 * shortcomings become repair tasks; a deskundigenoordeel goes to the step waiting for it or, when none waits, into
 * the dossier with what follows from it ({@link ExpertOpinions}). Each decision is a dossier
 * entry. Everything is checked before anything is written, and it all happens in one transaction.
 */
@Component("uwvDecisions")
public class UwvDecisions {

    static final int MAX_SHORTCOMINGS = 20;

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() { };

    private final RuntimeService runtimeService;
    private final CaseAccess access;
    private final CaseRescheduling rescheduling;
    private final CaseDossier dossier;
    private final LegalTime time;
    private final ObjectMapper json;
    private final EarlyIvaDecisions earlyIva;
    private final ExpertOpinions opinions;

    public UwvDecisions(RuntimeService runtimeService, CaseAccess access, CaseRescheduling rescheduling,
                        CaseDossier dossier, LegalTime time, ObjectMapper json, EarlyIvaDecisions earlyIva,
                        ExpertOpinions opinions) {
        this.earlyIva = earlyIva;
        this.opinions = opinions;
        this.runtimeService = runtimeService;
        this.access = access;
        this.rescheduling = rescheduling;
        this.dossier = dossier;
        this.time = time;
        this.json = json;
    }

    /** The shortcomings of the case's loonsanctie: the collection of the model's repair tasks. */
    public List<String> shortcomings(VariableScope execution) {
        Object stored = execution.getVariable(TEKORTKOMINGEN);
        try {
            return stored == null ? List.of() : json.readValue(stored.toString(), TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("variable " + TEKORTKOMINGEN + " is not a JSON array of texts", e);
        }
    }

    /** Records the decision; answers what follows from it in Dutch (a deskundigenoordeel's gevolg), else null. */
    @Transactional
    public String record(CaseFile file, UwvDecisionRequest request) {
        if (!access.mayReportFor(file.employerId(), Role.WERKGEVER, Role.BEDRIJFSARTS)) {
            throw RuleViolationException.notAllowed("caseId", "only the employer side (werkgever, bedrijfsarts)"
                    + " records UWV decisions for employer '" + file.employerId() + "'");
        }
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase()
                    + "; UWV decisions apply to a running case");
        }
        UwvDecisionType type = type(request.type());
        LocalDate decisionDate = decisionDate(file, request.decisionDate());
        Map<String, Object> variables = access.withoutCaller(() -> runtimeService.getVariables(file.processInstanceId(),
                List.of(LOONSANCTIE_WEKEN, LOONSANCTIE_EINDE, VERVROEGDE_IVA_BESLUIT)));
        if (EarlyIvaDecisions.GRANTED.equals(variables.get(VERVROEGDE_IVA_BESLUIT))) {
            throw RuleViolationException.conflict("type", "UWV granted an early IVA in this case: the re-integration"
                    + " ended and the case closes at the end of the shortened waiting period");
        }
        if (type == UwvDecisionType.VERVROEGDE_IVA) {
            earlyIva.record(file, request, decisionDate, variables.get(VERVROEGDE_IVA_BESLUIT));
            return null;
        }
        Map<String, Object> content = switch (type) {
            case LOONSANCTIE -> loonsanctie(file, request, decisionDate, variables);
            case BEKORTING -> bekorting(file, decisionDate, variables);
            case VVL -> vvl(file, request, decisionDate);
            case DESKUNDIGENOORDEEL -> deskundigenoordeel(file, request, decisionDate);
            case VERVROEGDE_IVA -> throw new IllegalStateException("recorded by EarlyIvaDecisions");
        };
        dossier.recordForCase(file.caseId(), file.processInstanceId(), file.employerId(), DossierEntryType.UWV_DECISION,
                "UWV-besluit: " + type.name().toLowerCase(), content);
        Object consequence = content.get(ExpertOpinionEntries.CONSEQUENCE);
        return consequence == null ? null : consequence.toString();
    }

    private Map<String, Object> loonsanctie(CaseFile file, UwvDecisionRequest request, LocalDate decisionDate,
                                            Map<String, Object> current) {
        if (current.get(LOONSANCTIE_WEKEN) != null) {
            throw RuleViolationException.conflict("type", "a loonsanctie of " + current.get(LOONSANCTIE_WEKEN)
                    + " weeks is already imposed; UWV shortens it with a BEKORTING decision");
        }
        int weeks = weeks(request.weeks(), LegalTerms.MIN_SANCTION_WEEKS, LegalTerms.MAX_SANCTION_WEEKS,
                "a loonsanctie extends the waiting period by " + LegalTerms.MIN_SANCTION_WEEKS + " to "
                        + LegalTerms.MAX_SANCTION_WEEKS + " weeks (WIA art. 25 lid 9)");
        SanctionImposed sanction = new SanctionImposed(decisionDate, weeks, shortcomings(request.shortcomings()));
        return access.withoutCaller(() -> {
            Map<String, Object> content = moveTimeline(file, sanction);
            runtimeService.createMessageCorrelation(ProcessKeys.Messages.LOONSANCTIE_OPGELEGD)
                    .processInstanceId(file.processInstanceId())
                    .correlate();
            return content;
        });
    }

    private Map<String, Object> bekorting(CaseFile file, LocalDate grantedOn, Map<String, Object> current) {
        if (current.get(LOONSANCTIE_WEKEN) == null) {
            throw RuleViolationException.conflict("type", "there is no loonsanctie to shorten in this case");
        }
        if (current.get(LOONSANCTIE_EINDE) != null) {
            throw RuleViolationException.conflict("type", "the loonsanctie was already shortened; it ends on "
                    + current.get(LOONSANCTIE_EINDE));
        }
        return access.withoutCaller(() -> moveTimeline(file, new SanctionShortened(grantedOn)));
    }

    private Map<String, Object> vvl(CaseFile file, UwvDecisionRequest request, LocalDate decisionDate) {
        int weeks = weeks(request.weeks(), LegalTerms.MIN_VVL_WEEKS, Integer.MAX_VALUE,
                "a voluntary extension of wage payment (VVL) is at least " + LegalTerms.MIN_VVL_WEEKS
                        + " weeks (WIA art. 24)");
        if (!Boolean.TRUE.equals(request.employerAgreed())) {
            throw RuleViolationException.invalid("employerAgreed", "must be true: a VVL is requested jointly by"
                    + " werkgever and werknemer (WIA art. 24)");
        }
        if (!Boolean.TRUE.equals(request.employeeAgreed())) {
            throw RuleViolationException.invalid("employeeAgreed", "must be true: a VVL is requested jointly by"
                    + " werkgever and werknemer (WIA art. 24)");
        }
        return access.withoutCaller(() -> moveTimeline(file, new VvlGranted(decisionDate, weeks)));
    }

    /** The decision's dossier content: what the timeline change recorded, with the new legal dates. */
    private Map<String, Object> moveTimeline(CaseFile file, TimelineChange change) {
        MovedTimeline moved = rescheduling.apply(file.processInstanceId(), change);
        Map<String, Object> content = new LinkedHashMap<>(moved.facts());
        content.put(DossierEntry.TIMELINE, moved.dates());
        return content;
    }

    private Map<String, Object> deskundigenoordeel(CaseFile file, UwvDecisionRequest request,
                                                   LocalDate decisionDate) {
        ExpertOpinionOutcome outcome = opinions.record(file, new ExpertOpinion(decisionDate, request.question(),
                request.verdict(), request.requestId(), request.conclusion(), request.startSpoor2()));
        return outcome.content();
    }

    private static UwvDecisionType type(String value) {
        if (value == null || value.isBlank()) {
            throw RuleViolationException.invalid("type", "is required: one of "
                    + Arrays.toString(UwvDecisionType.values()));
        }
        try {
            return UwvDecisionType.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.invalid("type", "must be one of " + Arrays.toString(UwvDecisionType.values())
                    + " (got '" + value + "')");
        }
    }

    private LocalDate decisionDate(CaseFile file, String value) {
        LocalDate date = RequestValues.notInFuture("decisionDate",
                RequestValues.isoDate("decisionDate", value, "the date of UWV's decision"), time.today());
        if (date.isBefore(file.firstSickDay())) {
            throw RuleViolationException.invalid("decisionDate", "must not be before the first sick day "
                    + file.firstSickDay());
        }
        return date;
    }

    private static int weeks(Integer weeks, int min, int max, String rule) {
        if (weeks == null || weeks < min || weeks > max) {
            throw RuleViolationException.invalid("weeks", "must be given: " + rule);
        }
        return weeks;
    }

    private static List<String> shortcomings(List<String> shortcomings) {
        if (shortcomings == null || shortcomings.isEmpty() || shortcomings.size() > MAX_SHORTCOMINGS) {
            throw RuleViolationException.invalid("shortcomings", "must name 1 to " + MAX_SHORTCOMINGS
                    + " shortcomings from UWV's decision: each becomes a repair task");
        }
        for (String shortcoming : shortcomings) {
            if (shortcoming == null || shortcoming.isBlank() || shortcoming.length() > 1000) {
                throw RuleViolationException.invalid("shortcomings", "each shortcoming is a text of 1 to 1000"
                        + " characters");
            }
        }
        return shortcomings.stream().map(String::trim).toList();
    }
}
