package nl.spoorwijzer.deadlines;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.audit.CaseAccessRecorder;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.DeadlineParty;
import nl.spoorwijzer.identity.PartyNames;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.overview.OverviewAccess;
import nl.spoorwijzer.overview.OverviewCsv;
import nl.spoorwijzer.overview.SmallCounts.Suppression;
import nl.spoorwijzer.overview.SmallCounts;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal deadlines of the overview (issue 27): counts for the werkgever over his own employer's cases and for
 * management over all (aggregates only: no case ids, no names; small counts suppressed, overview/SmallCounts); the
 * list of deadlines for the werkgever only, recorded in the cases' access logs. Each also as CSV ({@code ?format=csv}).
 */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

    private final DeadlineFigures figures;
    private final CaseAccess access;
    private final LegalTime time;
    private final SmallCounts smallCounts;
    private final CaseAccessRecorder recorder;
    private final IdentityService identityService;
    private final PartyNames names;
    private final OverviewAccess overviewAccess;

    DeadlineController(DeadlineFigures figures, CaseAccess access, LegalTime time, SmallCounts smallCounts,
                       CaseAccessRecorder recorder, IdentityService identityService, PartyNames names,
                       OverviewAccess overviewAccess) {
        this.names = names;
        this.overviewAccess = overviewAccess;
        this.figures = figures;
        this.access = access;
        this.time = time;
        this.smallCounts = smallCounts;
        this.recorder = recorder;
        this.identityService = identityService;
    }

    @GetMapping("/summary")
    @Operation(summary = "Legal steps of open cases due this week (today to Sunday) and overdue, per role and party")
    List<DeadlineCount> summary(@RequestParam(required = false) String employer,
                                @RequestParam(required = false) String party,
                                @RequestParam(required = false) String role,
                                @RequestParam(required = false) String phase,
                                @Parameter(description = OverviewCsv.FORMAT_DOC)
                                @RequestParam(required = false) String format) {
        OverviewAccess.requireJsonFormat(format);
        DeadlineFilter filter = filter(employer, party, role, phase, true);
        Suppression suppression = smallCounts.forCaller();
        // the threshold counts cases, not steps: one case with five steps overdue is still one person's case
        return figures.dueThisWeekAndOverdue(filter, time.today()).stream().map(count -> {
            boolean fewCases = suppression.hides(count.cases());
            boolean dueHidden = count.dueThisWeek() > 0 && (fewCases || suppression.hides(count.casesDueThisWeek()));
            boolean overdueHidden = count.overdue() > 0 && (fewCases || suppression.hides(count.casesOverdue()));
            return new DeadlineCount(count.role(), count.party(),
                    dueHidden ? null : suppression.shown(count.dueThisWeek()),
                    overdueHidden ? null : suppression.shown(count.overdue()), dueHidden || overdueHidden,
                    suppression.rounds());
        }).toList();
    }

    @Hidden // documented by the JSON operation's format parameter
    @GetMapping(value = "/summary", params = OverviewCsv.FORMAT)
    ResponseEntity<byte[]> summaryCsv(@RequestParam(required = false) String employer,
                                      @RequestParam(required = false) String party,
                                      @RequestParam(required = false) String role,
                                      @RequestParam(required = false) String phase) {
        return OverviewCsv.of(summary(employer, party, role, phase, null), smallCounts.forCaller())
                .column("Rol", count -> roleLabel(count.role())).column("Partij", count -> count.party().label())
                .count("Deze week", DeadlineCount::dueThisWeek, DeadlineCount::suppressed)
                .count("Te laat", DeadlineCount::overdue, DeadlineCount::suppressed)
                .download("termijnen", time.today());
    }

    @GetMapping
    @Operation(summary = "The werkgever's legal steps and the bureau's reports due this week or overdue, soonest first"
            + " (at most 1000), each with the employee's name")
    List<DeadlineFigures.DueDeadline> list(@RequestParam(required = false) String employer,
                                          @RequestParam(required = false) String party,
                                          @RequestParam(required = false) String role,
                                          @RequestParam(required = false) String phase,
                                          @Parameter(description = OverviewCsv.FORMAT_DOC)
                                          @RequestParam(required = false) String format) {
        OverviewAccess.requireJsonFormat(format);
        List<DeadlineFigures.DueDeadline> shown = figures.dueThisWeekOrOverdue(
                filter(employer, party, role, phase, false), time.today());
        if (shown.isEmpty()) {
            return shown;
        }
        recorder.record(access.callerId(), identityService.getCurrentAuthentication().getGroupIds(),
                shown.stream().map(DeadlineFigures.DueDeadline::caseId).toList(), "termijnen");
        // the list is the werkgever's (and the administrator's) only: management never reaches this line
        Map<String, String> employees = names.employees(shown.stream().map(DeadlineFigures.DueDeadline::employeeId)
                .toList());
        return shown.stream().map(deadline -> deadline.named(employees.get(deadline.employeeId()))).toList();
    }

    @Hidden // documented by the JSON operation's format parameter
    @GetMapping(params = OverviewCsv.FORMAT)
    ResponseEntity<byte[]> listCsv(@RequestParam(required = false) String employer,
                                   @RequestParam(required = false) String party,
                                   @RequestParam(required = false) String role,
                                   @RequestParam(required = false) String phase) {
        return OverviewCsv.of(list(employer, party, role, phase, null), SmallCounts.of(1))
                .column("Zaak", DeadlineFigures.DueDeadline::caseId)
                .column("Werknemer", DeadlineFigures.DueDeadline::employeeName)
                .column("Stap", DeadlineFigures.DueDeadline::name)
                .column("Partij", deadline -> deadline.party().label())
                .column("Rol", deadline -> roleLabel(deadline.role()))
                .column("Uiterste datum", DeadlineFigures.DueDeadline::dueDate)
                .column("Te laat", DeadlineFigures.DueDeadline::overdue)
                .download("termijnenlijst", time.today());
    }

    @GetMapping("/timeliness")
    @Operation(summary = "Per legal step, employer and party over the last 12 months: share on time, median days late")
    List<StepTimeliness> timeliness(@RequestParam(required = false) String employer,
                                    @RequestParam(required = false) String party,
                                    @RequestParam(required = false) String role,
                                    @RequestParam(required = false) String phase,
                                    @Parameter(description = OverviewCsv.FORMAT_DOC)
                                    @RequestParam(required = false) String format) {
        OverviewAccess.requireJsonFormat(format);
        DeadlineFilter filter = filter(employer, party, role, phase, true);
        Suppression suppression = smallCounts.forCaller();
        return figures.timeliness(filter, time.today()).stream().map(step -> {
            // one row per legal step (case_deadline's key is case and step): its counts are counts of cases
            boolean hidden = suppression.hidesAny(step.total(), step.onTime(), step.late(), step.missed());
            // a share or median over a hidden count would give that count away
            return new StepTimeliness(step.milestone(), step.name(), step.employerId(), step.party(),
                    suppression.shown(step.total()), suppression.shown(step.onTime()), suppression.shown(step.late()),
                    suppression.shown(step.missed()), hidden ? null : suppression.share(step.shareOnTime()),
                    hidden ? null : suppression.median(step.late(), step.medianDaysLate()), hidden,
                    suppression.rounds(), step.computedAt());
        }).toList();
    }

    @Hidden // documented by the JSON operation's format parameter
    @GetMapping(value = "/timeliness", params = OverviewCsv.FORMAT)
    ResponseEntity<byte[]> timelinessCsv(@RequestParam(required = false) String employer,
                                         @RequestParam(required = false) String party,
                                         @RequestParam(required = false) String role,
                                         @RequestParam(required = false) String phase) {
        return OverviewCsv.of(timeliness(employer, party, role, phase, null), smallCounts.forCaller())
                .column("Stap", StepTimeliness::name).column("Werkgever", StepTimeliness::employerId)
                .column("Partij", step -> step.party().label())
                .count("Totaal", StepTimeliness::total, StepTimeliness::suppressed)
                .count("Op tijd", StepTimeliness::onTime, StepTimeliness::suppressed)
                .count("Te laat", StepTimeliness::late, StepTimeliness::suppressed)
                .count("Gemist", StepTimeliness::missed, StepTimeliness::suppressed)
                .column("Aandeel op tijd", StepTimeliness::shareOnTime)
                .column("Mediaan dagen te laat", StepTimeliness::medianDaysLate)
                .download("tijdigheid", time.today());
    }

    /**
     * The caller's filters, checked, over the employers overview/OverviewAccess lets him read: counts for the
     * werkgever, management and the administrator; the list with names for the werkgever and the administrator.
     */
    private DeadlineFilter filter(String employer, String party, String role, String phase, boolean aggregate) {
        DeadlineParty onlyParty = null;
        if (party != null) {
            try {
                onlyParty = DeadlineParty.fromKey(party);
            } catch (IllegalArgumentException e) {
                throw RuleViolationException.invalid("party", "one of werkgever, arbodienst, bureau, werknemer");
            }
        }
        if (role != null && Role.ofGroup(role).isEmpty()) {
            throw RuleViolationException.invalid("role", "a role such as werkgever, bedrijfsarts or re-integratiebureau");
        }
        var onlyPhase = OverviewAccess.phase(phase);
        OverviewAccess.Employers employers = aggregate
                ? overviewAccess.figures(employer, "deadline figures are for the werkgever and management")
                : overviewAccess.caseLists(employer, "the list of deadlines is for the werkgever");
        return new DeadlineFilter(employers.idsOrNullForEvery(), onlyParty, role, onlyPhase);
    }

    private static String roleLabel(String role) {
        return Role.ofGroup(role).map(Role::label).orElse(role);
    }

    /**
     * {@link DeadlineFigures.DeadlineCount} as the caller may see it: counts of steps, null where the cases behind
     * them are too few (suppressed), rounded to a multiple of the group size for management (overview/SmallCounts).
     */
    record DeadlineCount(String role, DeadlineParty party, Long dueThisWeek, Long overdue, boolean suppressed,
                         boolean rounded) {
    }

    /**
     * {@link DeadlineFigures.StepTimeliness} as the caller may see it: counts and figures null where suppressed; for
     * management the counts rounded, the share to 10 percentage points, the median in whole days; {@code computedAt}
     * the time of the snapshot it was read from, null when counted live.
     */
    record StepTimeliness(String milestone, String name, String employerId, DeadlineParty party, Long total,
                          Long onTime, Long late, Long missed, Double shareOnTime, Double medianDaysLate,
                          boolean suppressed, boolean rounded, OffsetDateTime computedAt) {
    }
}
