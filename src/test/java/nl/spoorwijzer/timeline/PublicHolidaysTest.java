package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The algemeen erkende feestdagen of the Algemene termijnenwet art. 3 lid 1 and 2. Easter Sundays are literals from
 * public tables, not from the code under test: 2024–2034 from kalender-365.nl ("1e Paasdag 2025, 2026 en verder"),
 * 2035 from python-dateutil's {@code easter()}; the extremes 22 March (1818, 2285) and 25 April (1943, 2038) from
 * hooghalen.com. The full lists of 2026 and 2028 match alle-feestdagen.be and a public holiday calendar.
 */
class PublicHolidaysTest {

    private final PublicHolidays holidays = PublicHolidays.statutory();

    @ParameterizedTest(name = "{0}: Pasen {1}, Koningsdag {2}")
    @CsvSource({
            "2024, 2024-03-31, 2024-04-27",
            "2025, 2025-04-20, 2025-04-26",   // 27 April 2025 is a Sunday
            "2026, 2026-04-05, 2026-04-27",
            "2027, 2027-03-28, 2027-04-27",
            "2028, 2028-04-16, 2028-04-27",
            "2029, 2029-04-01, 2029-04-27",
            "2030, 2030-04-21, 2030-04-27",
            "2031, 2031-04-13, 2031-04-26",   // 27 April 2031 is a Sunday
            "2032, 2032-03-28, 2032-04-27",
            "2033, 2033-04-17, 2033-04-27",
            "2034, 2034-04-09, 2034-04-27",
            "2035, 2035-03-25, 2035-04-27"})
    void everyYearFrom2024To2035HasTheNineHolidaysOfArticle3(int year, LocalDate easter, LocalDate koningsdag) {
        assertThat(Easter.sunday(year)).isEqualTo(easter);
        assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);

        // In date order; Hemelvaartsdag can come before 5 May (2035: 3 May).
        assertThat(holidays.inYear(year)).hasSize(9).containsOnly(
                entry(LocalDate.of(year, 1, 1), "Nieuwjaarsdag"),
                entry(easter.minusDays(2), "Goede Vrijdag"),
                entry(easter.plusDays(1), "Tweede Paasdag"),
                entry(koningsdag, "Koningsdag"),
                entry(LocalDate.of(year, 5, 5), "5 mei (Bevrijdingsdag)"),
                entry(easter.plusDays(39), "Hemelvaartsdag"),
                entry(easter.plusDays(50), "Tweede Pinksterdag"),
                entry(LocalDate.of(year, 12, 25), "Eerste Kerstdag"),
                entry(LocalDate.of(year, 12, 26), "Tweede Kerstdag"));
        assertThat(easter.minusDays(2).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(easter.plusDays(39).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(easter.plusDays(50).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(koningsdag.getDayOfWeek()).isNotEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void holidaysOf2025AsLiterals() {
        assertThat(holidays.inYear(2025).keySet()).containsExactly(
                date("2025-01-01"), date("2025-04-18"), date("2025-04-21"), // Easter Monday 21 April
                date("2025-04-26"),                                          // Koningsdag: 27 April is a Sunday
                date("2025-05-05"), date("2025-05-29"), date("2025-06-09"), date("2025-12-25"), date("2025-12-26"));
    }

    @Test
    void holidaysOf2026And2028AsPublishedInHolidayCalendars() {
        assertThat(holidays.inYear(2026).keySet()).containsExactly(
                date("2026-01-01"), date("2026-04-03"), date("2026-04-06"), date("2026-04-27"), date("2026-05-05"),
                date("2026-05-14"), date("2026-05-25"), date("2026-12-25"), date("2026-12-26"));
        assertThat(holidays.inYear(2028).keySet()).containsExactly(
                date("2028-01-01"), date("2028-04-14"), date("2028-04-17"), date("2028-04-27"), date("2028-05-05"),
                date("2028-05-25"), date("2028-06-05"), date("2028-12-25"), date("2028-12-26"));
    }

    @Test
    void easterAtItsEarliestAndLatestDates() {
        assertThat(Easter.sunday(1818)).isEqualTo(date("1818-03-22"));
        assertThat(Easter.sunday(2285)).isEqualTo(date("2285-03-22"));
        assertThat(Easter.sunday(1943)).isEqualTo(date("1943-04-25"));
        assertThat(Easter.sunday(2038)).isEqualTo(date("2038-04-25"));
    }

    @Test
    void easterIsAlwaysASundayFrom22MarchTo25April() {
        IntStream.rangeClosed(1583, 4099).mapToObj(Easter::sunday).forEach(easter -> {
            assertThat(easter.getDayOfWeek()).as("%s", easter).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(easter).isBetween(LocalDate.of(easter.getYear(), 3, 22), LocalDate.of(easter.getYear(), 4, 25));
        });
    }

    @Test
    void fiveMayIsAHolidayEveryYearNotOnlyInLustrumYears() {
        IntStream.rangeClosed(2024, 2035).forEach(year ->
                assertThat(holidays.nameOf(LocalDate.of(year, 5, 5))).contains("5 mei (Bevrijdingsdag)"));
    }

    @Test
    void beforeKoningsdagTheQueensBirthdayWasCelebratedOn30April() {
        assertThat(holidays.nameOf(date("2013-04-30"))).contains("Koninginnedag");
        // 30 April 2006 was a Sunday: celebrated the day before.
        assertThat(holidays.nameOf(date("2006-04-29"))).contains("Koninginnedag");
        assertThat(holidays.isHoliday(date("2006-04-30"))).isFalse();
    }

    @Test
    void twoHolidaysOnOneDateAreNamedTogether() {
        // Easter 2005 was 27 March, so Hemelvaartsdag fell on 5 May.
        assertThat(holidays.nameOf(date("2005-05-05"))).contains("5 mei (Bevrijdingsdag) en Hemelvaartsdag");
        assertThat(holidays.inYear(2005)).hasSize(8);
    }

    @Test
    void ordinaryDaysAndFirstEasterAndWhitDaysAreNoHolidaysOfTheAct() {
        assertThat(holidays.isHoliday(date("2025-04-22"))).isFalse();
        assertThat(holidays.isHoliday(date("2025-04-20"))).isFalse(); // eerste Paasdag: a Sunday anyway
        assertThat(holidays.isHoliday(date("2025-06-08"))).isFalse(); // eerste Pinksterdag: a Sunday anyway
        assertThat(holidays.isHoliday(date("2025-04-27"))).isFalse(); // the King's birthday on a Sunday
    }

    @Test
    void daysAddedByDecreeAreHolidaysInTheirYearOnly() {
        PublicHolidays withDecree = new PublicHolidays(List.of(date("2027-06-14"), date("2026-04-06")));

        assertThat(withDecree.nameOf(date("2027-06-14"))).contains(PublicHolidays.DESIGNATED);
        assertThat(withDecree.inYear(2027)).hasSize(10);
        assertThat(withDecree.nameOf(date("2026-04-06"))).contains("Tweede Paasdag en " + PublicHolidays.DESIGNATED);
        assertThat(withDecree.inYear(2026)).hasSize(9);
        assertThat(holidays.isHoliday(date("2027-06-14"))).isFalse();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
