package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One computed legal date.
 *
 * @param key          which milestone
 * @param date         the deadline (or, for einde-wachttijd, the last day of the waiting period), after any move to a
 *                     working day
 * @param windowStart  first day of the period in which the step should take place; only set for the
 *                     eerstejaarsevaluatie (week 46), otherwise null
 * @param movedFrom    the date before it moved to a working day ({@link DateRule#NEXT_WORKING_DAY}); null when the
 *                     date did not move
 * @param dateRuleText why the date moved or did not, in Dutch, citing the rule ({@link DateRule})
 */
public record Milestone(MilestoneKey key, LocalDate date, LocalDate windowStart, LocalDate movedFrom,
                        String dateRuleText) {

    public Milestone {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(date, "date");
        if (dateRuleText == null) {
            dateRuleText = DateRule.of(key).explanation();
        }
    }

    /** A date that did not move. */
    public Milestone(MilestoneKey key, LocalDate date, LocalDate windowStart) {
        this(key, date, windowStart, null, null);
    }

    /** The Dutch label of the milestone. */
    public String label() {
        return key.label();
    }

    /** Whether and why this milestone's date moves past Saturdays, Sundays and algemeen erkende feestdagen. */
    public DateRule dateRule() {
        return DateRule.of(key);
    }

    /** Whether the date moved to a working day. */
    public boolean moved() {
        return movedFrom != null;
    }
}
