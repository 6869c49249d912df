package nl.spoorwijzer.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The values of the Poortwachter calendar on which sources disagree or that depend on a contract, bound from
 * {@code spoorwijzer.timeline.*}. Statutory values that sources agree on (probleemanalyse by day 42, plan van aanpak
 * by day 56, 42e-weeksmelding on day 295, 104-week waiting period) are constants of {@link LegalTerms}.
 * See shared/domain/poortwachter.md §2.1 for the [VERIFY] items.
 *
 * @param ziekmeldingBedrijfsartsDay            sick day by which the employer reports the case to the bedrijfsarts.
 *                                              No statutory day; 7 is the usual arbo contract term ("tijdig", domain
 *                                              §2) [VERIFY per contract].
 * @param evaluationIntervalDays                maximum number of days between periodic evaluations of the plan van
 *                                              aanpak: at least once every 6 weeks (Regeling procesgang art. 2, UWV
 *                                              advice) [VERIFY].
 * @param deskundigenoordeelWeeksBeforeEnd      weeks before the end of the waiting period up to which a
 *                                              deskundigenoordeel on the re-integration efforts can be requested
 *                                              (Wet SUWI art. 32; 6 months per seed 000) [VERIFY].
 * @param wiaApplicationWeeksBeforeEnd          weeks before the end of the waiting period by which the WIA application
 *                                              is due (WIA art. 64; since 1-7-2013 11 weeks = end of week 93).
 * @param spoor2StartDaysAfterEje               days after the eerstejaarsevaluatie by which spoor 2 starts at the
 *                                              latest (Werkwijzer Poortwachter, via seed 003: "within 6 weeks").
 * @param ejeWindowStartDay                     first sick day of the eerstejaarsevaluatie window: week 46 (Regeling
 *                                              procesgang, UWV: week 46–52).
 * @param ejeDueDay                             sick day by which the eerstejaarsevaluatie is held: end of week 52
 *                                              (Regeling procesgang).
 * @param eindevaluatieDaysBeforeWiaApplication days before the WIA application deadline by which the eindevaluatie
 *                                              and actueel oordeel are ready: at most 2 weeks before the application,
 *                                              so by the end of week 91 = sick day 637 (Regeling procesgang art. 6,
 *                                              re-integratieverslag) [VERIFY].
 */
@ConfigurationProperties(prefix = "spoorwijzer.timeline")
public record TimelineSettings(
        @DefaultValue("7") int ziekmeldingBedrijfsartsDay,
        @DefaultValue("42") int evaluationIntervalDays,
        @DefaultValue("26") int deskundigenoordeelWeeksBeforeEnd,
        @DefaultValue("11") int wiaApplicationWeeksBeforeEnd,
        @DefaultValue("42") int spoor2StartDaysAfterEje,
        @DefaultValue("316") int ejeWindowStartDay,
        @DefaultValue("364") int ejeDueDay,
        @DefaultValue("14") int eindevaluatieDaysBeforeWiaApplication) {

    public TimelineSettings {
        requirePositive("ziekmeldingBedrijfsartsDay", ziekmeldingBedrijfsartsDay);
        requirePositive("evaluationIntervalDays", evaluationIntervalDays);
        requirePositive("deskundigenoordeelWeeksBeforeEnd", deskundigenoordeelWeeksBeforeEnd);
        requirePositive("wiaApplicationWeeksBeforeEnd", wiaApplicationWeeksBeforeEnd);
        requirePositive("spoor2StartDaysAfterEje", spoor2StartDaysAfterEje);
        requirePositive("ejeWindowStartDay", ejeWindowStartDay);
        requirePositive("ejeDueDay", ejeDueDay);
        requirePositive("eindevaluatieDaysBeforeWiaApplication", eindevaluatieDaysBeforeWiaApplication);
        if (ejeWindowStartDay > ejeDueDay) {
            throw new IllegalArgumentException("spoorwijzer.timeline.ejeWindowStartDay (" + ejeWindowStartDay
                    + ") must not be after spoorwijzer.timeline.ejeDueDay (" + ejeDueDay + ")");
        }
    }

    /** The recommended values (domain §2.1), the same as the {@link DefaultValue}s Spring binds. */
    public static TimelineSettings defaults() {
        return new TimelineSettings(7, 42, 26, 11, 42, 316, 364, 14);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("spoorwijzer.timeline." + name + " must be positive but was " + value);
        }
    }
}
