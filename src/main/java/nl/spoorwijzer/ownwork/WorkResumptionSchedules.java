package nl.spoorwijzer.ownwork;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casedetails.CaseDetails;
import nl.spoorwijzer.casedetails.CaseDetailsRecords;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.EvaluationReplanning;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.MilestoneKey;
import nl.spoorwijzer.timeline.OwnWorkCadence;
import org.springframework.stereotype.Service;

/**
 * The opbouwschema of a case (seed 000: re-integration in own work "voortzetten en uitbreiden conform het advies van
 * de bedrijfsarts"): the werkgever sets it on the bedrijfsarts's advice, as periods of hours per week and tasks.
 * Each version is a dossier decision, so a change keeps the earlier schedule in the dossier; the case process learns
 * the days it runs and plans its evaluations every two weeks meanwhile ({@link EvaluationReplanning}).
 */
@Service
class WorkResumptionSchedules {

    private final CaseAccess access;
    private final DossierRepository dossier;
    private final CaseDetailsRecords details;
    private final EvaluationReplanning replanning;
    private final OwnWorkCadence cadence;
    private final LegalTime time;
    private final Clock clock;

    WorkResumptionSchedules(CaseAccess access, DossierRepository dossier, CaseDetailsRecords details,
                            EvaluationReplanning replanning, OwnWorkCadence cadence, LegalTime time, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.dossier = dossier;
        this.details = details;
        this.replanning = replanning;
        this.cadence = cadence;
        this.time = time;
    }

    /** Sets or changes the schedule; answers the dossier decision recorded. Runs in the caller's transaction. */
    DossierEntry set(CaseFile file, ScheduleRequest request) {
        if (!access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("caseId", "only the werkgever of employer '" + file.employerId()
                    + "' sets the opbouwschema, on the bedrijfsarts's advice");
        }
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase()
                    + "; an opbouwschema is set on a running case");
        }
        if (request == null) {
            throw RuleViolationException.invalid("periods", "is required: at least one period");
        }
        HoursLimit limit = hoursLimit(file);
        List<DossierEntry> entries = dossier.findByCase(file.caseId());
        List<Schedule.Period> periods = ScheduleRules.check(request, file.firstSickDay(), waitingPeriodEnd(entries),
                time.today(), limit.hours(), limit.name());
        int version = Schedule.versions(entries).size() + 1;
        Schedule schedule = new Schedule(version, LocalDate.parse(request.bedrijfsartsAdviceOn().trim()), periods,
                null, access.callerId());
        Map<String, Object> content = new LinkedHashMap<>(schedule.facts());
        LocalDate nextEvaluation = access.withoutCaller(() ->
                replanning.opbouwScheduled(file.processInstanceId(), schedule.span()));
        if (nextEvaluation != null) {
            content.put("volgendeEvaluatieUiterlijk", nextEvaluation.toString());
        }
        content.put("evaluatieElkeDagen", cadence.settings().evaluationIntervalDays());
        String subject = version == 1 ? "Opbouwschema vastgesteld" : "Opbouwschema gewijzigd (versie " + version + ")";
        return dossier.appendReturning(new DossierEntry(null, file.caseId(), file.processInstanceId(),
                file.employerId(), DossierEntryType.DECISION, subject, Schedule.ELEMENT_ID, access.callerId(),
                access.callerIsAdmin() ? "beheerder" : Role.WERKGEVER.groupId(), OffsetDateTime.now(clock),
                null, null, content));
    }

    /** The last day of the waiting period as the case's timeline has it now (it moves with a loonsanctie or VVL). */
    private static LocalDate waitingPeriodEnd(List<DossierEntry> entries) {
        Object end = DossierEntry.latestTimeline(entries).get(MilestoneKey.EINDE_WACHTTIJD.key());
        return end == null ? null : LocalDate.parse(end.toString().substring(0, 10));
    }

    /** The hours a period or week may hold: the case's contract hours when recorded, otherwise the maximum. */
    HoursLimit hoursLimit(CaseFile file) {
        CaseDetails recorded = details.of(file);
        BigDecimal contract = recorded == null || recorded.function() == null ? null
                : recorded.function().contractHoursPerWeek();
        return contract != null && contract.signum() > 0 ? new HoursLimit(contract, "the contract hours per week")
                : new HoursLimit(BigDecimal.valueOf(cadence.settings().maxHoursPerWeek()),
                "the most hours per week when the contract hours are not recorded");
    }

    record HoursLimit(BigDecimal hours, String name) {
    }
}
