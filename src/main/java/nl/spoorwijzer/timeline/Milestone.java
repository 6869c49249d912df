package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One computed legal date.
 *
 * @param key         which milestone
 * @param date        the deadline (or, for einde-wachttijd, the last day of the waiting period)
 * @param windowStart first day of the period in which the step should take place; only set for the
 *                    eerstejaarsevaluatie (week 46), otherwise null
 */
public record Milestone(MilestoneKey key, LocalDate date, LocalDate windowStart) {

    public Milestone {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(date, "date");
    }

    /** The Dutch label of the milestone. */
    public String label() {
        return key.label();
    }
}
