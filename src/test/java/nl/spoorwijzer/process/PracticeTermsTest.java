package nl.spoorwijzer.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.spoorwijzer.timeline.WorkingDays;
import org.junit.jupiter.api.Test;

class PracticeTermsTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final LegalTime friday = new LegalTime(Clock.fixed(
            LocalDate.of(2026, 4, 24).atTime(10, 0).atZone(AMSTERDAM).toInstant(), AMSTERDAM));
    private final PracticeTerms terms = new PracticeTerms(WorkingDays.statutory(), friday);

    @Test
    void dueAtTheEndOfTheNthWorkingDaySkippingTheWeekendAndKingsDay() {
        // Friday 24 April 2026 + 5 working days: not the weekend, not Koningsdag (Monday 27 April): Tue 28, Wed 29,
        // Thu 30 April, Fri 1 May, Mon 4 May.
        assertThat(terms.dueInWorkingDays(5)).isEqualTo(friday.endOfDay(LocalDate.of(2026, 5, 4)));
        assertThat(terms.dueInWorkingDays(1)).isEqualTo(friday.endOfDay(LocalDate.of(2026, 4, 28)));
    }

    @Test
    void aTermFromADeployedModelIsKeptBetweenOneAndSixtyWorkingDays() {
        assertThat(terms.dueInWorkingDays(0)).isEqualTo(terms.dueInWorkingDays(1));
        assertThat(terms.dueInWorkingDays(-3)).isEqualTo(terms.dueInWorkingDays(1));
        assertThat(terms.dueInWorkingDays(Integer.MAX_VALUE)).isEqualTo(terms.dueInWorkingDays(60));
        assertThat(terms.dueInWorkingDays(61)).isEqualTo(terms.dueInWorkingDays(60));
    }
}
