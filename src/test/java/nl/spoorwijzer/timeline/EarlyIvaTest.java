package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.spoorwijzer.timeline.EarlyIva.Problem;
import org.junit.jupiter.api.Test;

class EarlyIvaTest {

    /** Monday 5 January 2026 = sick day 1. */
    private static final LocalDate DAY_1 = LocalDate.of(2026, 1, 5);
    private static final List<RecoveryGap> NO_GAPS = List.of();

    private final EarlyIva rules = new EarlyIva(EarlyIvaSettings.defaults());

    private static LocalDate day(int n) {
        return DAY_1.plusDays(n - 1L);
    }

    private List<String> fields(LocalDate application, boolean granted, LocalDate end) {
        return rules.check(DAY_1, NO_GAPS, application, application, granted, end).stream().map(Problem::field)
                .toList();
    }

    @Test
    void theApplicationWindowRunsFromTheFirstDayOfWeek3ThroughTheLastDayOfWeek68() {
        assertThat(rules.firstApplicationDay(DAY_1, NO_GAPS)).isEqualTo(day(15));
        assertThat(rules.lastApplicationDay(DAY_1, NO_GAPS)).isEqualTo(day(476));
        assertThat(fields(day(14), false, null)).containsExactly("applicationDate");
        assertThat(fields(day(15), false, null)).isEmpty();
        assertThat(fields(day(476), false, null)).isEmpty();
        assertThat(fields(day(477), false, null)).containsExactly("applicationDate");
    }

    @Test
    void theApplicationRuleNamesTheWeekAndTheWindow() {
        Problem problem = rules.check(DAY_1, NO_GAPS, day(500), day(500), false, null).get(0);
        assertThat(problem.rule()).contains("weeks 3 to 68").contains("week 72").contains(day(476).toString());
    }

    @Test
    void before68WeeksIsASetting() {
        EarlyIva strict = new EarlyIva(new EarlyIvaSettings(3, 67, 13, 78, 10));
        assertThat(strict.lastApplicationDay(DAY_1, NO_GAPS)).isEqualTo(day(469));
    }

    @Test
    void theShortenedWaitingPeriodLastsAtLeast13WeeksOfSickness() {
        // An application in week 3: ten weeks later is day 84, but 13 weeks is day 91.
        assertThat(rules.earliestEnd(DAY_1, NO_GAPS, day(15))).isEqualTo(day(91));
        assertThat(fields(day(15), true, day(90))).containsExactly("waitingPeriodEnd");
        assertThat(fields(day(15), true, day(91))).isEmpty();
    }

    @Test
    void theShortenedWaitingPeriodEndsAtLeastTenWeeksAfterTheApplication() {
        LocalDate application = day(200);
        assertThat(rules.earliestEnd(DAY_1, NO_GAPS, application)).isEqualTo(application.plusDays(69));
        assertThat(fields(application, true, application.plusDays(68))).containsExactly("waitingPeriodEnd");
        assertThat(fields(application, true, application.plusDays(69))).isEmpty();
    }

    @Test
    void theShortenedWaitingPeriodLastsAtMost78Weeks() {
        assertThat(rules.latestEnd(DAY_1, NO_GAPS)).isEqualTo(day(546));
        assertThat(fields(day(400), true, day(546))).isEmpty();
        assertThat(fields(day(400), true, day(547))).containsExactly("waitingPeriodEnd");
    }

    @Test
    void aGrantNeedsItsEndAndARefusalHasNone() {
        assertThat(fields(day(100), true, null)).containsExactly("waitingPeriodEnd");
        assertThat(fields(day(100), false, day(200))).containsExactly("waitingPeriodEnd");
    }

    @Test
    void theDecisionComesAfterTheApplication() {
        assertThat(rules.check(DAY_1, NO_GAPS, day(100), day(99), false, null)).extracting(Problem::field)
                .containsExactly("decisionDate");
    }

    @Test
    void healthyDaysOfARecoveryGapDoNotCountAsSicknessWeeks() {
        List<RecoveryGap> gaps = List.of(new RecoveryGap(day(5), day(14))); // 10 healthy days
        assertThat(rules.firstApplicationDay(DAY_1, gaps)).isEqualTo(day(25));
        assertThat(rules.latestEnd(DAY_1, gaps)).isEqualTo(day(556));
    }

    @Test
    void settingsRefuseAnImpossibleWindow() {
        assertThatThrownBy(() -> new EarlyIvaSettings(10, 5, 13, 78, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EarlyIvaSettings(3, 68, 13, 104, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
