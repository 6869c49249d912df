package nl.spoorwijzer.timeline;

import java.time.LocalDate;

/**
 * Easter Sunday of the Gregorian calendar, from which the Christian holidays of the Algemene termijnenwet art. 3
 * follow (Goede Vrijdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag).
 *
 * <p>The anonymous Gregorian algorithm (Meeus, <i>Astronomical Algorithms</i>, ch. 8; Jones 1876, Butcher 1876):
 * integer arithmetic on the year's place in the 19-year Metonic cycle, the century's leap-day and lunar
 * corrections, and the weekday, giving the Sunday after the ecclesiastical full moon on or after 21 March.
 */
public final class Easter {

    private Easter() {
    }

    /** Easter Sunday (eerste Paasdag) of the given year; valid for every Gregorian year (1583 onwards). */
    public static LocalDate sunday(int year) {
        int goldenNumber = year % 19;
        int century = year / 100;
        int yearOfCentury = year % 100;
        int centuryLeapSkips = century / 4;
        int centuryRemainder = century % 4;
        int lunarCorrection = (century + 8) / 25;
        int solarLunarShift = (century - lunarCorrection + 1) / 3;
        int epact = (19 * goldenNumber + century - centuryLeapSkips - solarLunarShift + 15) % 30;
        int leapQuarters = yearOfCentury / 4;
        int leapRemainder = yearOfCentury % 4;
        int toSunday = (32 + 2 * centuryRemainder + 2 * leapQuarters - epact - leapRemainder) % 7;
        int lateCorrection = (goldenNumber + 11 * epact + 22 * toSunday) / 451;
        int monthAndDay = epact + toSunday - 7 * lateCorrection + 114;
        return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }
}
