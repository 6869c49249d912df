package nl.spoorwijzer.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Poortwachter calendar over HTTP: every legal milestone for a (possibly aggregated) sickness period. */
@RestController
@RequestMapping("/api/timeline")
class TimelineController {

    private static final String GAP_SEPARATOR = "..";

    private static final int FIRST_YEAR = 1980;
    private static final int LAST_YEAR = 2999;

    private final PoortwachterCalendar calendar;
    private final Clock clock;

    TimelineController(PoortwachterCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Compute every legal Poortwachter milestone from the first sick day")
    TimelineResponse timeline(
            @Parameter(description = "First day of sickness (day 1), ISO date") @RequestParam LocalDate firstSickDay,
            @Parameter(description = "Recovery gap FROM..TO (first and last healthy day, inclusive), shorter than 28 days;"
                    + " repeat for several gaps") @RequestParam(name = "gap", required = false) List<String> gaps,
            @Parameter(description = "Weeks of voluntary extension (VVL), 0 or at least 13")
                    @RequestParam(defaultValue = "0") int vvlWeeks,
            @Parameter(description = "Weeks of loonsanctie, at most 52") @RequestParam(defaultValue = "0") int sanctionWeeks) {
        LocalDate today = LocalDate.now(clock);
        FirstSickDayRule.forCalculation(firstSickDay, today).ifPresent(problem -> {
            throw new InvalidTimelineInputException("firstSickDay", problem.rule(today));
        });
        TimelineInput input = TimelineInput.of(firstSickDay)
                .withGaps(gaps == null ? List.of() : gaps.stream().map(TimelineController::parseGap).toList())
                .withVvlWeeks(vvlWeeks)
                .withSanctionWeeks(sanctionWeeks);
        return TimelineResponse.of(calendar.compute(input));
    }

    @GetMapping("/holidays")
    @Operation(summary = "The algemeen erkende feestdagen of a year (Algemene termijnenwet art. 3, with any days"
            + " added by decree), past which the 42e-weeksmelding moves")
    List<HolidayView> holidays(@Parameter(description = "Calendar year") @RequestParam int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidTimelineInputException("year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR
                    + " (the day the monarch's birthday is celebrated is modelled from 1980)");
        }
        return calendar.workingDays().holidays().inYear(year).entrySet().stream()
                .map(holiday -> new HolidayView(holiday.getKey(), holiday.getValue()))
                .toList();
    }

    private static RecoveryGap parseGap(String gap) {
        int separator = gap.indexOf(GAP_SEPARATOR);
        if (separator < 0) {
            throw new InvalidTimelineInputException("gap",
                    "must be FROM..TO, the first and last healthy day in ISO format (got '" + gap + "')");
        }
        try {
            return new RecoveryGap(LocalDate.parse(gap.substring(0, separator).trim()),
                    LocalDate.parse(gap.substring(separator + GAP_SEPARATOR.length()).trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidTimelineInputException("gap",
                    "must be FROM..TO with dates in ISO format YYYY-MM-DD (got '" + gap + "')");
        }
    }

    record HolidayView(LocalDate date, String name) {
    }

    record TimelineResponse(LocalDate firstSickDay, List<MilestoneView> milestones) {
        static TimelineResponse of(Timeline timeline) {
            return new TimelineResponse(timeline.firstSickDay(),
                    timeline.milestones().stream().map(MilestoneView::of).toList());
        }
    }

    /**
     * One milestone. {@code movedFrom} (only when the date moved) is the date before it moved to a working day;
     * {@code dateRule} says whether this milestone moves past Saturdays, Sundays and algemeen erkende feestdagen
     * ({@code next-working-day}) or why not ({@code longer-than-12-weeks}, {@code counted-back},
     * {@code ministerial-regulation}, {@code no-statutory-term}); {@code dateRuleText} explains it in Dutch.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MilestoneView(String key, String label, LocalDate date, LocalDate windowStart, LocalDate movedFrom,
                         String dateRule, String dateRuleText) {
        static MilestoneView of(Milestone milestone) {
            return new MilestoneView(milestone.key().key(), milestone.key().label(), milestone.date(),
                    milestone.windowStart(), milestone.movedFrom(), milestone.dateRule().code(),
                    milestone.dateRuleText());
        }
    }
}
