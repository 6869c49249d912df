package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineModelTest {

    @Test
    void milestoneKeysAreInLegalOrderWithKebabCaseKeys() {
        assertThat(Arrays.stream(MilestoneKey.values()).map(MilestoneKey::key)).containsExactly(
                "ziekmelding-bedrijfsarts", "probleemanalyse", "plan-van-aanpak", "ziekmelding-uwv",
                "eerstejaarsevaluatie", "spoor-2-start", "deskundigenoordeel-inspanningen", "eindevaluatie",
                "wia-aanvraag", "einde-wachttijd");
        assertThat(MilestoneKey.ZIEKMELDING_UWV.label()).isEqualTo("Ziekmelding bij UWV (42e week)");
        assertThat(MilestoneKey.DESKUNDIGENOORDEEL_INSPANNINGEN.label())
                .isEqualTo("Uiterste aanvraag deskundigenoordeel re-integratie-inspanningen");
    }

    @Test
    void fromKeyFindsEveryMilestoneAndRejectsUnknownKeys() {
        for (MilestoneKey key : MilestoneKey.values()) {
            assertThat(MilestoneKey.fromKey(key.key())).isSameAs(key);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> MilestoneKey.fromKey("week-13-melding"));
    }

    @Test
    void recoveryGapCountsBothHealthyDays() {
        RecoveryGap gap = new RecoveryGap(LocalDate.parse("2024-02-28"), LocalDate.parse("2024-03-01"));

        assertThat(gap.days()).isEqualTo(3); // 28 Feb, 29 Feb, 1 Mar
        assertThat(gap.contains(LocalDate.parse("2024-02-29"))).isTrue();
        assertThat(gap.contains(LocalDate.parse("2024-03-02"))).isFalse();
    }

    @Test
    void timelineInputCopiesGapsDefensively() {
        List<RecoveryGap> gaps = new ArrayList<>();
        gaps.add(new RecoveryGap(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-05")));
        TimelineInput input = TimelineInput.of(LocalDate.parse("2024-01-08")).withGaps(gaps);
        gaps.clear();

        assertThat(input.gaps()).hasSize(1);
        assertThatThrownBy(() -> input.gaps().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(input.withGaps(null).gaps()).isEmpty();
    }

    @Test
    void withMethodsChangeOnlyTheirOwnField() {
        LocalDate first = LocalDate.parse("2024-01-08");
        TimelineInput input = TimelineInput.of(first)
                .withVvlWeeks(13)
                .withSanctionWeeks(4)
                .withActualProbleemanalyse(LocalDate.parse("2024-02-01"))
                .withActualEerstejaarsevaluatie(LocalDate.parse("2024-12-01"));

        assertThat(input).isEqualTo(new TimelineInput(first, List.of(), 13, 4,
                LocalDate.parse("2024-02-01"), LocalDate.parse("2024-12-01"), null));
    }

    @Test
    void timelineLooksUpMilestonesByKey() {
        LocalDate first = LocalDate.parse("2024-01-08");
        Timeline timeline = new Timeline(first, List.of(
                new Milestone(MilestoneKey.PROBLEEMANALYSE, LocalDate.parse("2024-02-18"), null),
                new Milestone(MilestoneKey.EERSTEJAARSEVALUATIE, LocalDate.parse("2025-01-05"),
                        LocalDate.parse("2024-11-18"))));

        assertThat(timeline.dateOf(MilestoneKey.PROBLEEMANALYSE)).isEqualTo(LocalDate.parse("2024-02-18"));
        assertThat(timeline.get(MilestoneKey.EERSTEJAARSEVALUATIE).label()).isEqualTo("Eerstejaarsevaluatie");
        assertThat(timeline.asDateMap().keySet()).containsExactly("probleemanalyse", "eerstejaarsevaluatie");
        assertThatIllegalArgumentException().isThrownBy(() -> timeline.get(MilestoneKey.EINDE_WACHTTIJD));
    }
}
