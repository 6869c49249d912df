package nl.spoorwijzer.timeline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Working days in the sense of the Algemene termijnenwet art. 1: every day that is not a Saturday, a Sunday or an
 * <i>algemeen erkende feestdag</i> ({@link PublicHolidays}, art. 3). Which dates move to a working day, and which do
 * not because art. 1 lid 2 or art. 4 excludes them, is decided per milestone by {@link DateRule}.
 */
public final class WorkingDays {

    private final PublicHolidays holidays;

    public WorkingDays(PublicHolidays holidays) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
    }

    /** Working days with the holidays of art. 3 lid 1 and 2 only. */
    public static WorkingDays statutory() {
        return new WorkingDays(PublicHolidays.statutory());
    }

    public PublicHolidays holidays() {
        return holidays;
    }

    public boolean isWorkingDay(LocalDate date) {
        return whyNoWorkingDay(date).isEmpty();
    }

    /**
     * Why a date is no working day, in Dutch: the holiday's name (also when it falls in a weekend), otherwise
     * "zaterdag" or "zondag"; empty for a working day.
     */
    public Optional<String> whyNoWorkingDay(LocalDate date) {
        Optional<String> holiday = holidays.nameOf(date);
        if (holiday.isPresent()) {
            return holiday;
        }
        DayOfWeek weekday = date.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY) {
            return Optional.of("zaterdag");
        }
        return weekday == DayOfWeek.SUNDAY ? Optional.of("zondag") : Optional.empty();
    }

    /** The date itself when it is a working day, otherwise the first working day after it (Atw art. 1 lid 1). */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The date itself when it is a working day, otherwise the last working day before it; for a step due "op de
     * laatste werkdag" before an event, such as the ziek-uit-dienstmelding (Ziektewet art. 38 lid 2).
     */
    public LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }
}
