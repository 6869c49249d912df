package nl.spoorwijzer.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the case process that are not legal dates themselves, bound from {@code spoorwijzer.process.*}.
 *
 * @param taskLeadDays                        days before a legal deadline on which its task is created, so the
 *                                            werkgever has time to act (42e-weeksmelding "two weeks ahead",
 *                                            periodic evaluations).
 * @param finalPhaseWeeksBeforeWiaApplication weeks before the WIA application deadline on which the final phase
 *                                            (actueel oordeel, eindevaluatie, RIV) starts: UWV's WIA letter arrives
 *                                            in week 88, 6 weeks before the end of week 93 (domain §2.1) [VERIFY].
 * @param lateProbleemanalyseDays             days the bedrijfsarts gets for the probleemanalyse when threatening
 *                                            long-term absence only becomes clear after day 42: the Regeling
 *                                            procesgang says "onverwijld" (without delay) [VERIFY].
 */
@ConfigurationProperties(prefix = "spoorwijzer.process")
public record ProcessSettings(
        @DefaultValue("14") int taskLeadDays,
        @DefaultValue("6") int finalPhaseWeeksBeforeWiaApplication,
        @DefaultValue("7") int lateProbleemanalyseDays) {

    public ProcessSettings {
        if (taskLeadDays < 0 || finalPhaseWeeksBeforeWiaApplication < 1 || lateProbleemanalyseDays < 0) {
            throw new IllegalArgumentException("spoorwijzer.process.*: lead days and late days must not be negative"
                    + " and the final phase must start at least a week before the WIA application");
        }
    }

    public static ProcessSettings defaults() {
        return new ProcessSettings(14, 6, 7);
    }
}
