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
        assertThat(exact.hidesAny(1, 2, 3, 4)).isFalse();
    }

    @Test
    void theGroupSizeMustBeAtLeastOne() {
        assertThatThrownBy(() -> new SmallCounts(null, 0)).hasMessageContaining("min-group-size");
    }
}
