package nl.spoorwijzer.signals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The overview's figure of signals: how many of each kind went out since a moment, for all employers or one. Counts
 * only (no case, no person), so management may see it. One query.
 */
@Component
public class SignalFigures {

    private final JdbcTemplate jdbc;

    SignalFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A kind of signal ({@link SignalKind} name) and how many were queued. */
    public record KindCount(String kind, long count) {
    }

    /** Signals queued since {@code since} per kind, of one employer's cases or (employer null) of all; by kind. */
    public List<KindCount> queuedSince(Instant since, String employer) {
        String sql = """
                SELECT s.kind, COUNT(*) FROM signal_sent s
                %s WHERE s.queued_at >= ? %s GROUP BY s.kind ORDER BY s.kind""";
        if (employer == null) {
            return jdbc.query(sql.formatted("", ""), (row, n) -> new KindCount(row.getString(1), row.getLong(2)),
                    Timestamp.from(since));
        }
        return jdbc.query(sql.formatted("JOIN case_file c ON c.case_id = s.case_id", "AND c.employer_id = ?"),
                (row, n) -> new KindCount(row.getString(1), row.getLong(2)), Timestamp.from(since), employer);
    }
}
