package nl.spoorwijzer.recovery;

import static nl.spoorwijzer.process.ProcessVariables.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.cases.Relapses;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.RecoveryGaps;
import nl.spoorwijzer.system.RequestValues;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.SicknessPeriods;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery and relapse (BW 7:629 lid 10). A full recovery pauses the case's open work and starts the 28-day
 * herstelperiode; a new sick report within it continues the same case with every date moved by the healthy days,
 * later it opens a new case. A partial recovery is recorded and the clock keeps running.
 */
@Service
public class CaseRecovery implements Relapses {

    private final RuntimeService runtimeService;
    private final CaseFileRepository cases;
    private final CaseAccess access;
    private final CaseSuspension suspension;
    private final CaseResumption resumption;
    private final CaseDossier dossier;
    private final LegalTime time;

    public CaseRecovery(RuntimeService runtimeService, CaseFileRepository cases, CaseAccess access,
                        CaseSuspension suspension, CaseResumption resumption, CaseDossier dossier, LegalTime time) {
        this.resumption = resumption;
        this.runtimeService = runtimeService;
        this.cases = cases;
        this.access = access;
        this.suspension = suspension;
        this.dossier = dossier;
        this.time = time;
    }

    /** Records a (partial) recovery; every check happens before anything is written. */
    @Transactional
    public void recover(CaseFile file, RecoveryRequest request) {
        if (!access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("caseId", "you may not report recovery for employer '"
                    + file.employerId() + "'");
        }
        if (CaseFile.RECOVERED.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is already recovered since "
                    + file.recoveredOn() + "; a new sick report (POST /api/cases) within 28 days continues it");
        }
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is closed (" + file.closedReason() + ")");
        }
        LocalDate date = validDate(file, request.date());
        Integer percentage = request.percentage();
        if (percentage != null && (percentage < 1 || percentage > 100)) {
            throw RuleViolationException.invalid("percentage", "must be between 1 and 100 (100 = full recovery;"
                    + " partial recovery keeps the 104-week clock running, BW 7:629)");
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(HERSTEL_DATUM, date.toString());
        if (percentage != null && percentage < 100) {
            content.put(DEELHERSTEL_PERCENTAGE, percentage);
            access.runWithoutCaller(() ->
                    runtimeService.setVariable(file.processInstanceId(), DEELHERSTEL_PERCENTAGE, percentage));
            cases.partiallyRecovered(file.caseId(), percentage);
            record(file, "Gedeeltelijk hersteld (" + percentage + "%); de wachttijd loopt door", content);
        } else {
            LocalDate definitive = SicknessPeriods.recoveredForGoodOn(date);
            access.runWithoutCaller(() -> pauseCase(file, date, definitive));
            cases.recovered(file.caseId(), date);
            content.put("zaakGeslotenOp", definitive.toString());
            record(file, "Volledig hersteld; zonder terugval wordt de zaak op " + definitive + " gesloten", content);
        }
    }

    private void pauseCase(CaseFile file, LocalDate date, LocalDate definitive) {
        runtimeService.setVariable(file.processInstanceId(), HERSTEL_DATUM, date.toString());
        suspension.suspend(file.processInstanceId());
        Map<String, Object> variables = new HashMap<>();
        variables.put(WERKGEVER_ID, file.employerId());
        variables.put(WERKNEMER_ID, file.employeeId());
        variables.put(HERSTEL_DATUM, date.toString());
        variables.put(HERSTELPERIODE_EINDE, time.startOfDay(definitive));
        variables.put(ZAAK_PROCESS_INSTANCE_ID, file.processInstanceId());
        runtimeService.startProcessInstanceByKey(ProcessKeys.HERSTELPERIODE, file.caseId(), variables);
    }

    /**
     * A new sick report for an employee whose open case is recovered. Within 28 days the same case continues;
     * otherwise the old case closes as hersteld and the caller opens a new one.
     *
     * @return true when the recovered case continues
     */
    @Transactional
    @Override
    public boolean continueRecovered(CaseFile recovered, LocalDate firstSickDay) {
        if (firstSickDay.isBefore(recovered.recoveredOn())) {
            throw RuleViolationException.invalid("firstSickDay", "must not be before the recovery date "
                    + recovered.recoveredOn() + " of the open case " + recovered.caseId());
        }
        boolean within = SicknessPeriods.continuesCase(recovered.recoveredOn(), firstSickDay);
        String reporter = access.callerId();
        access.runWithoutCaller(() -> {
            try {
                runtimeService.createMessageCorrelation(ProcessKeys.Messages.TERUGVAL)
                        .processInstanceBusinessKey(recovered.caseId())
                        .setVariable(TERUGVAL_DATUM, firstSickDay.toString())
                        .setVariable(TERUGVAL_BINNEN_VIER_WEKEN, within)
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException e) {
                throw RuleViolationException.conflict("employeeId", "the recovered case " + recovered.caseId()
                        + " was just continued or closed by another report; read it again");
            }
            if (within) {
                resumption.resume(recovered, firstSickDay, reporter);
            }
        });
        return within;
    }

    private LocalDate validDate(CaseFile file, String value) {
        LocalDate date = RequestValues.notInFuture("date",
                RequestValues.isoDate("date", value, "the first day of (partial) recovery"), time.today());
        LocalDate lastSickDay = lastRelapse(file);
        if (!date.isAfter(lastSickDay)) {
            throw RuleViolationException.invalid("date", "must be after " + lastSickDay
                    + ", the first sick day of the current sickness period (BW 7:629 lid 10)");
        }
        return date;
    }

    /** The first sick day of the current sickness period: the case's first sick day or the last relapse. */
    private LocalDate lastRelapse(CaseFile file) {
        Object gaps = access.withoutCaller(() -> runtimeService.getVariable(file.processInstanceId(), HERSTELPERIODES));
        return SicknessPeriods.currentPeriodStart(file.firstSickDay(), RecoveryGaps.parse((String) gaps));
    }

    private void record(CaseFile file, String subject, Map<String, Object> content) {
        dossier.recordForCase(file.caseId(), file.processInstanceId(), file.employerId(), DossierEntryType.RECOVERY,
                subject, content);
    }
}
