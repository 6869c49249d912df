package nl.spoorwijzer.process;

import java.time.LocalDate;
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
 * @param followUpWorkingDaysBeforeDue        working days (weekends and public holidays skipped) before a legal
 *                                            due date on which Tasklist shows the task as due for follow-up and its
 *                                            reminder is mailed (the warning date, DESIGN.md §3).
 */
@ConfigurationProperties(prefix = "spoorwijzer.process")
public record ProcessSettings(
        @DefaultValue("14") int taskLeadDays,
        @DefaultValue("6") int finalPhaseWeeksBeforeWiaApplication,
        @DefaultValue("7") int lateProbleemanalyseDays,
        @DefaultValue("5") int followUpWorkingDaysBeforeDue) {

    public ProcessSettings {
        if (taskLeadDays < 0 || lateProbleemanalyseDays < 0 || followUpWorkingDaysBeforeDue < 0) {
            throw new IllegalArgumentException("spoorwijzer.process.*: lead, late and follow-up days must not be"
                    + " negative");
        }
        if (finalPhaseWeeksBeforeWiaApplication < 1) {
            throw new IllegalArgumentException("spoorwijzer.process.final-phase-weeks-before-wia-application must be"
                    + " at least 1");
        }
    }

    /** The first day of the final phase: the given weeks before the WIA application deadline (week 88 by default). */
    public LocalDate finalPhaseStart(LocalDate wiaApplication) {
        return wiaApplication.minusWeeks(finalPhaseWeeksBeforeWiaApplication).plusDays(1);
    }
}
