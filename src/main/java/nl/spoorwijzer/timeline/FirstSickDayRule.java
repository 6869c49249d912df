package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which first sick days the platform accepts. A case can only be opened for sickness that has begun and whose
 * 104-week waiting period still runs; the calendar computes the dates of any sickness that has begun, also of one
 * long ago. Each caller words the refusal for its reader: the API in English ({@link Problem#rule}), Tasklist in
 * Dutch.
 */
public final class FirstSickDayRule {

    /** What is wrong with a first sick day. */
    public enum Problem {
        /** The first sick day starts the waiting period (BW 7:629 lid 1). */
        MISSING,
        /** A sick report is about sickness that has already begun. */
        IN_THE_FUTURE,
        /** More than 104 weeks ago: the waiting period (BW 7:629 lid 1) is over, nothing is left to orchestrate. */
        WAITING_PERIOD_OVER;

        /** The rule in the API's words, for the problem detail's {@code rule}. */
        public String rule(LocalDate today) {
            return switch (this) {
                case MISSING -> "the first sick day starts the 104-week waiting period and is required (BW 7:629 lid 1)";
                case IN_THE_FUTURE -> "must not be in the future (today is " + today + ")";
                case WAITING_PERIOD_OVER -> "must be less than 104 weeks ago: the waiting period (BW 7:629) is"
                        + " already over";
            };
        }
    }

    private FirstSickDayRule() {
    }

    /** For opening a case: given, not after today, and not more than 104 weeks before today. */
    public static Optional<Problem> forNewCase(LocalDate firstSickDay, LocalDate today) {
        Optional<Problem> problem = forCalculation(firstSickDay, today);
        if (problem.isPresent()) {
            return problem;
        }
        if (firstSickDay.isBefore(earliestForNewCase(today))) {
            return Optional.of(Problem.WAITING_PERIOD_OVER);
        }
        return Optional.empty();
    }

    /** For computing a timeline: given and not after today; a waiting period that is over can still be computed. */
    public static Optional<Problem> forCalculation(LocalDate firstSickDay, LocalDate today) {
        if (firstSickDay == null) {
            return Optional.of(Problem.MISSING);
        }
        if (firstSickDay.isAfter(today)) {
            return Optional.of(Problem.IN_THE_FUTURE);
        }
        return Optional.empty();
    }

    /** The earliest first sick day of a case opened today: 104 weeks back (BW 7:629 lid 1). */
    public static LocalDate earliestForNewCase(LocalDate today) {
        return today.minusWeeks(LegalTerms.WAITING_PERIOD_WEEKS);
    }
}
