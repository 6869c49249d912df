package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private final WorkingDays workingDays = WorkingDays.statutory();

    @Test
    void weekdaysThatAreNoHolidayAreWorkingDays() {
        assertThat(workingDays.isWorkingDay(date("2025-04-22"))).isTrue();
        assertThat(workingDays.whyNoWorkingDay(date("2025-04-22"))).isEmpty();
    }

    @Test
    void saturdaysSundaysAndHolidaysAreNot() {
        assertThat(workingDays.whyNoWorkingDay(date("2025-04-19"))).contains("zaterdag");
        assertThat(workingDays.whyNoWorkingDay(date("2025-04-20"))).contains("zondag");
        assertThat(workingDays.whyNoWorkingDay(date("2025-04-21"))).contains("Tweede Paasdag");
        // A holiday on a Saturday is named after the holiday.
        assertThat(workingDays.whyNoWorkingDay(date("2025-04-26"))).contains("Koningsdag");
    }

    @Test
    void nextWorkingDaySkipsAHolidayAndTheWeekendAfterIt() {
        assertThat(workingDays.onOrAfter(date("2025-04-22"))).isEqualTo(date("2025-04-22"));
        assertThat(workingDays.onOrAfter(date("2025-04-21"))).isEqualTo(date("2025-04-22"));
        // Goede Vrijdag 3 April 2026, the weekend, Tweede Paasdag 6 April: Tuesday 7 April.
        assertThat(workingDays.onOrAfter(date("2026-04-03"))).isEqualTo(date("2026-04-07"));
        // Both Christmas days 2025 (Thursday, Friday), then the weekend: Monday 29 December.
        assertThat(workingDays.onOrAfter(date("2025-12-25"))).isEqualTo(date("2025-12-29"));
    }

    @Test
    void lastWorkingDayGoesBackPastAHolidayAndTheWeekendBeforeIt() {
        assertThat(workingDays.onOrBefore(date("2026-04-06"))).isEqualTo(date("2026-04-02"));
        assertThat(workingDays.onOrBefore(date("2026-04-02"))).isEqualTo(date("2026-04-02"));
    }

    @Test
    void aDayAddedByDecreeIsNoWorkingDay() {
        WorkingDays withDecree = new WorkingDays(new PublicHolidays(List.of(date("2027-06-14"))));

        assertThat(withDecree.isWorkingDay(date("2027-06-14"))).isFalse();
        assertThat(withDecree.onOrAfter(date("2027-06-14"))).isEqualTo(date("2027-06-15"));
        assertThat(workingDays.isWorkingDay(date("2027-06-14"))).isTrue();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
