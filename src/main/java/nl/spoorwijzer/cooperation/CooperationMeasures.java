package nl.spoorwijzer.cooperation;

import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_GROND;
import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_HERBEOORDELEN_OP;
import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_ID;
import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_INGANGSDATUM;
import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_SOORT;
import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_SOORT_NAAM;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.casefile.CaseLegalDates;
import nl.spoorwijzer.cases.CooperationMeasureView;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures for non-cooperation (seed 004: once the bedrijfsarts has found that spoor 2 is needed, the werknemer must
 * cooperate; BW art. 7:629 lid 3 and 6, domain reference §3.3). The werkgever of the case records a warning, an
 * opschorting or a stop of wage payment with its ground and start: a dossier decision, and a review task for him on
 * the review day (event subprocess {@code maatregelBijOnvoldoendeMedewerking}). The measure ends when the werknemer
 * cooperates again — recorded here or in that task. At most one measure of each kind is in force at a time; a
 * measure starts at the latest on the last day of the waiting period. Everything is checked before anything is
 * written, under the case's row lock ({@link CaseFileRepository#lockForChange}): two requests at the same moment are
 * handled one after the other, so the second sees the first's measure.
 */
@Service
public class CooperationMeasures {

    static final int MIN_GROUND_LENGTH = 10;
    static final int MAX_TEXT_LENGTH = 2000;

    private final RuntimeService runtimeService;
    private final CaseAccess access;
    private final CaseFileRepository cases;
    private final CaseDossier dossier;
    private final DossierRepository entries;
    private final LegalTime time;
    private final CooperationSettings settings;
    private final CaseLegalDates legalDates;

    public CooperationMeasures(RuntimeService runtimeService, CaseAccess access, CaseFileRepository cases,
                               CaseDossier dossier, DossierRepository entries, LegalTime time,
                               CooperationSettings settings, CaseLegalDates legalDates) {
        this.runtimeService = runtimeService;
        this.access = access;
        this.cases = cases;
        this.dossier = dossier;
        this.entries = entries;
        this.time = time;
        this.settings = settings;
        this.legalDates = legalDates;
    }

    /** Every measure of the case, oldest first (the caller may read the case's contents). */
    public List<CooperationMeasureView> of(CaseFile file) {
        return CooperationMeasureView.fromDossier(entries.findByCase(file.caseId()));
    }

    @Transactional
    public CooperationMeasureView take(CaseFile visible, CooperationMeasureRequest request) {
        CaseFile file = lockRunningCaseOfWerkgever(visible, "takes a measure for non-cooperation");
        LocalDate today = time.today();
        List<Violation> violations = new ArrayList<>();
        CooperationMeasureKind kind = kind(request.kind(), violations);
        String ground = text("ground", request.ground(), true, violations);
        LocalDate start = date("startDate", request.startDate(), true, violations);
        LocalDate reviewOn = date("reviewOn", request.reviewOn(), false, violations);
        if (start != null && start.isBefore(file.firstSickDay())) {
            violations.add(new Violation("startDate", "must not be before the first sick day " + file.firstSickDay()));
        } else if (start != null && start.isAfter(today.plusDays(settings.startAtMostDaysAhead()))) {
            violations.add(new Violation("startDate", "must be at most " + settings.startAtMostDaysAhead()
                    + " days ahead (today is " + today + ")"));
        } else if (start != null && start.isAfter(waitingPeriodEnd(file))) {
            violations.add(new Violation("startDate", "must not be after the end of the waiting period "
                    + waitingPeriodEnd(file) + ": the werkgever's obligations end then"));
        }
        if (start != null && reviewOn == null) {
            reviewOn = (start.isAfter(today) ? start : today).plusDays(settings.reviewAfterDays());
        } else if (reviewOn != null) {
            if (!reviewOn.isAfter(today)) {
                violations.add(new Violation("reviewOn", "must be after today " + today));
            } else if (start != null && reviewOn.isBefore(start)) {
                violations.add(new Violation("reviewOn", "must not be before the start " + start));
            } else if (reviewOn.isAfter(today.plusDays(settings.reviewAtMostDaysAhead()))) {
                violations.add(new Violation("reviewOn", "must be at most " + settings.reviewAtMostDaysAhead()
                        + " days ahead: a measure is reviewed within that time"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        for (CooperationMeasureView running : CooperationMeasureView.activeIn(entries.findByCase(file.caseId()))) {
            if (kind.name().equals(running.kind())) {
                throw RuleViolationException.conflict("kind", "a measure of this kind is in force since "
                        + running.startDate() + " (" + running.id() + "); review or end it first");
            }
        }
        String id = UUID.randomUUID().toString();
        LocalDate review = reviewOn;
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put(MAATREGEL_ID, id);
        scope.put(MAATREGEL_SOORT, kind.name());
        scope.put(MAATREGEL_SOORT_NAAM, kind.label());
        scope.put(MAATREGEL_GROND, ground);
        scope.put(MAATREGEL_INGANGSDATUM, start.toString());
        scope.put(MAATREGEL_HERBEOORDELEN_OP, time.endOfDay(review));
        // the review's event subprocess gets the measure as its own (local) variables: several may run at once
        access.runWithoutCaller(() -> {
            try {
                runtimeService.createMessageCorrelation(ProcessKeys.Messages.MAATREGEL_MEDEWERKING_GENOMEN)
                        .processInstanceId(file.processInstanceId()).setVariablesToTriggeredScope(scope)
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException olderModel) {
                throw RuleViolationException.conflict("caseId", "this case runs on a model version without the"
                        + " review of measures (poortwachter before 1.4.0); the process owner migrates it first");
            }
        });
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(CooperationMeasureView.ID, id);
        content.put(CooperationMeasureView.KIND, kind.name());
        content.put(CooperationMeasureView.KIND_LABEL, kind.label());
        content.put("wettelijkeGrondslag", kind.legalBasis());
        content.put(CooperationMeasureView.GROUND, ground);
        content.put(CooperationMeasureView.START, start.toString());
        content.put(CooperationMeasureView.REVIEW_ON, review.toString());
        dossier.recordForCase(file.caseId(), file.processInstanceId(), file.employerId(),
                DossierEntryType.COOPERATION_MEASURE_TAKEN, "Maatregel bij onvoldoende medewerking: "
                        + kind.label().toLowerCase() + " per " + start, content);
        return of(file).stream().filter(measure -> measure.id().equals(id)).findFirst().orElseThrow();
    }

    /** The werknemer cooperates again: the measure ends, its review task with it. */
    @Transactional
    public CooperationMeasureView end(CaseFile visible, String measureId, CooperationEndRequest request) {
        CaseFile file = lockRunningCaseOfWerkgever(visible, "ends a measure for non-cooperation");
        CooperationMeasureView measure = of(file).stream().filter(known -> known.id().equals(measureId))
                .findFirst().orElseThrow(() -> RuleViolationException.notFound("measureId", "no measure '"
                        + measureId + "' in this case"));
        if (!measure.active()) {
            throw RuleViolationException.conflict("measureId", "the measure ended on " + measure.endedOn());
        }
        List<Violation> violations = new ArrayList<>();
        LocalDate date = date("date", request.date(), true, violations);
        String explanation = text("explanation", request.explanation(), false, violations);
        if (date != null && date.isAfter(time.today())) {
            violations.add(new Violation("date", "must not be in the future (today is " + time.today() + ")"));
        } else if (date != null && date.isBefore(measure.startDate())) {
            violations.add(new Violation("date", "must not be before the measure's start " + measure.startDate()));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        access.runWithoutCaller(() -> {
            try {
                runtimeService.createMessageCorrelation(ProcessKeys.Messages.MEDEWERKING_HERSTELD)
                        .processInstanceId(file.processInstanceId()).localVariableEquals(MAATREGEL_ID, measureId)
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException noReviewWaits) {
                // a case process that no longer reviews it (an older model): the dossier still records the end
            }
        });
        recordEnd(file.caseId(), file.processInstanceId(), file.employerId(), measure, date, explanation, "api");
        return of(file).stream().filter(known -> known.id().equals(measureId)).findFirst().orElseThrow();
    }

    /** Records that a measure ended (here or in its review task). */
    void recordEnd(String caseId, String instance, String employerId, CooperationMeasureView measure,
                   LocalDate date, String explanation, String via) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(CooperationMeasureView.ID, measure.id());
        content.put(CooperationMeasureView.KIND, measure.kind());
        content.put(CooperationMeasureView.ENDED_ON, date.toString());
        if (explanation != null) {
            content.put("toelichting", explanation);
        }
        content.put("vastgelegdVia", via);
        dossier.recordForCase(caseId, instance, employerId, DossierEntryType.COOPERATION_MEASURE_ENDED,
                "Maatregel bij onvoldoende medewerking beëindigd (" + measure.kindLabel().toLowerCase()
                        + "): de werknemer werkt weer mee vanaf " + date, content);
    }

    /** The case as it stands now, locked for this change; refused unless the caller is its werkgever and it runs. */
    private CaseFile lockRunningCaseOfWerkgever(CaseFile visible, String what) {
        if (!access.mayReportFor(visible.employerId(), Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("caseId", "only the werkgever of employer '" + visible.employerId()
                    + "' " + what);
        }
        CaseFile file = cases.lockForChange(visible.caseId()).orElseThrow();
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase()
                    + "; measures for non-cooperation are recorded on a running case");
        }
        return file;
    }

    /** The case's last day of the waiting period (it moves with a VVL or a loonsanctie); far ahead when unknown. */
    private LocalDate waitingPeriodEnd(CaseFile file) {
        LocalDate end = legalDates.of(file.processInstanceId(), MilestoneKey.EINDE_WACHTTIJD);
        return end == null ? LocalDate.MAX : end;
    }

    private static CooperationMeasureKind kind(String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation("kind", "is required: one of " + CooperationMeasureKind.names()));
            return null;
        }
        try {
            return CooperationMeasureKind.valueOf(value.trim());
        } catch (IllegalArgumentException unknown) {
            violations.add(new Violation("kind", "must be one of " + CooperationMeasureKind.names()));
            return null;
        }
    }

    private static String text(String field, String value, boolean required, List<Violation> violations) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            if (required) {
                violations.add(new Violation(field, "is required: which obligation was not met (no medical details)"));
            }
            return null;
        }
        int min = required ? MIN_GROUND_LENGTH : 1;
        if (text.length() < min || text.length() > MAX_TEXT_LENGTH) {
            violations.add(new Violation(field, "must be " + min + " to " + MAX_TEXT_LENGTH + " characters"));
        }
        return text;
    }

    private static LocalDate date(String field, String value, boolean required, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date in ISO format YYYY-MM-DD (got '" + value + "')"));
            return null;
        }
    }

    /** The measure a review task belongs to (the review delegate reads it from the dossier). */
    CooperationMeasureView measure(String caseId, String measureId) {
        return CooperationMeasureView.fromDossier(entries.findByCase(caseId)).stream()
                .filter(known -> known.id().equals(measureId)).findFirst().orElse(null);
    }
}
