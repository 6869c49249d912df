package nl.spoorwijzer.signals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Spoorwijzer's signal tables: which signals were queued (once per subject and kind), each user's delivery choice and
 * the lines waiting for a user's digest. Same DataSource and transaction as the engine: a signal queued while a task
 * is created is committed or rolled back with it.
 */
@Repository
class SignalLedger {

    private final JdbcTemplate jdbc;

    SignalLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the signal: true when it was not queued before. A conditional insert rather than catching the unique key
     * violation, which on PostgreSQL would abort the engine's whole transaction.
     */
    boolean claim(String subjectId, SignalKind kind, String caseId, OffsetDateTime now) {
        return jdbc.update("""
                INSERT INTO signal_sent (subject_id, kind, case_id, queued_at)
                SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM signal_sent WHERE subject_id = ? AND kind = ?)""",
                subjectId, kind.name(), caseId, now, subjectId, kind.name()) == 1;
    }

    Optional<Delivery> deliveryOf(String userId) {
        return jdbc.queryForList("SELECT delivery FROM signal_preference WHERE user_id = ?", String.class, userId)
                .stream().findFirst().map(Delivery::valueOf);
    }

    void setDelivery(String userId, Delivery delivery, OffsetDateTime now) {
        if (jdbc.update("UPDATE signal_preference SET delivery = ?, updated_at = ? WHERE user_id = ?",
                delivery.name(), now, userId) == 0) {
            jdbc.update("INSERT INTO signal_preference (user_id, delivery, updated_at) VALUES (?, ?, ?)",
                    userId, delivery.name(), now);
        }
    }

    void addDigestLine(String userId, String line, OffsetDateTime now) {
        jdbc.update("INSERT INTO signal_digest (user_id, line, created_at) VALUES (?, ?, ?)", userId, line, now);
    }

    /** The user's waiting lines, oldest first, with their ids. */
    List<DigestLine> digestLines(String userId) {
        return jdbc.query("SELECT id, line FROM signal_digest WHERE user_id = ? ORDER BY id",
                (row, n) -> new DigestLine(row.getLong("id"), row.getString("line")), userId);
    }

    void removeDigestLinesUpTo(String userId, long lastId) {
        jdbc.update("DELETE FROM signal_digest WHERE user_id = ? AND id <= ?", userId, lastId);
    }


    record DigestLine(long id, String line) {
    }
}
