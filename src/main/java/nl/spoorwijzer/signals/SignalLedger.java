package nl.spoorwijzer.signals;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Spoorwijzer's signal tables: which signals were queued (once per subject and kind), each user's delivery choice and
 * the lines waiting for a user's digest. Same DataSource and transaction as the engine: a signal queued while a task
 * is created is committed or rolled back with it.
 */
@Repository
class SignalLedger {

    /** Claims per INSERT statement on PostgreSQL: 4 parameters each, far below the driver's 32767. */
    static final int STATEMENT_ROWS = 1000;

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    SignalLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the signal: true when it was not queued before — also when another node claims it at the same moment.
     * A failed statement must not fail the engine's transaction, and on PostgreSQL a unique key violation aborts the
     * whole transaction: there the insert skips a conflict itself (ON CONFLICT DO NOTHING, which also waits for and
     * then skips a row another transaction is inserting). H2 rolls back only the failing statement, so there a
     * conditional insert whose rare race ends in the unique key violation is enough.
     */
    boolean claim(String subjectId, SignalKind kind, String caseId, OffsetDateTime now) {
        return claimAll(List.of(new Claim(subjectId, kind, caseId)), now)[0];
    }

    /** Claims many signals in one batch; per signal whether it was new. */
    boolean[] claimAll(List<Claim> claims, OffsetDateTime now) {
        boolean[] claimed = new boolean[claims.size()];
        if (claims.isEmpty()) {
            return claimed;
        }
        if (postgres()) {
            for (int from = 0; from < claims.size(); from += STATEMENT_ROWS) {
                claimReturning(claims.subList(from, Math.min(claims.size(), from + STATEMENT_ROWS)), now, claimed,
                        from);
            }
            return claimed;
        }
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            try {
                claimed[i] = jdbc.update("""
                        INSERT INTO signal_sent (subject_id, kind, case_id, queued_at)
                        SELECT ?, ?, ?, ?
                        WHERE NOT EXISTS (SELECT 1 FROM signal_sent WHERE subject_id = ? AND kind = ?)""",
                        claim.subjectId(), claim.kind().name(), claim.caseId(), now, claim.subjectId(),
                        claim.kind().name()) == 1;
            } catch (DuplicateKeyException claimedByAnotherNode) {
                claimed[i] = false;
            }
        }
        return claimed;
    }

    /**
     * One INSERT of many rows on PostgreSQL that returns the rows it inserted: a row skipped for a conflict is not
     * returned, so the claims are exact whatever the driver reports for a batch (with reWriteBatchedInserts a batch's
     * counts are SUCCESS_NO_INFO, which tells nothing). The first of two equal claims in one call gets the row.
     */
    private void claimReturning(List<Claim> claims, OffsetDateTime now, boolean[] claimed, int offset) {
        String values = String.join(", ", Collections.nCopies(claims.size(), "(?, ?, ?, ?)"));
        List<Object> args = new ArrayList<>(claims.size() * 4);
        claims.forEach(claim -> args.addAll(Arrays.asList(claim.subjectId(), claim.kind().name(), claim.caseId(),
                now)));
        Set<String> inserted = new HashSet<>(jdbc.query("INSERT INTO signal_sent (subject_id, kind, case_id, queued_at)"
                + " VALUES " + values + " ON CONFLICT (subject_id, kind) DO NOTHING RETURNING subject_id, kind",
                (rs, row) -> rs.getString("subject_id") + "|" + rs.getString("kind"), args.toArray()));
        for (int i = 0; i < claims.size(); i++) {
            claimed[offset + i] = inserted.remove(claims.get(i).subjectId() + "|" + claims.get(i).kind().name());
        }
    }

    /**
     * Claims many signals in one batch statement, for a transaction of the caller's own (the nightly sweep): on H2 a
     * signal claimed meanwhile by another transaction fails the batch with a {@link DuplicateKeyException}, and the
     * caller rolls back and claims that batch again with {@link #claimAll}.
     */
    boolean[] claimBatch(List<Claim> claims, OffsetDateTime now) {
        if (postgres() || claims.isEmpty()) {
            return claimAll(claims, now);
        }
        int[] rows = jdbc.batchUpdate("""
                INSERT INTO signal_sent (subject_id, kind, case_id, queued_at)
                SELECT ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM signal_sent WHERE subject_id = ? AND kind = ?)""", claims,
                claims.size(), (statement, claim) -> {
                    statement.setString(1, claim.subjectId());
                    statement.setString(2, claim.kind().name());
                    statement.setString(3, claim.caseId());
                    statement.setObject(4, now);
                    statement.setString(5, claim.subjectId());
                    statement.setString(6, claim.kind().name());
                })[0];
        boolean[] claimed = new boolean[claims.size()];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != 0 && rows[i] != 1) {
                // SUCCESS_NO_INFO (or another non-count) proves nothing: the caller rolls back and claims row by row
                throw new IllegalStateException("the batch of claims gave no row counts (" + rows[i] + ")");
            }
            claimed[i] = rows[i] == 1;
        }
        return claimed;
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
            postgres = known;
        }
        return known;
    }

    /** A signal to claim: its subject and kind, and its case for the figures. */
    record Claim(String subjectId, SignalKind kind, String caseId) {
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
