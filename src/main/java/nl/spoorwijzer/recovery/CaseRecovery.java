package nl.spoorwijzer.recovery;

import static nl.spoorwijzer.process.ProcessVariables.*;

import java.time.LocalDate;
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
 * Recovery and relapse (BW 7:629 lid 10). A full recovery, like a structural return to (adapted) own work, pauses the
 * case's open work and starts the 28-day herstelperiode. A new sick report whose first sick day is less than 28 days
 * after the recovery date continues the same case with every date moved by the healthy days — also when it is
 * reported after the herstelperiode closed the case, within {@link RecoverySettings}; a later first sick day opens a
 * new case. A partial recovery is recorded and the clock keeps running.
 */
@Service
public class CaseRecovery implements Relapses {

    private final RuntimeService runtimeService;
    private final CaseFileRepository cases;
    private final CaseAccess access;
    private final RecoveryPeriodStart recoveryPeriod;
    private final CaseResumption resumption;
    private final CaseDossier dossier;
    private final LegalTime time;
    private final RecoverySettings settings;

    public CaseRecovery(RuntimeService runtimeService, CaseFileRepository cases, CaseAccess access,
                        RecoveryPeriodStart recoveryPeriod, CaseResumption resumption, CaseDossier dossier,
                        LegalTime time, RecoverySettings settings) {
        this.resumption = resumption;
        this.runtimeService = runtimeService;
        this.cases = cases;
        this.access = access;
        this.recoveryPeriod = recoveryPeriod;
        this.dossier = dossier;
        this.time = time;
        this.settings = settings;
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
        Object earlyIva = access.withoutCaller(() ->
                runtimeService.getVariable(file.processInstanceId(), VERVROEGDE_IVA_BESLUIT));
        if (VERVROEGDE_IVA_TOEGEKEND.equals(earlyIva)) {
            throw RuleViolationException.conflict("caseId", "UWV granted an early IVA: the re-integration obligations"
                    + " ended and the case closes at the end of the shortened waiting period (WIA art. 23 lid 6)");
        }
        LocalDate date = validDate(file, "date", request.date());
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
            recoveryPeriod.start(file, date, RecoveryKind.FULL);
        }
    }

    /**
     * A structural return to own or adapted work, recorded by the case's evaluation step: the same herstelperiode as
     * a full recovery. Runs inside the engine command that completes the evaluation.
     */
    void returnStructurally(CaseFile file, String date) {
        recoveryPeriod.startFromCaseProcess(file, validDate(file, HERVAT_OP, date), RecoveryKind.STRUCTURAL_RETURN);
    }

    /**
     * A new sick report for an employee whose case is recovered: paused in its herstelperiode, or closed after it
     * while late reports may still reopen it. Judged on the recovery date, not on the day of the report: a first
     * sick day less than 28 days after it continues (or reopens) the same case; otherwise the old case ends for
     * good and the caller opens a new one.
     *
     * @return true when the recovered case continues
     */
    @Transactional
    @Override
    public boolean continueRecovered(CaseFile recovered, LocalDate firstSickDay) {
        if (firstSickDay.isBefore(recovered.recoveredOn())) {
            throw RuleViolationException.invalid("firstSickDay", "must not be before the recovery date "
                    + recovered.recoveredOn() + " of case " + recovered.caseId());
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

    /**
     * A sick report after the case of the employee's last recovery ended for good: when its first sick day is less
     * than 28 days after that recovery, the sickness belongs to that case (BW 7:629 lid 10) — it is refused rather
     * than opened as a second case with its own deadlines for the same sickness period.
     */
    @Override
    public void refuseRelapseOfEndedCase(String employerId, String employeeId, LocalDate firstSickDay) {
        cases.findLastRecovered(employerId, employeeId)
                .filter(ended -> RecoveryKind.isReason(ended.closedReason()))
                .filter(ended -> !firstSickDay.isBefore(ended.recoveredOn())
                        && SicknessPeriods.continuesCase(ended.recoveredOn(), firstSickDay))
                .ifPresent(ended -> {
                    LocalDate lastReport = SicknessPeriods.recoveredForGoodOn(ended.recoveredOn())
                            .plusDays(settings.lateRelapseReportDays() - 1L);
                    throw RuleViolationException.conflict("firstSickDay", "a first sick day less than 28 days after"
                            + " the recovery on " + ended.recoveredOn() + " continues case " + ended.caseId()
                            + " (BW 7:629 lid 10), but that case ended for good: late relapse reports were accepted"
                            + " until " + lastReport + " (spoorwijzer.recovery.late-relapse-report-days); this"
                            + " sickness cannot be opened as a new case with its own deadlines");
                });
    }

    private LocalDate validDate(CaseFile file, String field, String value) {
        LocalDate date = RequestValues.notInFuture(field,
                RequestValues.isoDate(field, value, "the first day of (partial) recovery"), time.today());
        LocalDate lastSickDay = lastRelapse(file);
        if (!date.isAfter(lastSickDay)) {
            throw RuleViolationException.invalid(field, "must be after " + lastSickDay
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
