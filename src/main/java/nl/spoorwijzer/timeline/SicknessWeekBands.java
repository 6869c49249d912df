package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The weeks of sickness grouped as the law's calendar runs, for counting open cases by how long they are sick: each
 * band ends with the week a legal step is due in — probleemanalyse (week 6), plan van aanpak (week 8),
 * 42e-weeksmelding (after week 42), eerstejaarsevaluatie (week 52), eindevaluatie (2 weeks before the WIA
 * application, week 91), WIA application (week 93), end of the waiting period (week 104) — and a last band for the
 * extended waiting period (VVL, loonsanctie).
 */
@Component
public class SicknessWeekBands {

    private final List<WeekBand> bands;

    public SicknessWeekBands(TimelineSettings settings) {
        int wiaApplicationWeek = LegalTerms.WAITING_PERIOD_WEEKS - settings.wiaApplicationWeeksBeforeEnd();
        int eindevaluatieWeek = (wiaApplicationWeek * 7 - settings.eindevaluatieDaysBeforeWiaApplication()) / 7;
        int[] lastWeeks = {
            LegalTerms.PROBLEEMANALYSE_DAY / 7,
            LegalTerms.PLAN_VAN_AANPAK_DAY / 7,
            (LegalTerms.ZIEKMELDING_UWV_DAY - 1) / 7,
            settings.ejeDueDay() / 7,
            eindevaluatieWeek,
            wiaApplicationWeek,
            LegalTerms.WAITING_PERIOD_WEEKS};
        List<WeekBand> list = new ArrayList<>();
        int from = 1;
        for (int to : lastWeeks) {
            if (to >= from) { // a setting may make two steps fall in one week
                list.add(new WeekBand(from, to));
                from = to + 1;
            }
        }
        list.add(new WeekBand(from, null));
        this.bands = List.copyOf(list);
    }

    /** The bands in order, the first from week 1, the last open-ended. */
    public List<WeekBand> bands() {
        return bands;
    }

    /** The week of sickness {@code today} is in: week 1 is the first sick day and the six days after it. */
    public static long weekOf(LocalDate firstSickDay, LocalDate today) {
        return Math.floorDiv(ChronoUnit.DAYS.between(firstSickDay, today), 7) + 1;
    }

    /**
     * Weeks {@code fromWeek} to {@code toWeek} of sickness (inclusive; {@code toWeek} null: and every week after).
     */
    public record WeekBand(int fromWeek, Integer toWeek) {

        /** "week 1–6", "week 105 en later". */
        public String label() {
            return toWeek == null ? "week " + fromWeek + " en later"
                    : fromWeek == toWeek ? "week " + fromWeek : "week " + fromWeek + "–" + toWeek;
        }

        /** The latest first sick day of a case in this band on {@code today} (it is in week {@code fromWeek}). */
        public LocalDate latestFirstSickDay(LocalDate today) {
            return today.minusDays(7L * (fromWeek - 1));
        }

        public boolean contains(long week) {
            return week >= fromWeek && (toWeek == null || week <= toWeek);
        }
    }
}
