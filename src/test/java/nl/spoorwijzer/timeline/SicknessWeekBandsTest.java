package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.spoorwijzer.timeline.SicknessWeekBands.WeekBand;
import org.junit.jupiter.api.Test;

class SicknessWeekBandsTest {

    private final SicknessWeekBands bands = new SicknessWeekBands(TimelineSettings.defaults());

    @Test
    void theBandsEndWithTheWeeksTheLegalStepsAreDueIn() {
        assertThat(bands.bands().stream().map(WeekBand::label).toList()).containsExactly("week 1–6", "week 7–8",
                "week 9–42", "week 43–52", "week 53–91", "week 92–93", "week 94–104", "week 105 en later");
    }

    @Test
    void theBandsFollowTheSettings() {
        // the WIA application 13 weeks before the end (week 91), the eindevaluatie 2 weeks before it (week 89)
        TimelineSettings settings = new TimelineSettings(7, 42, 26, 13, 42, 316, 364, 14);
        assertThat(new SicknessWeekBands(settings).bands()).extracting(WeekBand::toWeek)
                .containsExactly(6, 8, 42, 52, 89, 91, 104, null);
    }

    @Test
    void theWeekOfSicknessCountsTheFirstSickDayAsWeekOne() {
        LocalDate first = LocalDate.of(2026, 1, 5);
        assertThat(SicknessWeekBands.weekOf(first, first)).isEqualTo(1);
        assertThat(SicknessWeekBands.weekOf(first, first.plusDays(6))).isEqualTo(1);
        assertThat(SicknessWeekBands.weekOf(first, first.plusDays(7))).isEqualTo(2);
        assertThat(SicknessWeekBands.weekOf(first, first.plusDays(41))).isEqualTo(6);
        assertThat(SicknessWeekBands.weekOf(first, first.plusDays(42))).isEqualTo(7);
        assertThat(SicknessWeekBands.weekOf(first, first.plusDays(728))).isEqualTo(105);
    }

    @Test
    void aBandsFirstSickDaysMatchItsWeeks() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        List<WeekBand> all = bands.bands();
        for (WeekBand band : all) {
            LocalDate latest = band.latestFirstSickDay(today);
            assertThat(SicknessWeekBands.weekOf(latest, today)).isEqualTo(band.fromWeek());
            assertThat(band.contains(SicknessWeekBands.weekOf(latest, today))).isTrue();
            assertThat(band.contains(SicknessWeekBands.weekOf(latest.plusDays(1), today))).isFalse();
        }
    }
}
