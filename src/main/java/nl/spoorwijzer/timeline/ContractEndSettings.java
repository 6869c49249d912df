package nl.spoorwijzer.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ziek uit dienst: the employment contract ends during sickness (domain reference §3.6), bound from
 * {@code spoorwijzer.timeline.contract-end.*}. Weeks are sickness weeks on the contract's last day (recovery gaps
 * not counted).
 *
 * @param rivFromWeeks      sick this many weeks or longer on the last day: the werkgever hands over a
 *                          re-integratieverslag; shorter: only the ziek-uit-dienstmelding. Recommended: 6 (UWV).
 * @param fullRivFromWeeks  sick this many weeks or longer: the full re-integratieverslag including the eindevaluatie
 *                          by the last day of employment; from {@code rivFromWeeks} up to this: the verkort
 *                          re-integratieverslag, which also suffices when the bedrijfsarts expects full recovery
 *                          within 3 months. Recommended: 10 (UWV).
 * @param reportLeadDays    days before the due date of the ziek-uit-dienstmelding (the last working day) on which
 *                          its task appears for the werkgever. Recommended: 14, as for the 42e-weeksmelding.
 */
@ConfigurationProperties(prefix = "spoorwijzer.timeline.contract-end")
public record ContractEndSettings(
        @DefaultValue("6") int rivFromWeeks,
        @DefaultValue("10") int fullRivFromWeeks,
        @DefaultValue("14") int reportLeadDays) {

    public ContractEndSettings {
        if (rivFromWeeks < 0 || fullRivFromWeeks < rivFromWeeks) {
            throw new IllegalArgumentException("spoorwijzer.timeline.contract-end: riv-from-weeks (" + rivFromWeeks
                    + ") must not be negative nor above full-riv-from-weeks (" + fullRivFromWeeks + ")");
        }
        if (reportLeadDays < 0) {
            throw new IllegalArgumentException("spoorwijzer.timeline.contract-end.report-lead-days must not be"
                    + " negative");
        }
    }

    /** The recommended values (domain §3.6), the same as the {@link DefaultValue}s Spring binds. */
    public static ContractEndSettings defaults() {
        return new ContractEndSettings(6, 10, 14);
    }
}
