package nl.spoorwijzer.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.spoorwijzer.timeline.WorkingDays;
import org.junit.jupiter.api.Test;

class FollowUpDatesTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final Clock clock = Clock.fixed(LocalDate.of(2026, 3, 2).atTime(9, 0).atZone(AMSTERDAM).toInstant(),
            AMSTERDAM);

    private FollowUpDates followUps(int workingDays) {
        return new FollowUpDates(new ProcessSettings(14, 6, 7, workingDays), WorkingDays.statutory(),
                new LegalTime(clock), clock);
    }

    @Test
    void theWarningDaySkipsWeekendsAndEaster() {
        // Due Monday 13 April 2026; five working days back: Fri 10, Thu 9, Wed 8, Tue 7 April — not Tweede Paasdag
        // (Mon 6 April), not the weekend, not Goede Vrijdag (Fri 3 April) — Thu 2 April.
        assertThat(followUps(5).warningDay(LocalDate.of(2026, 4, 13))).isEqualTo(LocalDate.of(2026, 4, 2));
        // Due Friday 20 March 2026: five working days back is the Friday before.
        assertThat(followUps(5).warningDay(LocalDate.of(2026, 3, 20))).isEqualTo(LocalDate.of(2026, 3, 13));
    }

    @Test
    void theNumberOfWorkingDaysIsASetting() {
        assertThat(followUps(1).warningDay(LocalDate.of(2026, 3, 16))).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(followUps(0).warningDay(LocalDate.of(2026, 3, 16))).isEqualTo(LocalDate.of(2026, 3, 16));
    }
}
