package nl.spoorwijzer.recovery;

import static nl.spoorwijzer.process.ProcessVariables.AFSLUITREDEN;
import static nl.spoorwijzer.process.ProcessVariables.HERSTEL_DATUM;
import static nl.spoorwijzer.process.ProcessVariables.HERSTEL_SOORT;
import static nl.spoorwijzer.process.ProcessVariables.LATE_ZIEKMELDING_EINDE;
import static nl.spoorwijzer.process.ProcessVariables.ZAAK_PROCESS_INSTANCE_ID;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.timeline.LegalTerms;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Zaak sluiten als hersteld": 28 days passed without a relapse (or a new sickness of 28 days or later after the
 * recovery was reported), so the case closes — with the reason of its kind of return, {@code hersteld} or
 * {@code structureelHervat} — in the read model and the dossier. The paused case process is kept: a relapse within the
 * 28 days that is reported late still reopens the case ({@link RecoveryFinalisation} ends it).
 */
@Component("recoveryConfirmation")
class RecoveryConfirmation implements JavaDelegate {

    private final CaseFileRepository cases;
    private final CaseDossier dossier;
    private final LegalTime time;

    RecoveryConfirmation(CaseFileRepository cases, CaseDossier dossier, LegalTime time) {
        this.cases = cases;
        this.dossier = dossier;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        String caseInstance = (String) execution.getVariable(ZAAK_PROCESS_INSTANCE_ID);
        String reason = RecoveryKind.of(execution.getVariable(HERSTEL_SOORT)).reason();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(AFSLUITREDEN, reason);
        content.put("datum", time.today().toString());
        LocalDate recoveredOn = time.toDate(execution.getVariable(HERSTEL_DATUM));
        content.put(HERSTEL_DATUM, recoveredOn.toString());
        Object lateReportsEnd = execution.getVariable(LATE_ZIEKMELDING_EINDE);
        if (lateReportsEnd != null) {
            content.put("lateTerugvalGemeldTot", time.toDate(lateReportsEnd).minusDays(1).toString());
        }
        // The case ended when the 28 days passed, also when the timer that says so runs later.
        LocalDate herstelperiodeEnd = recoveredOn.plusDays(LegalTerms.NEW_PERIOD_GAP_DAYS);
        cases.closeAfterRecovery(caseId, reason, time.today().isBefore(herstelperiodeEnd) ? time.today()
                : herstelperiodeEnd);
        dossier.recordForCase(caseId, caseInstance, execution.getTenantId(), DossierEntryType.CASE_CLOSED,
                "Zaak afgesloten: " + reason, content);
    }
}
