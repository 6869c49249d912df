package nl.spoorwijzer.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.spoorwijzer.overview.SmallCounts.Suppression;
import org.junit.jupiter.api.Test;

class SmallCountsTest {

    private final Suppression management = SmallCounts.of(5);

    @Test
    void countsFromOneToBelowTheGroupSizeAreHiddenZeroAndLargerOnesAreShown() {
        assertThat(management.shown(0)).isZero();
        assertThat(management.shown(1)).isNull();
        assertThat(management.shown(4)).isNull();
        assertThat(management.shown(5)).isEqualTo(5L);
        assertThat(management.shown(120)).isEqualTo(120L);
        assertThat(management.hides(0)).isFalse();
        assertThat(management.hides(3)).isTrue();
    }

    @Test
    void managementsCountsAreRoundedToTheNearestMultipleOfTheGroupSize() {
        assertThat(management.rounds()).isTrue();
        assertThat(management.shown(6)).isEqualTo(5L);
        assertThat(management.shown(7)).isEqualTo(5L);
        assertThat(management.shown(8)).isEqualTo(10L);
        assertThat(management.shown(12)).isEqualTo(10L);
        assertThat(management.shown(13)).isEqualTo(15L);
        assertThat(management.shown(1_234)).isEqualTo(1_235L);
        assertThat(SmallCounts.of(10).shown(14)).isEqualTo(10L);
        assertThat(SmallCounts.of(10).shown(15)).isEqualTo(20L);
        assertThat(SmallCounts.of(4).shown(5)).isEqualTo(4L);
        assertThat(SmallCounts.of(4).shown(6)).as("half up").isEqualTo(8L);
        for (long count = 5; count < 1_000; count++) {
            assertThat(management.shown(count)).as("never below the group size, never off by more than half of it")
                    .isGreaterThanOrEqualTo(5L).isBetween(count - 2, count + 2);
        }
    }

    @Test
    void theReviewersDifferenceNoLongerGivesAnExactSmallCount() {
        // a month closed 7 cases: 6 recovered and 1 early IVA; flow minus endings told the one IVA
        Long closed = management.shown(7);
        Long recovered = management.shown(6);
        Long earlyIva = management.shown(1);
        assertThat(earlyIva).isNull();
        assertThat(closed - recovered).isZero();
        // all employers (12) minus one employer (8): 4 cases of the other one, now 10 - 10
        assertThat(management.shown(12) - management.shown(8)).isZero();
    }

    @Test
    void managementGetsNoAverageAMedianInWholeDaysAndASharePerTenPercentagePoints() {
        assertThat(management.average(131.5)).isNull();
        assertThat(management.median(6, 120.5)).isEqualTo(121.0);
        assertThat(management.median(4, 120.5)).as("over a hidden group").isNull();
        assertThat(management.median(6, null)).isNull();
        assertThat(management.share(0.833)).isEqualTo(0.8);
        assertThat(management.share(0.85)).isEqualTo(0.9);
        assertThat(management.share(1.0)).isEqualTo(1.0);
        assertThat(management.share(null)).isNull();
    }

    @Test
    void aRowIsSuppressedWhenAnyOfItsCountsIsSmall() {
        assertThat(management.hidesAny(0, 7, 12)).isFalse();
        assertThat(management.hidesAny(7, 2)).isTrue();
    }

    @Test
    void aFigureOverAHiddenCountIsHiddenToo() {
        assertThat(management.shownIf(3, 42.5)).isNull();
        assertThat(management.shownIf(6, 42.5)).isEqualTo(42.5);
    }

    @Test
    void exactCountsHideNothing() {
        Suppression exact = SmallCounts.of(1);
        assertThat(exact.shown(1)).isEqualTo(1L);
        assertThat(exact.shown(7)).isEqualTo(7L);
        assertThat(exact.hidesAny(1, 2, 3, 4)).isFalse();
        assertThat(exact.rounds()).isFalse();
        assertThat(exact.average(131.5)).isEqualTo(131.5);
        assertThat(exact.median(1, 120.5)).isEqualTo(120.5);
        assertThat(exact.share(0.833)).isEqualTo(0.833);
    }

    @Test
    void theGroupSizeMustBeAtLeastOne() {
        assertThatThrownBy(() -> new SmallCounts(null, 0)).hasMessageContaining("min-group-size");
    }
}
