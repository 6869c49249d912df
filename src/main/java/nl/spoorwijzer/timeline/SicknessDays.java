package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Counting sick days and sickness weeks of a case whose sickness periods are added up (samentelling, BW 7:629 lid
 * 10): day 1 is the first sick day, the healthy days of its {@link RecoveryGap}s do not count, and sickness week N
 * holds sick days 7(N-1)+1 to 7N.
 */
public final class SicknessDays {

    private SicknessDays() {
    }

    /** The number of sick days from the first sick day through {@code date}, both included; 0 before day 1. */
    public static long through(LocalDate firstSickDay, List<RecoveryGap> gaps, LocalDate date) {
        if (date.isBefore(firstSickDay)) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(firstSickDay, date) + 1;
        for (RecoveryGap gap : gaps) {
            if (!gap.firstHealthyDay().isAfter(date)) {
                LocalDate lastCounted = gap.lastHealthyDay().isAfter(date) ? date : gap.lastHealthyDay();
                days -= ChronoUnit.DAYS.between(gap.firstHealthyDay(), lastCounted) + 1;
            }
        }
        return days;
    }

    /** The sickness week {@code date} falls in (week 1 = sick days 1-7). */
    public static long week(LocalDate firstSickDay, List<RecoveryGap> gaps, LocalDate date) {
        long day = through(firstSickDay, gaps, date);
        return day == 0 ? 0 : (day - 1) / 7 + 1;
    }

    /** The calendar date of sick day {@code n} (n ≥ 1): the first sick day plus n-1 days plus the healthy days. */
    public static LocalDate dateOf(LocalDate firstSickDay, List<RecoveryGap> gaps, long n) {
        LocalDate date = firstSickDay.plusDays(n - 1);
        for (RecoveryGap gap : gaps) {
            if (!gap.firstHealthyDay().isAfter(date)) {
                date = date.plusDays(gap.days());
            }
        }
        return date;
    }
}
