package nl.spoorwijzer.overview;

import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Small-count suppression for management: a number of cases from 1 to {@code min-group-size − 1} could point at a
 * person in a small employer or phase, so management, which sees aggregates only, gets {@code null} for it and the row
 * says {@code "suppressed": true} (the page shows "&lt; 5"). The werkgever (his own cases) and the administrator see
 * exact counts; 0 is never suppressed.
 */
@Component
public class SmallCounts {

    private final CaseAccess access;
    private final int minGroupSize;

    public SmallCounts(CaseAccess access, @Value("${spoorwijzer.overview.min-group-size:5}") int minGroupSize) {
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
        return !access.callerIsAdmin() && !access.callerActsAs(Role.WERKGEVER);
    }

    /** Suppression with this smallest group size (1: nothing is suppressed). */
    public static Suppression of(int minGroupSize) {
        return new Suppression(minGroupSize);
    }

    /** Which counts one caller gets. */
    public record Suppression(int minGroupSize) {

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

        /** The count as shown: null when hidden. */
        public Long shown(long count) {
            return hides(count) ? null : count;
        }

        /** A figure computed from {@code basis} cases (a share, a median): null when that count is hidden. */
        public <T> T shownIf(long basis, T value) {
            return hides(basis) ? null : value;
        }
    }
}
