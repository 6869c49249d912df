package nl.spoorwijzer.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only record of who read or changed which case (AVG art. 15: the employee may see who looked at his
 * case; art. 32: the controller can show access was limited). Rows are never updated; only the retention period
 * removes them ({@link AccessLogRetention}).
 */
@Repository
public class AccessLog {

    /** The widest answer of one query: an employee's own case has far fewer rows; the admin pages by time. */
    public static final int MAX_ROWS = 1000;

    private final JdbcTemplate jdbc;

    public AccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the records in one batch (a case list records every case it shows). */
    public void append(List<AccessRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO case_access_log (case_id, user_id, roles, accessed_at, action, what, client_address)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", records, records.size(), (statement, record) -> {
            statement.setString(1, record.caseId());
            statement.setString(2, record.userId());
            statement.setString(3, record.roles());
            statement.setObject(4, record.accessedAt());
            statement.setString(5, record.action().name());
            statement.setString(6, record.what());
            statement.setString(7, record.clientAddress());
        });
    }

    /** The case's records, newest first. */
    public List<AccessRecord> forCase(String caseId) {
        return jdbc.query("SELECT * FROM case_access_log WHERE case_id = ? ORDER BY id DESC LIMIT " + MAX_ROWS,
                AccessLog::map, caseId);
    }

    /** Records matching every given criterion (null = any), newest first. */
    public List<AccessRecord> query(String caseId, String userId, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT * FROM case_access_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (caseId != null) {
            sql.append(" AND case_id = ?");
            args.add(caseId);
        }
        if (userId != null) {
            sql.append(" AND user_id = ?");
            args.add(userId);
        }
        if (from != null) {
            sql.append(" AND accessed_at >= ?");
            args.add(from.atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" AND accessed_at < ?");
            args.add(to.atOffset(ZoneOffset.UTC));
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(MAX_ROWS);
        return jdbc.query(sql.toString(), AccessLog::map, args.toArray());
    }

    /** Removes the records older than {@code before}; returns how many. */
    public int removeBefore(Instant before) {
        return jdbc.update("DELETE FROM case_access_log WHERE accessed_at < ?", before.atOffset(ZoneOffset.UTC));
    }

    private static AccessRecord map(ResultSet rs, int row) throws SQLException {
        return new AccessRecord(rs.getLong("id"), rs.getString("case_id"), rs.getString("user_id"),
                rs.getString("roles"), rs.getObject("accessed_at", OffsetDateTime.class),
                AccessRecord.Action.valueOf(rs.getString("action")), rs.getString("what"),
                rs.getString("client_address"));
    }
}
