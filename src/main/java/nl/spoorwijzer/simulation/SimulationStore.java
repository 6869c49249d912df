package nl.spoorwijzer.simulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The simulations in table {@code simulation_run}: any node of a cluster answers for a simulation another node runs.
 * A row is removed once its {@code remove_after} has passed (when the next simulation starts).
 */
@Repository
class SimulationStore {

    enum Status { BEZIG, KLAAR, GEWEIGERD, MISLUKT }

    record Run(String id, String startedBy, Status status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
               String result, String error) {
    }

    private final JdbcTemplate jdbc;

    SimulationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(String id, String startedBy, OffsetDateTime now, OffsetDateTime removeAfter) {
        jdbc.update("DELETE FROM simulation_run WHERE remove_after < ?", now);
        jdbc.update("INSERT INTO simulation_run (id, started_by, status, started_at, remove_after) VALUES (?, ?, ?, ?, ?)",
                id, startedBy, Status.BEZIG.name(), now, removeAfter);
    }

    void finish(String id, Status status, String result, String error, OffsetDateTime now) {
        jdbc.update("UPDATE simulation_run SET status = ?, result = ?, error = ?, finished_at = ? WHERE id = ?",
                status.name(), result, error, now, id);
    }

    Optional<Run> find(String id) {
        return jdbc.query("SELECT * FROM simulation_run WHERE id = ?", SimulationStore::map, id).stream().findFirst();
    }

    private static Run map(ResultSet row, int number) throws SQLException {
        return new Run(row.getString("id"), row.getString("started_by"), Status.valueOf(row.getString("status")),
                row.getObject("started_at", OffsetDateTime.class), row.getObject("finished_at", OffsetDateTime.class),
                row.getString("result"), row.getString("error"));
    }
}
