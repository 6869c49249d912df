package nl.spoorwijzer.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The windows of an early IVA (bekorting wachttijd, WIA art. 23 lid 6 and 66; domain reference §3.5 and the
 * [VERIFY] row "Early IVA window" of §2.1), bound from {@code spoorwijzer.timeline.early-iva.*}. Weeks are sickness
 * weeks (week 1 = sick days 1-7, recovery gaps not counted); both ends of a window are included.
 *
 * @param firstApplicationWeek       first sickness week in which the employee may apply. Recommended: 3 (UWV:
 *                                   "after at least 3 weeks"; one source says week 13) [VERIFY].
 * @param lastApplicationWeek        last sickness week in which the employee may apply. Recommended: 68, "up to and
 *                                   including week 68"; sources differ between "before" (set 67) and "up to and
 *                                   including" week 68 [VERIFY].
 * @param minWaitingPeriodWeeks      the shortened waiting period lasts at least this many weeks. Recommended: 13.
 * @param maxWaitingPeriodWeeks      the shortened waiting period lasts at most this many weeks. Recommended: 78.
 * @param minWeeksAfterApplication   the shortened waiting period ends no earlier than this many weeks after the
 *                                   application (its last day is at least that many weeks minus one day after the
 *                                   application day). Recommended: 10.
 */
@ConfigurationProperties(prefix = "spoorwijzer.timeline.early-iva")
public record EarlyIvaSettings(
        @DefaultValue("3") int firstApplicationWeek,
        @DefaultValue("68") int lastApplicationWeek,
        @DefaultValue("13") int minWaitingPeriodWeeks,
        @DefaultValue("78") int maxWaitingPeriodWeeks,
        @DefaultValue("10") int minWeeksAfterApplication) {

    public EarlyIvaSettings {
        if (firstApplicationWeek < 1 || lastApplicationWeek < firstApplicationWeek) {
            throw new IllegalArgumentException("spoorwijzer.timeline.early-iva: the application window (weeks "
                    + firstApplicationWeek + " to " + lastApplicationWeek + ") must start at week 1 or later and"
                    + " not end before it starts");
        }
        if (minWaitingPeriodWeeks < 1 || maxWaitingPeriodWeeks < minWaitingPeriodWeeks
                || maxWaitingPeriodWeeks >= LegalTerms.WAITING_PERIOD_WEEKS) {
            throw new IllegalArgumentException("spoorwijzer.timeline.early-iva: the shortened waiting period (weeks "
                    + minWaitingPeriodWeeks + " to " + maxWaitingPeriodWeeks + ") must be a window shorter than "
                    + LegalTerms.WAITING_PERIOD_WEEKS + " weeks");
        }
        if (minWeeksAfterApplication < 0) {
            throw new IllegalArgumentException("spoorwijzer.timeline.early-iva.min-weeks-after-application must not"
                    + " be negative");
        }
    }

    /** The recommended values (domain §2.1), the same as the {@link DefaultValue}s Spring binds. */
    public static EarlyIvaSettings defaults() {
        return new EarlyIvaSettings(3, 68, 13, 78, 10);
    }
}
