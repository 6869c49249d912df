package nl.spoorwijzer.recovery;

import static nl.spoorwijzer.process.ProcessVariables.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.casefile.CaseProgress;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.CaseRescheduling;
import nl.spoorwijzer.process.RecoveryGaps;
import nl.spoorwijzer.timeline.RecoveryGap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * A relapse within 28 days continues the same case (samentelling, BW 7:629 lid 10): the healthy days become a
 * recovery gap, the paused work resumes where it stood and every pending timer and due date moves by the gap. Runs
 * in the caller's transaction, as separate engine commands: first the activation, then the moves.
 */
@Component
class CaseResumption {

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RuntimeService runtimeService;
    private final CaseSuspension suspension;
    private final CaseRescheduling rescheduling;
    private final CaseFileRepository cases;
    private final CaseProgress progress;
    private final CaseDossier dossier;

    CaseResumption(ProcessEngineConfigurationImpl engineConfiguration, RuntimeService runtimeService,
                   CaseSuspension suspension, CaseRescheduling rescheduling, CaseFileRepository cases,
                   CaseProgress progress, CaseDossier dossier) {
        this.engineConfiguration = engineConfiguration;
        this.runtimeService = runtimeService;
        this.suspension = suspension;
        this.rescheduling = rescheduling;
        this.cases = cases;
        this.progress = progress;
        this.dossier = dossier;
    }

    void resume(CaseFile file, LocalDate relapse, String reportedBy) {
        String caseInstance = file.processInstanceId();
        LocalDate recovered = file.recoveredOn();
        long gapDays = ChronoUnit.DAYS.between(recovered, relapse);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(HERSTEL_DATUM, recovered.toString());
        content.put(TERUGVAL_DATUM, relapse.toString());
        content.put("hersteldagen", gapDays);
        suspension.activate(caseInstance);
        if (gapDays > 0) {
            List<RecoveryGap> gaps = new ArrayList<>(
                    RecoveryGaps.parse((String) runtimeService.getVariable(caseInstance, HERSTELPERIODES)));
            gaps.add(new RecoveryGap(recovered, relapse.minusDays(1)));
            runtimeService.setVariable(caseInstance, HERSTELPERIODES, RecoveryGaps.format(gaps));
        }
        runtimeService.removeVariable(caseInstance, HERSTEL_DATUM);
        cases.resumed(file.caseId());
        dossier.recordForCase(file.caseId(), caseInstance, file.employerId(), DossierEntryType.RELAPSE,
                "Terugval binnen 4 weken: de zaak loopt door, termijnen schuiven " + gapDays + " dagen op", reportedBy,
                content);
        rescheduling.reschedule(caseInstance, gapDays, "terugval na " + gapDays + " hersteldagen", content);
        engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
            progress.refresh(file.caseId());
            return null;
        });
    }
}
