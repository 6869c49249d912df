package nl.spoorwijzer.overview;

import java.util.List;
import nl.spoorwijzer.casefile.CasePhase;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Whose cases a figure counts: the employers the caller may see (or the one he chose among them) and optionally one
 * phase. Checked by {@link OverviewAccess} before any figure is read.
 *
 * @param employers never empty when a figure is read; an empty list counts nothing
 * @param phase     only cases in this phase (the phase a closed case ended in), or null
 */
public record OverviewScope(List<String> employers, CasePhase phase) {

    public OverviewScope {
        employers = List.copyOf(employers);
    }

    /** The scope as SQL conditions ({@code AND ...}) over {@code case_file}; its values in {@link #parameters()}. */
    String where() {
        return " AND employer_id IN (:employers)" + (phase == null ? "" : " AND phase = :phase");
    }

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource("employers", employers).addValue("phase", phase == null ? null : phase.name());
    }
}
