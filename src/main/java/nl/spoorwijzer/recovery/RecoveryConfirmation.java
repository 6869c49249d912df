package nl.spoorwijzer.recovery;

import static nl.spoorwijzer.process.ProcessVariables.AFSLUITREDEN;
import static nl.spoorwijzer.process.ProcessVariables.HERSTEL_DATUM;
import static nl.spoorwijzer.process.ProcessVariables.ZAAK_PROCESS_INSTANCE_ID;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.LegalTime;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Zaak sluiten als hersteld": 28 days passed without a relapse (or the relapse came later), so the recovery is
 * definitive and a new sickness is a new case (BW 7:629 lid 10). Closes the case in the read model and the dossier
 * and ends its paused process (and the processes it called) with the reason {@code hersteld}.
 */
@Component("recoveryConfirmation")
class RecoveryConfirmation implements JavaDelegate {

    static final String REASON = "hersteld";

    private final RuntimeService runtimeService;
    private final CaseFileRepository cases;
    private final CaseDossier dossier;
    private final LegalTime time;

    RecoveryConfirmation(RuntimeService runtimeService, CaseFileRepository cases, CaseDossier dossier,
                         LegalTime time) {
        this.runtimeService = runtimeService;
        this.cases = cases;
        this.dossier = dossier;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        String caseInstance = (String) execution.getVariable(ZAAK_PROCESS_INSTANCE_ID);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(AFSLUITREDEN, REASON);
        content.put("datum", time.today().toString());
        content.put(HERSTEL_DATUM, time.toDate(execution.getVariable(HERSTEL_DATUM)).toString());
        cases.close(caseId, REASON);
        dossier.recordForCase(caseId, caseInstance, execution.getTenantId(), DossierEntryType.CASE_CLOSED,
                "Zaak afgesloten: " + REASON, content);
        // A suspended process can be ended; its paused tasks and timers go with it.
        runtimeService.deleteProcessInstance(caseInstance, REASON);
    }
}
