package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The date rules of an early IVA decision (bekorting wachttijd; domain reference §3.5): when the employee may apply
 * and where UWV's end of the shortened waiting period may fall. One attempt per case is a rule of the case, not of
 * dates, and is checked where the decision is recorded.
 */
public final class EarlyIva {

    /** A broken rule: the request field and the rule, in words a caller can act on. */
    public record Problem(String field, String rule) {
    }

    private final EarlyIvaSettings settings;

    public EarlyIva(EarlyIvaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public EarlyIvaSettings settings() {
        return settings;
    }

    /** The first day on which the employee may apply: the first day of sickness week {@code firstApplicationWeek}. */
    public LocalDate firstApplicationDay(LocalDate firstSickDay, List<RecoveryGap> gaps) {
        return SicknessDays.dateOf(firstSickDay, gaps, (settings.firstApplicationWeek() - 1L) * 7 + 1);
    }

    /** The last day on which the employee may apply: the last day of sickness week {@code lastApplicationWeek}. */
    public LocalDate lastApplicationDay(LocalDate firstSickDay, List<RecoveryGap> gaps) {
        return SicknessDays.dateOf(firstSickDay, gaps, settings.lastApplicationWeek() * 7L);
    }

    /**
     * The earliest last day of the shortened waiting period: at least {@code minWaitingPeriodWeeks} of sickness and
     * at least {@code minWeeksAfterApplication} weeks from the application day.
     */
    public LocalDate earliestEnd(LocalDate firstSickDay, List<RecoveryGap> gaps, LocalDate applicationDate) {
        LocalDate byLength = SicknessDays.dateOf(firstSickDay, gaps, settings.minWaitingPeriodWeeks() * 7L);
        LocalDate byApplication = applicationDate.plusWeeks(settings.minWeeksAfterApplication()).minusDays(1);
        return byLength.isAfter(byApplication) ? byLength : byApplication;
    }

    /** The latest last day of the shortened waiting period: {@code maxWaitingPeriodWeeks} of sickness. */
    public LocalDate latestEnd(LocalDate firstSickDay, List<RecoveryGap> gaps) {
        return SicknessDays.dateOf(firstSickDay, gaps, settings.maxWaitingPeriodWeeks() * 7L);
    }

    /**
     * Checks UWV's decision on an application: the application within its window, the decision not before the
     * application, and for a grant the last day of the shortened waiting period within its limits (and for a
     * refusal none). The dates themselves (present, well-formed, not in the future) are checked by the caller.
     *
     * @return every broken rule; empty when the decision fits the law
     */
    public List<Problem> check(LocalDate firstSickDay, List<RecoveryGap> gaps, LocalDate applicationDate,
                               LocalDate decisionDate, boolean granted, LocalDate waitingPeriodEnd) {
        List<Problem> problems = new ArrayList<>();
        LocalDate first = firstApplicationDay(firstSickDay, gaps);
        LocalDate last = lastApplicationDay(firstSickDay, gaps);
        if (applicationDate.isBefore(first) || applicationDate.isAfter(last)) {
            problems.add(new Problem("applicationDate", "an early IVA is applied for in sickness weeks "
                    + settings.firstApplicationWeek() + " to " + settings.lastApplicationWeek() + " (" + first
                    + " to " + last + "); " + applicationDate + " is in week "
                    + SicknessDays.week(firstSickDay, gaps, applicationDate)
                    + " (WIA art. 23 lid 6, spoorwijzer.timeline.early-iva)"));
        }
        if (decisionDate != null && decisionDate.isBefore(applicationDate)) {
            problems.add(new Problem("decisionDate", "UWV decides on an application after it was made: not before "
                    + applicationDate));
        }
        if (granted && waitingPeriodEnd == null) {
            problems.add(new Problem("waitingPeriodEnd", "is required for a grant: the last day of the shortened"
                    + " waiting period that UWV set"));
        } else if (granted) {
            LocalDate earliest = earliestEnd(firstSickDay, gaps, applicationDate);
            LocalDate latest = latestEnd(firstSickDay, gaps);
            if (waitingPeriodEnd.isBefore(earliest) || waitingPeriodEnd.isAfter(latest)) {
                problems.add(new Problem("waitingPeriodEnd", "the shortened waiting period lasts "
                        + settings.minWaitingPeriodWeeks() + " to " + settings.maxWaitingPeriodWeeks()
                        + " weeks of sickness and ends at least " + settings.minWeeksAfterApplication()
                        + " weeks after the application: its last day falls from " + earliest + " to " + latest
                        + " (WIA art. 23 lid 6, spoorwijzer.timeline.early-iva)"));
            }
        } else if (waitingPeriodEnd != null) {
            problems.add(new Problem("waitingPeriodEnd", "only a grant sets a new end of the waiting period;"
                    + " after a refusal the case runs on"));
        }
        return problems;
    }
}
