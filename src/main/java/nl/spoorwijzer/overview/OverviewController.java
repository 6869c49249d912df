package nl.spoorwijzer.overview;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.identity.DisplayNames;
import nl.spoorwijzer.overview.SmallCounts.Suppression;
import nl.spoorwijzer.process.EndReason;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.SicknessWeekBands.WeekBand;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The overview's case figures (issue 27) for the werkgever over his own employers' cases, for management over the
 * employers it belongs to (counts only, small counts suppressed: {@link SmallCounts}) and for the administrator.
 * Every table also as CSV ({@code ?format=csv}, {@link OverviewCsv}). No figure names a case or a person.
 */
@RestController
@RequestMapping("/api/overview")
class OverviewController {

    private static final int DEFAULT_MONTHS = 12;
    private static final int MAX_MONTHS = 36;

    private final CaseFigures figures;
    private final OverviewAccess overviewAccess;
    private final SmallCounts smallCounts;
    private final CaseAccess access;
    private final IdentityService identityService;
    private final LegalTime time;

    OverviewController(CaseFigures figures, OverviewAccess overviewAccess, SmallCounts smallCounts, CaseAccess access,
                       IdentityService identityService, LegalTime time) {
        this.figures = figures;
        this.overviewAccess = overviewAccess;
        this.smallCounts = smallCounts;
        this.access = access;
        this.identityService = identityService;
        this.time = time;
    }

    @GetMapping("/settings")
    @Operation(summary = "How the overview shows its figures to the caller: the smallest count management sees"
            + " (spoorwijzer.overview.min-group-size) and whether the caller sees aggregates only")
    Settings settings() {
        overviewAccess.employers(); // 403 for a caller who reads no overview
        return new Settings(smallCounts.minGroupSize(), smallCounts.callerSeesAggregatesOnly());
    }

    @GetMapping("/employers")
    @Operation(summary = "The employers the caller may filter the overview by, with their names")
    List<Employer> employers(@RequestParam(required = false) @Parameter(description = OverviewCsv.FORMAT_DOC)
                        String format) {
        OverviewAccess.requireJsonFormat(format);
        List<String> ids = overviewAccess.employers();
        if (ids.isEmpty()) {
            return List.of();
        }
        return access.asDirectory(() -> identityService.createTenantQuery().tenantIdIn(ids.toArray(String[]::new))
                .list()).stream().map(tenant -> new Employer(tenant.getId(), DisplayNames.of(tenant)))
                .sorted(Comparator.comparing(Employer::name).thenComparing(Employer::id)).toList();
    }

    @Hidden // documented by the JSON operation's format parameter
    @GetMapping(value = "/employers", params = OverviewCsv.FORMAT)
    ResponseEntity<byte[]> employersCsv() {
        return OverviewCsv.of(employers(null), SmallCounts.of(1))
                .column("Werkgever", Employer::id).column("Naam", Employer::name)
                .download("werkgevers", time.today());
    }

    @GetMapping("/phases")
    @Operation(summary = "Open cases per phase, every phase in process order (0 included)")
    List<PhaseCount> phases(@RequestParam(required = false) String employer,
                            @RequestParam(required = false) String phase,
                            @Parameter(description = OverviewCsv.FORMAT_DOC)
                            @RequestParam(required = false) String format) {
        OverviewAccess.requireJsonFormat(format);
        Suppression suppression = smallCounts.forCaller();
        return figures.openByPhase(overviewAccess.scope(employer, phase)).entrySet().stream()
                .map(count -> new PhaseCount(count.getKey(), PhaseLabels.of(count.getKey()),
                        suppression.shown(count.getValue()), suppression.hides(count.getValue()),
                        suppression.rounds()))
                .toList();
    }

    @Hidden // documented by the JSON operation's format parameter
    @GetMapping(value = "/phases", params = OverviewCsv.FORMAT)
    ResponseEntity<byte[]> phasesCsv(@RequestParam(required = false) String employer,
                                     @RequestParam(required = false) String phase) {
        return OverviewCsv.of(phases(employer, phase, null), smallCounts.forCaller())
                .column("Fase", PhaseCount::label).count("Open zaken", PhaseCount::cases, PhaseCount::suppressed)
                .download("fasen", time.today());
    }

    @GetMapping("/weeks")
    @Operation(summary = "Open cases per band of weeks of sickness, the bands following the law's calendar")
    List<WeekCount> weeks(@RequestParam(required = false) String employer,
                          @RequestParam(required = false) String phase,
                          @Parameter(description = OverviewCsv.FORMAT_DOC)
                          @RequestParam(required = false) String format) {
        OverviewAccess.requireJsonFormat(format);
        Suppression suppression = smallCounts.forCaller();
        Map<WeekBand, Long> counts = figures.openByWeekOfSickness(overviewAccess.scope(employer, phase), time.today());
        return counts.entrySet().stream().map(count -> new WeekCount(count.getKey().fromWeek(),
                count.getKey().toWeek(), count.getKey().label(), suppression.shown(count.getValue()),
                suppression.hides(count.getValue()), suppression.rounds())).toList();
    }

    @Hidden // documented by the JSON operation's format parameter
    @GetMapping(value = "/weeks", params = OverviewCsv.FORMAT)
    ResponseEntity<byte[]> weeksCsv(@RequestParam(required = false) String employer,
                                    @RequestParam(required = false) String phase) {
        return OverviewCsv.of(weeks(employer, phase, null), smallCounts.forCaller())
                .column("Ziekteweken", WeekCount::label).column("Van week", WeekCount::fromWeek)
                .column("Tot en met week", WeekCount::toWeek)
                .count("Open zaken", WeekCount::cases, WeekCount::suppressed)
                .download("ziekteweken", time.today());
    }

    @GetMapping("/flow")
    @Operation(summary = "Cases opened (month of the first sick day) and closed per calendar month, the last"
            + " `months` (1 to 36, default 12) months, oldest first")
    List<MonthFlow> flow(@RequestParam(required = false) String employer,
                         @RequestParam(required = false) String phase,
                         @RequestParam(required = false) String months,
                         @Parameter(description = OverviewCsv.FORMAT_DOC)
                         @RequestParam(required = false) String format) {
        OverviewAccess.requireJsonFormat(format);
        OverviewScope scope = overviewAccess.scope(employer, phase);
        Suppression suppression = smallCounts.forCaller();
        return figures.flow(scope, time.today(), months(months)).stream()
                .map(month -> new MonthFlow(month.month().toString(), suppression.shown(month.opened()),
                        suppression.shown(month.closed()), suppression.hidesAny(month.opened(), month.closed()),
                        suppression.rounds()))
                .toList();
    }

    @Hidden // documented by the JSON operation's format parameter
    @GetMapping(value = "/flow", params = OverviewCsv.FORMAT)
    ResponseEntity<byte[]> flowCsv(@RequestParam(required = false) String employer,
                                   @RequestParam(required = false) String phase,
                                   @RequestParam(required = false) String months) {
        return OverviewCsv.of(flow(employer, phase, months, null), smallCounts.forCaller())
                .column("Maand", MonthFlow::month)
                .count("Geopend", MonthFlow::opened, MonthFlow::suppressed)
                .count("Afgesloten", MonthFlow::closed, MonthFlow::suppressed)
                .download("instroom-uitstroom", time.today());
    }

    @GetMapping("/endings")
    @Operation(summary = "Closed cases per calendar month and end reason, with the median and average days from the"
            + " first sick day to the close; the last `months` (1 to 36, default 12) months. For management counts"
            + " rounded to multiples of the group size, the median in whole days and no average")
    List<Ending> endings(@RequestParam(required = false) String employer,
                         @RequestParam(required = false) String phase,
                         @RequestParam(required = false) String months,
                         @Parameter(description = OverviewCsv.FORMAT_DOC)
                         @RequestParam(required = false) String format) {
        OverviewAccess.requireJsonFormat(format);
        OverviewScope scope = overviewAccess.scope(employer, phase);
        Suppression suppression = smallCounts.forCaller();
        return figures.endings(scope, time.today(), months(months)).stream()
                .map(ending -> new Ending(ending.month().toString(), ending.reason(),
                        EndReason.of(ending.reason()).map(EndReason::label).orElse(ending.reason()),
                        suppression.shown(ending.cases()),
                        suppression.median(ending.cases(), oneDecimal(ending.medianDays())),
                        suppression.shownIf(ending.cases(), suppression.average(oneDecimal(ending.averageDays()))),
                        suppression.hides(ending.cases()), suppression.rounds()))
                .toList();
    }

    @Hidden // documented by the JSON operation's format parameter
    @GetMapping(value = "/endings", params = OverviewCsv.FORMAT)
    ResponseEntity<byte[]> endingsCsv(@RequestParam(required = false) String employer,
                                      @RequestParam(required = false) String phase,
                                      @RequestParam(required = false) String months) {
        return OverviewCsv.of(endings(employer, phase, months, null), smallCounts.forCaller())
                .column("Maand", Ending::month).column("Afsluitreden", Ending::label)
                .count("Zaken", Ending::cases, Ending::suppressed)
                .column("Mediaan dagen ziek", Ending::medianDays).column("Gemiddeld dagen ziek", Ending::averageDays)
                .download("afsluitingen", time.today());
    }

    private static int months(String months) {
        if (months == null) {
            return DEFAULT_MONTHS;
        }
        try {
            int value = Integer.parseInt(months.trim());
            if (value >= 1 && value <= MAX_MONTHS) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw RuleViolationException.invalid("months", "a whole number from 1 to " + MAX_MONTHS);
    }

    private static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** An employer the caller may filter by. */
    /**
     * @param minGroupSize   a count from 1 to this minus one is sent as null with {@code suppressed: true} to
     *                       management (the page shows "&lt; minGroupSize")
     * @param aggregatesOnly the caller gets counts only (management): no lists of cases, no names
     */
    record Settings(int minGroupSize, boolean aggregatesOnly) {
    }

    record Employer(String id, String name) {
    }

    /**
     * Open cases in one phase; {@code cases} null when suppressed, a multiple of the group size when {@code rounded}
     * (management: {@link SmallCounts}).
     */
    record PhaseCount(CasePhase phase, String label, Long cases, boolean suppressed, boolean rounded) {
    }

    /** Open cases in one band of weeks of sickness ({@code toWeek} null: and later). */
    record WeekCount(int fromWeek, Integer toWeek, String label, Long cases, boolean suppressed, boolean rounded) {
    }

    /** Cases opened and closed in one month ("2026-11"). */
    record MonthFlow(String month, Long opened, Long closed, boolean suppressed, boolean rounded) {
    }

    /**
     * Cases closed in one month ("2026-11") for one end reason, with their duration in days; for management (rounded)
     * no average and the median in whole days.
     */
    record Ending(String month, String reason, String label, Long cases, Double medianDays, Double averageDays,
                  boolean suppressed, boolean rounded) {
    }
}
