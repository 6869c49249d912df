package nl.spoorwijzer.system;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The leases of the nightly runs in {@code scheduled_run}, so that one node of a cluster runs each (the case-risk
 * sweep, the signal sweeps): a node takes a run by a conditional update and frees it when done; a node that died
 * mid-run frees it when its time is up. Each run has its row (a Liquibase changeset inserts it).
 */
@Repository
public class ScheduledRuns {

    private final NamedParameterJdbcTemplate jdbc;

    ScheduledRuns(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the run for this node until {@code until} when no other node holds it; true when taken. */
    public boolean takeLease(String name, String node, OffsetDateTime now, OffsetDateTime until) {
        return jdbc.update("""
                UPDATE scheduled_run SET locked_until = :until, locked_by = :node
                WHERE name = :name AND (locked_until IS NULL OR locked_until < :now)""",
                new MapSqlParameterSource("name", name).addValue("node", node).addValue("now", now)
                        .addValue("until", until)) == 1;
    }

    /** Frees the run and records what it did: how many items (cases, signals) and how long it took. */
    public void releaseLease(String name, String node, OffsetDateTime finished, int items, long millis) {
        jdbc.update("""
                UPDATE scheduled_run SET locked_until = NULL, last_finished = :finished, last_cases = :items,
                    last_millis = :millis WHERE name = :name AND locked_by = :node""",
                new MapSqlParameterSource("name", name).addValue("node", node).addValue("finished", finished)
                        .addValue("items", items).addValue("millis", millis));
    }

    /** Frees the run without recording it as done (it failed): its last finish stays that of the last good run. */
    public void freeLease(String name, String node) {
        jdbc.update("UPDATE scheduled_run SET locked_until = NULL WHERE name = :name AND locked_by = :node",
                new MapSqlParameterSource("name", name).addValue("node", node));
    }

    /** When the run last finished well, if ever. */
    public Optional<OffsetDateTime> lastFinished(String name) {
        return jdbc.query("SELECT last_finished FROM scheduled_run WHERE name = :name",
                new MapSqlParameterSource("name", name), (rs, row) -> rs.getObject("last_finished",
                        OffsetDateTime.class)).stream().filter(Objects::nonNull).findFirst();
    }
}
