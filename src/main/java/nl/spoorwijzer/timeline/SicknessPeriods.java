package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Samentelling (BW 7:629 lid 10): a relapse less than 4 weeks after full recovery continues the same sickness
 * period; the healthy days between become a {@link RecoveryGap} and every later date of the case moves by them.
 */
public final class SicknessPeriods {

    private SicknessPeriods() {
    }

    /** Whether sickness from {@code relapseOn} continues the period that recovered on {@code recoveredOn}. */
    public static boolean continuesCase(LocalDate recoveredOn, LocalDate relapseOn) {
        return healthyDays(recoveredOn, relapseOn) < LegalTerms.NEW_PERIOD_GAP_DAYS;
    }

    /** The first day on which a recovery counts for good, when no relapse came before it: 28 days later. */
    public static LocalDate recoveredForGoodOn(LocalDate recoveredOn) {
        return recoveredOn.plusDays(LegalTerms.NEW_PERIOD_GAP_DAYS);
    }

    /** The healthy days from the first day of recovery up to (not including) the first sick day of the relapse. */
    public static long healthyDays(LocalDate recoveredOn, LocalDate relapseOn) {
        return ChronoUnit.DAYS.between(recoveredOn, relapseOn);
    }

    /** The recovery gap a relapse adds to the case, or none when the employee fell sick again on the same day. */
    public static Optional<RecoveryGap> gap(LocalDate recoveredOn, LocalDate relapseOn) {
        return healthyDays(recoveredOn, relapseOn) > 0
                ? Optional.of(new RecoveryGap(recoveredOn, relapseOn.minusDays(1)))
                : Optional.empty();
    }

    /** The first sick day of the current sickness period: the case's first sick day or the day after the last gap. */
    public static LocalDate currentPeriodStart(LocalDate firstSickDay, List<RecoveryGap> gaps) {
        return gaps.isEmpty() ? firstSickDay : gaps.get(gaps.size() - 1).lastHealthyDay().plusDays(1);
    }
}
