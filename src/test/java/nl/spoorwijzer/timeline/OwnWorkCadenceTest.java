package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The evaluation cadence: every two weeks while an opbouwschema runs, at least every six weeks always. */
class OwnWorkCadenceTest {

    static final LocalDate LAST = LocalDate.of(2026, 3, 2);
    final OwnWorkCadence cadence = new OwnWorkCadence(TimelineSettings.defaults(), OwnWorkSettings.defaults());

    static OwnWorkCadence.Span opbouw(int fromDay, int toDay) {
        return new OwnWorkCadence.Span(LAST.plusDays(fromDay), LAST.plusDays(toDay));
    }

    @Test
    void withoutOpbouwTheNextEvaluationIsSixWeeksLater() {
        assertThat(cadence.nextDue(LAST, null)).isEqualTo(LAST.plusDays(42));
        assertThat(cadence.nextDue(LAST, opbouw(-60, -1))).as("a schedule that ended").isEqualTo(LAST.plusDays(42));
    }

    @Test
    void whileOpbouwRunsOrStartsSoonTheNextEvaluationIsTwoWeeksAfterItRuns() {
        assertThat(cadence.nextDue(LAST, opbouw(-10, 30))).isEqualTo(LAST.plusDays(14));
        assertThat(cadence.nextDue(LAST, opbouw(0, 0))).as("its last day").isEqualTo(LAST.plusDays(14));
        assertThat(cadence.nextDue(LAST, opbouw(10, 50))).as("starts in 10 days").isEqualTo(LAST.plusDays(24));
        assertThat(cadence.nextDue(LAST, opbouw(35, 80))).as("never later than six weeks")
                .isEqualTo(LAST.plusDays(42));
    }

    @Test
    void aScheduleSetLaterMovesTheWaitingEvaluationForwardNeverBack() {
        LocalDate due = LAST.plusDays(42);
        assertThat(cadence.replannedDue(due, LAST, opbouw(10, 60), LAST.plusDays(10)))
                .as("14 days after the schedule starts").isEqualTo(LAST.plusDays(24));
        assertThat(cadence.replannedDue(due, LAST, opbouw(-30, 60), LAST.plusDays(5)))
                .as("14 days after the last evaluation").isEqualTo(LAST.plusDays(14));
        assertThat(cadence.replannedDue(due, LAST, opbouw(-30, 60), LAST.plusDays(20)))
                .as("that day passed: today").isEqualTo(LAST.plusDays(20));
        assertThat(cadence.replannedDue(LAST.plusDays(10), LAST, opbouw(5, 60), LAST.plusDays(5)))
                .as("an earlier evaluation stays").isEqualTo(LAST.plusDays(10));
        assertThat(cadence.replannedDue(due, LAST, opbouw(-30, -1), LAST.plusDays(5)))
                .as("a schedule that ended changes nothing").isEqualTo(due);
    }

    @Test
    void theTaskAppearsAtMostHalfAnIntervalAhead() {
        assertThat(OwnWorkCadence.leadDays(14, 42)).isEqualTo(14);
        assertThat(OwnWorkCadence.leadDays(14, 14)).isEqualTo(7);
        assertThat(OwnWorkCadence.leadDays(14, 0)).isZero();
    }
}
