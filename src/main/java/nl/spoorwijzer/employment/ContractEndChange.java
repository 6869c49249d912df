package nl.spoorwijzer.employment;

import static nl.spoorwijzer.process.ProcessVariables.CONTRACT_EINDDATUM;
import static nl.spoorwijzer.process.ProcessVariables.EINDE_DIENSTVERBAND_REDEN;
import static nl.spoorwijzer.process.ProcessVariables.VERVROEGDE_IVA_BESLUIT;
import static nl.spoorwijzer.process.ProcessVariables.VERVROEGDE_IVA_TOEGEKEND;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.EndReason;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.system.RequestValues;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.ContractEnd;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The werkgever changes the end date of the employee's contract on a running case (extended, made permanent, or
 * ending earlier than reported). The change is a dossier decision with its reason; the model plans the end of
 * employment again (message {@code EinddatumContractGewijzigd}), so the timer of the contract's last day and the
 * ziek-uit-dienstmelding's task and due date move in the same transaction. Everything is checked first.
 */
@Service
public class ContractEndChange {

    static final int MAX_REASON_LENGTH = 1000;

    private final RuntimeService runtimeService;
    private final CaseAccess access;
    private final CaseDossier dossier;
    private final ContractEnd rules;
    private final LegalTime time;

    public ContractEndChange(RuntimeService runtimeService, CaseAccess access, CaseDossier dossier,
                             ContractEnd rules, LegalTime time) {
        this.runtimeService = runtimeService;
        this.access = access;
        this.dossier = dossier;
        this.rules = rules;
        this.time = time;
    }

    @Transactional
    public void change(CaseFile file, ContractEndRequest request) {
        if (!access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("caseId", "only the werkgever of employer '" + file.employerId()
                    + "' changes the contract end date");
        }
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase()
                    + (file.closedReason() == null ? "" : " (" + file.closedReason() + ")")
                    + "; the contract end date is changed on a running case");
        }
        LocalDate newEnd = newEnd(file, request.contractEndDate());
        String reason = reason(request.reason());
        Map<String, Object> current = access.withoutCaller(() -> runtimeService.getVariables(
                file.processInstanceId(), List.of(CONTRACT_EINDDATUM, VERVROEGDE_IVA_BESLUIT,
                        EINDE_DIENSTVERBAND_REDEN)));
        LocalDate oldEnd = time.toDate(current.get(CONTRACT_EINDDATUM));
        if (EndReason.VASTSTELLINGSOVEREENKOMST.key().equals(current.get(EINDE_DIENSTVERBAND_REDEN))) {
            throw RuleViolationException.conflict("caseId", "a vaststellingsovereenkomst ends the employment on "
                    + oldEnd + "; record a corrected agreement instead (POST /api/cases/{id}/settlement)");
        }
        if (Objects.equals(oldEnd, newEnd)) {
            throw RuleViolationException.invalid("contractEndDate", newEnd == null
                    ? "the contract has no end date already" : newEnd + " is the contract end date already");
        }
        if (VERVROEGDE_IVA_TOEGEKEND.equals(current.get(VERVROEGDE_IVA_BESLUIT))) {
            throw RuleViolationException.conflict("caseId", "UWV granted an early IVA: the re-integration ended and"
                    + " the case closes at the end of the shortened waiting period");
        }
        access.runWithoutCaller(() -> {
            try {
                runtimeService.createMessageCorrelation(ProcessKeys.Messages.EINDDATUM_CONTRACT_GEWIJZIGD)
                        .processInstanceId(file.processInstanceId())
                        .setVariable(CONTRACT_EINDDATUM, newEnd == null ? null : newEnd.toString())
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException e) {
                throw RuleViolationException.conflict("caseId", "the case is ending and no longer waits for its"
                        + " contract end date; read it again");
            }
        });
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("vorigeEinddatum", oldEnd == null ? null : oldEnd.toString());
        content.put(CONTRACT_EINDDATUM, newEnd == null ? null : newEnd.toString());
        if (newEnd != null) {
            content.put("laatsteWerkdag", rules.reportDue(newEnd).toString());
        }
        content.put("reden", reason);
        dossier.recordForCase(file.caseId(), file.processInstanceId(), file.employerId(),
                DossierEntryType.CONTRACT_END_CHANGED, newEnd == null
                        ? "Einddatum contract vervallen (contract loopt door)"
                        : "Einddatum contract gewijzigd: " + newEnd, content);
    }

    private static LocalDate newEnd(CaseFile file, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = RequestValues.isoDate("contractEndDate", value, "the contract's last day");
        if (date.isBefore(file.firstSickDay())) {
            throw RuleViolationException.invalid("contractEndDate", "must not be before the first sick day "
                    + file.firstSickDay() + ": the contract ended before the sickness");
        }
        return date;
    }

    private static String reason(String value) {
        String reason = value == null ? "" : value.trim();
        if (reason.isEmpty() || reason.length() > MAX_REASON_LENGTH) {
            throw RuleViolationException.invalid("reason", "is required, 1 to " + MAX_REASON_LENGTH + " characters:"
                    + " changing the contract end date is a recorded decision");
        }
        return reason;
    }
}
