package nl.spoorwijzer.employment;

import static nl.spoorwijzer.process.ProcessVariables.CONTRACT_EINDDATUM;
import static nl.spoorwijzer.process.ProcessVariables.EINDE_DIENSTVERBAND_REDEN;
import static nl.spoorwijzer.process.ProcessVariables.LOONSANCTIE_EINDE;
import static nl.spoorwijzer.process.ProcessVariables.VERVROEGDE_IVA_BESLUIT;
import static nl.spoorwijzer.process.ProcessVariables.VERVROEGDE_IVA_TOEGEKEND;
import static nl.spoorwijzer.process.ProcessVariables.VSO_ONDERTEKEND_OP;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.EndReason;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import nl.spoorwijzer.timeline.ContractEnd;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A vaststellingsovereenkomst (seed 004: "Soms wordt een beëindiging met een vaststellingsovereenkomst voorgesteld"):
 * werkgever and werknemer end the employment by agreement. The werkgever records the day both signed it and the
 * agreed last day; that is a dossier decision, and the contract ends on that day through the case's own end of
 * employment (message {@code EinddatumContractGewijzigd}): the ziek-uit-dienstmelding's task and due date, the
 * verslag the sickness length asks for, the handover to UWV — and the case closes with the reason
 * {@code vaststellingsovereenkomst}. Refused while a loonsanctie runs (no dismissal and no termination agreement
 * then, domain reference §2.2), after an early IVA, and when the contract already ends earlier. Recording it again
 * corrects the dates (a new entry: the dossier is append-only). The agreed last day lies at the latest on the last
 * day of the waiting period (after it the case ends with the waiting period, not by the agreement). Everything is
 * checked before anything is written, under the case's row lock: two agreements recorded at the same moment are
 * stored one after the other (the second as a correction), never as two first agreements.
 */
@Service
public class SettlementAgreements {

    static final int MAX_EXPLANATION_LENGTH = 1000;
    /** The case's last day of the waiting period, as its timeline computed it (moved by a VVL or loonsanctie). */
    private static final String EINDE_WACHTTIJD = ProcessVariables.deadlineVariable(MilestoneKey.EINDE_WACHTTIJD);

    private final RuntimeService runtimeService;
    private final CaseAccess access;
    private final CaseFileRepository cases;
    private final CaseDossier dossier;
    private final ContractEnd rules;
    private final LegalTime time;

    public SettlementAgreements(RuntimeService runtimeService, CaseAccess access, CaseFileRepository cases,
                                CaseDossier dossier, ContractEnd rules, LegalTime time) {
        this.runtimeService = runtimeService;
        this.access = access;
        this.cases = cases;
        this.dossier = dossier;
        this.rules = rules;
        this.time = time;
    }

    @Transactional
    public void record(CaseFile visible, SettlementRequest request) {
        if (!access.mayReportFor(visible.employerId(), Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("caseId", "only the werkgever of employer '" + visible.employerId()
                    + "' records a vaststellingsovereenkomst");
        }
        CaseFile file = cases.lockForChange(visible.caseId()).orElseThrow();
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase()
                    + "; a vaststellingsovereenkomst is recorded on a running case");
        }
        LocalDate today = time.today();
        List<Violation> violations = new ArrayList<>();
        LocalDate signedOn = date("signedOn", request.signedOn(), violations);
        LocalDate end = date("employmentEndDate", request.employmentEndDate(), violations);
        String explanation = request.explanation() == null ? "" : request.explanation().trim();
        if (explanation.isEmpty() || explanation.length() > MAX_EXPLANATION_LENGTH) {
            violations.add(new Violation("explanation", "is required, 1 to " + MAX_EXPLANATION_LENGTH
                    + " characters: what was agreed (no medical details)"));
        }
        if (signedOn != null && signedOn.isAfter(today)) {
            violations.add(new Violation("signedOn", "must not be in the future (today is " + today + ")"));
        } else if (signedOn != null && signedOn.isBefore(file.firstSickDay())) {
            violations.add(new Violation("signedOn", "must not be before the first sick day " + file.firstSickDay()));
        }
        if (end != null && signedOn != null && end.isBefore(signedOn)) {
            violations.add(new Violation("employmentEndDate", "must not be before the day it was signed " + signedOn));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Map<String, Object> current = access.withoutCaller(() -> runtimeService.getVariables(
                file.processInstanceId(), List.of(CONTRACT_EINDDATUM, EINDE_DIENSTVERBAND_REDEN, VERVROEGDE_IVA_BESLUIT,
                        LOONSANCTIE_EINDE, EINDE_WACHTTIJD)));
        LocalDate waitingPeriodEnd = time.toDate(current.get(EINDE_WACHTTIJD));
        if (waitingPeriodEnd != null && end.isAfter(waitingPeriodEnd)) {
            throw RuleViolationException.invalid("employmentEndDate", "must not be after the end of the waiting"
                    + " period " + waitingPeriodEnd + ": the case ends then, not by the agreement");
        }
        if (VERVROEGDE_IVA_TOEGEKEND.equals(current.get(VERVROEGDE_IVA_BESLUIT))) {
            throw RuleViolationException.conflict("caseId", "UWV granted an early IVA: the re-integration ended and"
                    + " the case closes at the end of the shortened waiting period");
        }
        LocalDate sanctionEnd = time.toDate(current.get(LOONSANCTIE_EINDE));
        if (sanctionEnd != null && !sanctionEnd.isBefore(today)) {
            throw RuleViolationException.conflict("caseId", "a loonsanctie runs until " + sanctionEnd + ": no"
                    + " termination agreement while it runs (domain reference §2.2)");
        }
        boolean earlier = EndReason.VASTSTELLINGSOVEREENKOMST.key().equals(current.get(EINDE_DIENSTVERBAND_REDEN));
        LocalDate contractEnd = time.toDate(current.get(CONTRACT_EINDDATUM));
        if (!earlier && contractEnd != null && contractEnd.isBefore(end)) {
            throw RuleViolationException.conflict("employmentEndDate", "the contract already ends on " + contractEnd
                    + ", before the agreed day");
        }
        access.runWithoutCaller(() -> {
            try {
                runtimeService.createMessageCorrelation(ProcessKeys.Messages.EINDDATUM_CONTRACT_GEWIJZIGD)
                        .processInstanceId(file.processInstanceId())
                        .setVariable(CONTRACT_EINDDATUM, end.toString())
                        .setVariable(EINDE_DIENSTVERBAND_REDEN, EndReason.VASTSTELLINGSOVEREENKOMST.key())
                        .setVariable(VSO_ONDERTEKEND_OP, signedOn.toString())
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException e) {
                throw RuleViolationException.conflict("caseId", "the case is ending and no longer waits for its"
                        + " contract end date; read it again");
            }
        });
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(VSO_ONDERTEKEND_OP, signedOn.toString());
        content.put(CONTRACT_EINDDATUM, end.toString());
        content.put("laatsteWerkdag", rules.reportDue(end).toString());
        content.put("vorigeEinddatum", contractEnd == null ? null : contractEnd.toString());
        content.put("toelichting", explanation);
        content.put("gevolg", "Het dienstverband eindigt op " + end + "; is de werknemer dan nog ziek, dan volgt de"
                + " ziek-uit-dienstmelding bij UWV uiterlijk op de laatste werkdag. Een werknemer die zelf instemt met"
                + " het einde van zijn dienstverband loopt het risico zijn Ziektewet-uitkering te verliezen.");
        dossier.recordForCase(file.caseId(), file.processInstanceId(), file.employerId(),
                DossierEntryType.SETTLEMENT_AGREEMENT, (earlier ? "Vaststellingsovereenkomst gecorrigeerd"
                        : "Vaststellingsovereenkomst gesloten") + ": dienstverband eindigt op " + end, content);
    }

    private static LocalDate date(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date in ISO format YYYY-MM-DD (got '" + value + "')"));
            return null;
        }
    }
}
