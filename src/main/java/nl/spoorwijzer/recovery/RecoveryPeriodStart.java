package nl.spoorwijzer.recovery;

import static nl.spoorwijzer.process.ProcessVariables.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.timeline.SicknessPeriods;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Pauses a case for the 28-day herstelperiode, after a full recovery or a structural return to (adapted) own work:
 * the case's open work is suspended, the {@code herstelperiode} process waits for a relapse under the case's id, the
 * read model shows the case as recovered and the dossier records what kind of return it was and until when a late
 * relapse report still reopens the case ({@link RecoverySettings}). Runs in the caller's transaction: from the
 * recovery API or from the case process's own step that records a structural return.
 */
@Component
class RecoveryPeriodStart {

    private final RuntimeService runtimeService;
    private final CaseFileRepository cases;
    private final CaseAccess access;
    private final CaseSuspension suspension;
    private final CaseDossier dossier;
    private final LegalTime time;
    private final RecoverySettings settings;

    RecoveryPeriodStart(RuntimeService runtimeService, CaseFileRepository cases, CaseAccess access,
                        CaseSuspension suspension, CaseDossier dossier, LegalTime time, RecoverySettings settings) {
        this.runtimeService = runtimeService;
        this.cases = cases;
        this.access = access;
        this.suspension = suspension;
        this.dossier = dossier;
        this.time = time;
        this.settings = settings;
    }

    /**
     * From outside the case's process (the recovery API): pauses at once. The rules were checked by the caller: the
     * case is open and {@code date} is a valid recovery date.
     */
    void start(CaseFile file, LocalDate date, RecoveryKind kind) {
        access.runWithoutCaller(() -> suspension.suspend(file.processInstanceId()));
        startPaused(file, date, kind);
    }

    /**
     * From a step of the case's own process (a structural return). That command has the case's executions, tasks
     * and jobs loaded and is still changing them; Camunda's suspension is a bulk update that would collide with them
     * (optimistic locking on the timers the step removes). So the case is paused in a command of its own once this
     * one is flushed, before the same transaction commits: all or nothing, and nothing runs in between.
     */
    void startFromCaseProcess(CaseFile file, LocalDate date, RecoveryKind kind) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTING,
                committing -> access.runWithoutCaller(() -> suspension.suspend(file.processInstanceId())));
        startPaused(file, date, kind);
    }

    private void startPaused(CaseFile file, LocalDate date, RecoveryKind kind) {
        LocalDate definitive = SicknessPeriods.recoveredForGoodOn(date);
        LocalDate lateReportsEnd = definitive.plusDays(settings.lateRelapseReportDays());
        access.runWithoutCaller(() -> startHerstelperiode(file, date, kind, definitive, lateReportsEnd));
        cases.recovered(file.caseId(), date);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(HERSTEL_DATUM, date.toString());
        content.put(HERSTEL_SOORT, kind.reason());
        content.put("zaakGeslotenOp", definitive.toString());
        content.put("lateTerugvalGemeldTot", lateReportsEnd.minusDays(1).toString());
        dossier.recordForCase(file.caseId(), file.processInstanceId(), file.employerId(), DossierEntryType.RECOVERY,
                kind.label() + " op " + date + "; zonder terugval binnen 4 weken wordt de zaak op " + definitive
                        + " gesloten", content);
    }

    private void startHerstelperiode(CaseFile file, LocalDate date, RecoveryKind kind, LocalDate definitive,
                                     LocalDate lateReportsEnd) {
        runtimeService.setVariable(file.processInstanceId(), HERSTEL_DATUM, date.toString());
        Map<String, Object> variables = new HashMap<>();
        variables.put(WERKGEVER_ID, file.employerId());
        variables.put(WERKNEMER_ID, file.employeeId());
        variables.put(HERSTEL_DATUM, date.toString());
        variables.put(HERSTEL_SOORT, kind.reason());
        variables.put(HERSTELPERIODE_EINDE, time.startOfDay(definitive));
        variables.put(LATE_ZIEKMELDING_EINDE, time.startOfDay(lateReportsEnd));
        variables.put(ZAAK_PROCESS_INSTANCE_ID, file.processInstanceId());
        runtimeService.startProcessInstanceByKey(ProcessKeys.HERSTELPERIODE, file.caseId(), variables);
    }
}
