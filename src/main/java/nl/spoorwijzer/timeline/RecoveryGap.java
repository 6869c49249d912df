package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A period of full recovery between two sickness periods that are added up (samentelling, BW 7:629 lid 10).
 * Both days are inclusive. The calendar validates the gap; this record only carries it.
 */
public record RecoveryGap(LocalDate firstHealthyDay, LocalDate lastHealthyDay) {

    /** Number of healthy days in the gap, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(firstHealthyDay, lastHealthyDay) + 1;
    }

    /** Whether the given date is a healthy day of this gap. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(firstHealthyDay) && !date.isAfter(lastHealthyDay);
    }
}
