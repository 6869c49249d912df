package nl.spoorwijzer.cases;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.casefile.CaseQuery;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.report.ReadableDossier;
import nl.spoorwijzer.system.ConflictRetry;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API: intake of a sick report, and what a case stands at and its dossier for those who may see it (the
 * employers they serve; an employee only his own case). A case one may not see is answered as not found.
 * Recovery ({@code recovery/}), UWV decisions ({@code uwv/}) and the re-integratieverslag ({@code report/}) have
 * their own controllers under the same path.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    static final int MAX_PAGE_SIZE = 200;

    private final CaseIntake intake;
    private final CaseViews views;
    private final CaseFileRepository cases;
    private final CaseAccess access;
    private final DossierRepository dossier;
    private final Clock clock;
    private final ConflictRetry retry;
    private final ReadableDossier readableDossier;

    CaseController(CaseIntake intake, CaseViews views, CaseFileRepository cases, CaseAccess access,
                   DossierRepository dossier, Clock clock, ConflictRetry retry, ReadableDossier readableDossier) {
        this.readableDossier = readableDossier;
        this.intake = intake;
        this.views = views;
        this.cases = cases;
        this.access = access;
        this.dossier = dossier;
        this.clock = clock;
        this.retry = retry;
    }

    @PostMapping
    @Operation(summary = "Report sickness: opens a case and computes every legal date (201), or continues the"
            + " employee's recovered case when the relapse falls within 28 days of the recovery (200). With 'steps'"
            + " it imports a running case: the steps taken elsewhere are recorded as imported, the case starts where"
            + " they left it and missed deadlines are recorded once (201); the same import again answers the case it"
            + " created (200)")
    ResponseEntity<CaseView> open(@RequestBody IntakeRequest request) {
        CaseIntake.Opened opened = retry.inTransaction(() -> intake.open(request));
        URI location = URI.create("/api/cases/" + opened.caseId());
        CaseView body = views.details(opened.caseId());
        return opened.continued() || opened.alreadyImported() ? ResponseEntity.ok().location(location).body(body)
                : ResponseEntity.created(location).body(body);
    }

    @GetMapping
    @Operation(summary = "Cases the caller may see, soonest legal deadline first")
    List<CaseView> list(@RequestParam(required = false) String employer,
                        @RequestParam(required = false) CasePhase phase,
                        @RequestParam(required = false) Boolean overdue,
                        @RequestParam(required = false) Integer dueWithinDays,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw RuleViolationException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw RuleViolationException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (dueWithinDays != null && dueWithinDays < 0) {
            throw RuleViolationException.invalid("dueWithinDays", "must be 0 or more");
        }
        LocalDate today = LocalDate.now(clock);
        List<CaseFile> shown = cases.list(new CaseQuery(employer, phase, overdue, dueWithinDays, page, size),
                access.visibleEmployers(), access.visibleCases(), today);
        access.recordListed(shown);
        List<CaseView> views = shown.stream().map(file -> CaseView.summary(file, today)).toList();
        return access.listsContents() ? this.views.named(views) : views.stream().map(CaseView::statusOnly).toList();
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "A case: phase, next deadline, open steps, spoor 2 status, job applications, timeline")
    CaseView get(@PathVariable String caseId) {
        return views.details(caseId);
    }

    @GetMapping("/{caseId}/timeline")
    @Operation(summary = "The case's legal dates as last computed (they move with relapses and UWV decisions)")
    Map<String, Object> timeline(@PathVariable String caseId) {
        access.requireVisible(caseId);
        return DossierEntry.latestTimeline(dossier.findByCase(caseId));
    }

    @GetMapping("/{caseId}/dossier")
    @Operation(summary = "All dossier entries of the case, in the order they were recorded")
    List<DossierEntry> dossier(@PathVariable String caseId) {
        access.requireContents(caseId);
        return dossier.findByCase(caseId);
    }

    @GetMapping("/{caseId}/dossier/readable")
    @Operation(summary = "The dossier as a person reads it (the case screen): names, form labels, Dutch values and"
            + " dates; in the order recorded")
    List<ReadableDossier.Entry> readableDossier(@PathVariable String caseId) {
        access.requireContents(caseId);
        return readableDossier.of(dossier.findByCase(caseId));
    }
}
