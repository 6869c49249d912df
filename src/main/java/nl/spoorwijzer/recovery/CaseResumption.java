package nl.spoorwijzer.recovery;

import static nl.spoorwijzer.process.ProcessVariables.HERSTEL_DATUM;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.CaseRescheduling;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.TimelineChange.RecoveryGapAdded;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * A relapse within 28 days of the recovery date continues the same case (samentelling, BW 7:629 lid 10): the healthy days become a
 * recovery gap, the paused work resumes where it stood and every pending timer and due date moves by the gap. Runs
 * in the caller's transaction, as separate engine commands: first the activation, then the moves.
 */
@Component
class CaseResumption {

    private final RuntimeService runtimeService;
    private final CaseSuspension suspension;
    private final CaseRescheduling rescheduling;
    private final CaseFileRepository cases;
    private final CaseDossier dossier;
    private final LegalTime time;

    CaseResumption(RuntimeService runtimeService, CaseSuspension suspension, CaseRescheduling rescheduling,
                   CaseFileRepository cases, CaseDossier dossier, LegalTime time) {
        this.time = time;
        this.runtimeService = runtimeService;
        this.suspension = suspension;
        this.rescheduling = rescheduling;
        this.cases = cases;
        this.dossier = dossier;
    }

    /**
     * Continues {@code file}: paused in its herstelperiode, or closed after it (a late report of a relapse within the
     * 28 days), in which case it is reopened with the same id, process and dossier.
     */
    void resume(CaseFile file, LocalDate relapse, String reportedBy) {
        String caseInstance = file.processInstanceId();
        RecoveryGapAdded gap = new RecoveryGapAdded(file.recoveredOn(), relapse);
        boolean reopened = CaseFile.CLOSED.equals(file.status());
        suspension.activate(caseInstance);
        runtimeService.removeVariable(caseInstance, HERSTEL_DATUM);
        cases.resumed(file.caseId());
        Map<String, Object> facts = new LinkedHashMap<>(gap.facts());
        facts.put("gemeldOp", time.today().toString());
        if (reopened) {
            facts.put("heropendNaAfsluitreden", file.closedReason());
        }
        dossier.recordForCase(file.caseId(), caseInstance, file.employerId(), DossierEntryType.RELAPSE,
                (reopened ? "Terugval binnen 4 weken na herstel, later gemeld: de zaak is heropend"
                        : "Terugval binnen 4 weken: de zaak loopt door")
                        + ", termijnen schuiven " + gap.shiftDays() + " dagen op", reportedBy, facts);
        rescheduling.apply(caseInstance, gap);
    }
}
