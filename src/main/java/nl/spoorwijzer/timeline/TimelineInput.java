package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything the calendar needs to compute the legal dates of one (possibly aggregated) sickness case.
 *
 * @param firstSickDay               day 1 of the sickness period (eerste ziektedag)
 * @param gaps                       recovery gaps of fewer than 28 days, in chronological order; never null
 * @param vvlWeeks                   vrijwillige verlenging loondoorbetaling in weeks; 0 means none
 * @param sanctionWeeks              loonsanctie in weeks; 0 means none
 * @param actualProbleemanalyse      date of the probleemanalyse once made, otherwise null
 * @param actualEerstejaarsevaluatie date of the eerstejaarsevaluatie once held, otherwise null
 * @param sanctionEndsOn             the last day of a loonsanctie that UWV shortened (bekorting: 6 weeks after
 *                                   granting it, WIA art. 25 lid 9), otherwise null
 */
public record TimelineInput(
        LocalDate firstSickDay,
        List<RecoveryGap> gaps,
        int vvlWeeks,
        int sanctionWeeks,
        LocalDate actualProbleemanalyse,
        LocalDate actualEerstejaarsevaluatie,
        LocalDate sanctionEndsOn) {

    public TimelineInput {
        // Null elements are kept so that the calendar can reject them with a proper validation error.
        gaps = gaps == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(gaps));
    }

    /** A case without gaps, extensions or actual dates. */
    public static TimelineInput of(LocalDate firstSickDay) {
        return new TimelineInput(firstSickDay, List.of(), 0, 0, null, null, null);
    }

    public TimelineInput withGaps(List<RecoveryGap> newGaps) {
        return new TimelineInput(firstSickDay, newGaps, vvlWeeks, sanctionWeeks,
                actualProbleemanalyse, actualEerstejaarsevaluatie, sanctionEndsOn);
    }

    public TimelineInput withVvlWeeks(int newVvlWeeks) {
        return new TimelineInput(firstSickDay, gaps, newVvlWeeks, sanctionWeeks,
                actualProbleemanalyse, actualEerstejaarsevaluatie, sanctionEndsOn);
    }

    public TimelineInput withSanctionWeeks(int newSanctionWeeks) {
        return new TimelineInput(firstSickDay, gaps, vvlWeeks, newSanctionWeeks,
                actualProbleemanalyse, actualEerstejaarsevaluatie, sanctionEndsOn);
    }

    public TimelineInput withActualProbleemanalyse(LocalDate date) {
        return new TimelineInput(firstSickDay, gaps, vvlWeeks, sanctionWeeks,
                date, actualEerstejaarsevaluatie, sanctionEndsOn);
    }

    public TimelineInput withActualEerstejaarsevaluatie(LocalDate date) {
        return new TimelineInput(firstSickDay, gaps, vvlWeeks, sanctionWeeks,
                actualProbleemanalyse, date, sanctionEndsOn);
    }

    public TimelineInput withSanctionEndsOn(LocalDate date) {
        return new TimelineInput(firstSickDay, gaps, vvlWeeks, sanctionWeeks,
                actualProbleemanalyse, actualEerstejaarsevaluatie, date);
    }
}
