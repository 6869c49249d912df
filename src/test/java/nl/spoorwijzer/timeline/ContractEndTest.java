package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.spoorwijzer.timeline.ContractEnd.Riv;
import org.junit.jupiter.api.Test;

class ContractEndTest {

    private final ContractEnd rules = new ContractEnd(ContractEndSettings.defaults(), WorkingDays.statutory());

    @Test
    void theZiekUitDienstmeldingIsDueOnTheLastWorkingDay() {
        // Friday 31 July 2026 is a working day.
        assertThat(rules.reportDue(LocalDate.of(2026, 7, 31))).isEqualTo(LocalDate.of(2026, 7, 31));
        // Sunday 31 May 2026: Friday 29 May.
        assertThat(rules.reportDue(LocalDate.of(2026, 5, 31))).isEqualTo(LocalDate.of(2026, 5, 29));
        // Tweede Paasdag Monday 6 April 2026: back past the weekend and Goede Vrijdag to Thursday 2 April.
        assertThat(rules.reportDue(LocalDate.of(2026, 4, 6))).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void itsTaskAppearsTwoWeeksBefore() {
        assertThat(rules.reportTaskStart(LocalDate.of(2026, 5, 31))).isEqualTo(LocalDate.of(2026, 5, 15));
    }

    @Test
    void theSickDaysOnTheLastDayCountFromDayOneWithoutHealthyDays() {
        LocalDate day1 = LocalDate.of(2026, 1, 5);
        assertThat(rules.sickDays(day1, List.of(), day1.plusDays(27))).isEqualTo(28);
        assertThat(rules.sickDays(day1, List.of(new RecoveryGap(day1.plusDays(10), day1.plusDays(14))),
                day1.plusDays(27))).isEqualTo(23);
    }

    @Test
    void noRivBelowSixWeeksAShortOneBelowTenAndTheFullOneFromTen() {
        assertThat(rules.riv(28, false)).isEqualTo(Riv.GEEN);
        assertThat(rules.riv(41, false)).isEqualTo(Riv.GEEN);
        assertThat(rules.riv(42, false)).isEqualTo(Riv.VERKORT);
        assertThat(rules.riv(56, false)).isEqualTo(Riv.VERKORT);
        assertThat(rules.riv(69, false)).isEqualTo(Riv.VERKORT);
        assertThat(rules.riv(70, false)).isEqualTo(Riv.VOLLEDIG);
        assertThat(rules.riv(140, false)).isEqualTo(Riv.VOLLEDIG);
    }

    @Test
    void expectedRecoveryWithinThreeMonthsNeedsOnlyTheShortRiv() {
        assertThat(rules.riv(140, true)).isEqualTo(Riv.VERKORT);
        assertThat(rules.riv(28, true)).isEqualTo(Riv.GEEN);
    }

    @Test
    void theThresholdsAreSettings() {
        ContractEnd other = new ContractEnd(new ContractEndSettings(4, 8, 7), WorkingDays.statutory());
        assertThat(other.riv(28, false)).isEqualTo(Riv.VERKORT);
        assertThat(other.riv(56, false)).isEqualTo(Riv.VOLLEDIG);
    }
}
