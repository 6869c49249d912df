package nl.spoorwijzer.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
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

    private static Date at(LocalDate day, int hour) {
        return Date.from(day.atTime(hour, 0).atZone(AMSTERDAM).toInstant());
    }

    /** Legal due dates are the end of their day (CaseTimeline stores LegalTime.endOfDay). */
    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(AMSTERDAM).toInstant());
    }

    @Test
    void aTaskCreatedLongBeforeItsDueDateIsFollowedUpOnTheWarningDay() {
        // Due Friday 20 March 2026; five working days back: Friday 13 March.
        assertThat(followUps(5).followUpDate(endOf(LocalDate.of(2026, 3, 20)), at(LocalDate.of(2026, 3, 2), 9)))
                .isEqualTo(at(LocalDate.of(2026, 3, 13), 0));
    }

    @Test
    void aTaskCreatedTwoWorkingDaysBeforeItsDueDateIsFollowedUpFromTheMomentItWasCreated() {
        // Created Wednesday 18 March at 14:00; the warning day (13 March) lies before the task existed.
        assertThat(followUps(5).followUpDate(endOf(LocalDate.of(2026, 3, 20)), at(LocalDate.of(2026, 3, 18), 14)))
                .isEqualTo(at(LocalDate.of(2026, 3, 18), 14));
    }

    @Test
    void aTaskCreatedOnItsDueDayIsFollowedUpNoLaterThanItsDueDate() {
        Date due = endOf(LocalDate.of(2026, 3, 20));
        assertThat(followUps(5).followUpDate(due, at(LocalDate.of(2026, 3, 20), 10)))
                .isEqualTo(at(LocalDate.of(2026, 3, 20), 10));
        // Even a task created after its due date (a late step imported later) is not followed up after it.
        assertThat(followUps(5).followUpDate(due, at(LocalDate.of(2026, 3, 24), 10))).isEqualTo(due);
    }

    @Test
    void withoutACreationTimeTheTaskCountsAsCreatedNow() {
        // The clock stands at Monday 2 March 09:00; due Tuesday 3 March: follow-up from now.
        assertThat(followUps(5).followUpDate(endOf(LocalDate.of(2026, 3, 3)), null))
                .isEqualTo(at(LocalDate.of(2026, 3, 2), 9));
    }
}
