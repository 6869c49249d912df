package nl.spoorwijzer.overview;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Statistical disclosure control for management, the way statistics offices publish small areas. Management sees
 * aggregates only, and tables that each hide their small cells can still be subtracted from one another (flow minus
 * endings, all employers minus one, unfiltered minus {@code phase=}) to yield one person's case. So for management,
 * with k = {@code spoorwijzer.overview.min-group-size}:
 * <ul>
 *   <li>a count 0 stays 0; 1 to k − 1 is sent as {@code null} and the row says {@code "suppressed": true};</li>
 *   <li>every other count is rounded to the nearest multiple of k (half up: 7 → 5, 8 → 10, 12 → 10) and the row
 *       says {@code "rounded": true}, so a difference of two shown counts is never an exact small number;</li>
 *   <li>an average is not given at all (averages add up: two of them give away the one case between them); a median
 *       only over a group of at least k cases, in whole days; a share from the exact counts, rounded to 10
 *       percentage points (from the rounded counts it could be off by far more, even above 100%).</li>
 * </ul>
 * The werkgever (his own cases) and the administrator see exact figures.
 */
@Component
public class SmallCounts {

    private final OverviewAccess access;
    private final int minGroupSize;

    public SmallCounts(OverviewAccess access, @Value("${spoorwijzer.overview.min-group-size:5}") int minGroupSize) {
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("spoorwijzer.overview.min-group-size must be at least 1 but was "
                    + minGroupSize);
        }
        this.access = access;
        this.minGroupSize = minGroupSize;
    }

    /** The suppression that applies to the caller of this request. */
    public Suppression forCaller() {
        return new Suppression(callerSeesAggregatesOnly() ? minGroupSize : 1);
    }

    /** The setting {@code spoorwijzer.overview.min-group-size}: the smallest count shown to management. */
    public int minGroupSize() {
        return minGroupSize;
    }

    /** Management: counts only, small ones suppressed; the werkgever and the administrator see exact counts. */
    public boolean callerSeesAggregatesOnly() {
        return access.callerSeesAggregatesOnly();
    }

    /** Suppression with this smallest group size (1: exact figures, nothing suppressed or rounded). */
    public static Suppression of(int minGroupSize) {
        return new Suppression(minGroupSize);
    }

    /** Which figures one caller gets. */
    public record Suppression(int minGroupSize) {

        /** Does this caller get rounded counts and no averages (management)? */
        public boolean rounds() {
            return minGroupSize > 1;
        }

        /** Is this count too small to be shown (1 to min-group-size − 1)? */
        public boolean hides(long count) {
            return count > 0 && count < minGroupSize;
        }

        /** Does any of these counts have to be hidden? */
        public boolean hidesAny(long... counts) {
            for (long count : counts) {
                if (hides(count)) {
                    return true;
                }
            }
            return false;
        }

        /** The count as shown: null when hidden, else rounded to the nearest multiple of min-group-size. */
        public Long shown(long count) {
            if (hides(count)) {
                return null;
            }
            return rounds() ? Math.floorDiv(count + minGroupSize / 2, minGroupSize) * (long) minGroupSize : count;
        }

        /** A figure computed from {@code basis} cases: null when that count is hidden. */
        public <T> T shownIf(long basis, T value) {
            return hides(basis) ? null : value;
        }

        /** An average: exact for exact callers, never given where counts are rounded (it could be differenced). */
        public Double average(Double value) {
            return rounds() ? null : value;
        }

        /** A median over {@code basis} cases: null when that count is hidden, in whole days where counts are rounded. */
        public Double median(long basis, Double value) {
            if (value == null || hides(basis)) {
                return null;
            }
            return rounds() ? (double) Math.round(value) : value;
        }

        /** A share (0 to 1) computed from exact counts: rounded to 10 percentage points where counts are rounded. */
        public Double share(Double value) {
            if (value == null) {
                return null;
            }
            return rounds() ? Math.round(value * 10) / 10.0 : value;
        }
    }
}
