package nl.spoorwijzer.cooperation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the measures for non-cooperation, bound from {@code spoorwijzer.cooperation.*}. Not set by law.
 *
 * @param reviewAfterDays      days after the measure's start (or today, when it started earlier) on which the
 *                             werkgever reviews it when he names no review day himself
 * @param startAtMostDaysAhead how far ahead a measure may be announced (a start further away is no decision yet)
 * @param reviewAtMostDaysAhead how far ahead a review day may lie: a measure is looked at again within that time
 */
@ConfigurationProperties(prefix = "spoorwijzer.cooperation")
public record CooperationSettings(
        @DefaultValue("14") int reviewAfterDays,
        @DefaultValue("31") int startAtMostDaysAhead,
        @DefaultValue("91") int reviewAtMostDaysAhead) {

    public CooperationSettings {
        if (reviewAfterDays < 1 || startAtMostDaysAhead < 0 || reviewAtMostDaysAhead < reviewAfterDays) {
            throw new IllegalArgumentException("spoorwijzer.cooperation.*: review-after-days must be at least 1,"
                    + " start-at-most-days-ahead not negative and review-at-most-days-ahead at least"
                    + " review-after-days");
        }
    }
}
