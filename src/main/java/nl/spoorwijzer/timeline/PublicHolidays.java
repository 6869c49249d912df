package nl.spoorwijzer.timeline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The <i>algemeen erkende feestdagen</i> of the Algemene termijnenwet (Atw, BWBR0002448), art. 3:
 * <ul>
 *   <li>lid 1: de Nieuwjaarsdag, de Christelijke tweede Paas- en Pinksterdag, de beide Kerstdagen, de
 *       Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd en de vijfde mei (every year, not
 *       only in lustrum years: the Atw names the day without condition);</li>
 *   <li>lid 2: Goede Vrijdag is equated with them;</li>
 *   <li>lid 3: the government can equate further days by a decree in the Staatscourant; those are a setting
 *       ({@link HolidaySettings#extra()}), none by default.</li>
 * </ul>
 * The first Easter and Whit days are Sundays and so never working days anyway. The Easter-based days follow from
 * {@link Easter#sunday}: Goede Vrijdag = Easter − 2, tweede Paasdag = Easter + 1, Hemelvaartsdag = Easter + 39,
 * tweede Pinksterdag = Easter + 50.
 *
 * <p>The King's birthday is celebrated on 27 April, on 26 April when the 27th is a Sunday (Koningsdag since 2014,
 * by royal decree; since 1980 the day is never a Sunday). Before 2014 the Queen's birthday was celebrated on
 * 30 April, on 29 April when the 30th was a Sunday; years before 1980 are not modelled exactly.
 */
public final class PublicHolidays {

    private static final int FIRST_KONINGSDAG_YEAR = 2014;
    /** The name of a day added by decree (art. 3 lid 3). */
    static final String DESIGNATED = "feestdag aangewezen bij besluit (Algemene termijnenwet art. 3 lid 3)";

    private final List<LocalDate> designated;

    /** @param designated the days the government equated with the holidays of art. 3 lid 1 (lid 3); may be empty */
    public PublicHolidays(Collection<LocalDate> designated) {
        this.designated = designated == null ? List.of() : List.copyOf(designated);
    }

    /** Only the days of art. 3 lid 1 and 2, none added by decree. */
    public static PublicHolidays statutory() {
        return new PublicHolidays(List.of());
    }

    /** The days added by decree (art. 3 lid 3), as configured. */
    public List<LocalDate> designated() {
        return designated;
    }

    /** The Dutch name of the holiday on that date, if it is one; two holidays on one date are named together. */
    public Optional<String> nameOf(LocalDate date) {
        return Optional.ofNullable(inYear(date.getYear()).get(date));
    }

    public boolean isHoliday(LocalDate date) {
        return nameOf(date).isPresent();
    }

    /** Every holiday of the year by date, with its Dutch name. */
    public SortedMap<LocalDate, String> inYear(int year) {
        SortedMap<LocalDate, String> days = new TreeMap<>();
        LocalDate easter = Easter.sunday(year);
        add(days, LocalDate.of(year, Month.JANUARY, 1), "Nieuwjaarsdag");
        add(days, easter.minusDays(2), "Goede Vrijdag");
        add(days, easter.plusDays(1), "Tweede Paasdag");
        add(days, birthdayOfTheMonarch(year), year >= FIRST_KONINGSDAG_YEAR ? "Koningsdag" : "Koninginnedag");
        add(days, LocalDate.of(year, Month.MAY, 5), "5 mei (Bevrijdingsdag)");
        add(days, easter.plusDays(39), "Hemelvaartsdag");
        add(days, easter.plusDays(50), "Tweede Pinksterdag");
        add(days, LocalDate.of(year, Month.DECEMBER, 25), "Eerste Kerstdag");
        add(days, LocalDate.of(year, Month.DECEMBER, 26), "Tweede Kerstdag");
        designated.stream().filter(day -> day.getYear() == year).forEach(day -> add(days, day, DESIGNATED));
        return Collections.unmodifiableSortedMap(days);
    }

    /** The day on which the King's (before 2014: the Queen's) birthday is celebrated: never a Sunday. */
    static LocalDate birthdayOfTheMonarch(int year) {
        LocalDate birthday = year >= FIRST_KONINGSDAG_YEAR
                ? LocalDate.of(year, Month.APRIL, 27)
                : LocalDate.of(year, Month.APRIL, 30);
        return birthday.getDayOfWeek() == DayOfWeek.SUNDAY ? birthday.minusDays(1) : birthday;
    }

    private static void add(Map<LocalDate, String> days, LocalDate date, String name) {
        days.merge(date, name, (first, second) -> first.equals(second) ? first : first + " en " + second);
    }
}
