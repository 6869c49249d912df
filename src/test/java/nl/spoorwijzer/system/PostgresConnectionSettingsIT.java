package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import nl.spoorwijzer.support.EmbeddedPostgresEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every connection of the {@code postgres} profile plans with actual values and without parallel workers: without
 * either, the Tasklist page at 100,000 open cases takes 270–410 ms instead of ~30 ms of database time (BENCHMARKS.md,
 * benchmark 2). Runs in the PostgreSQL pass of the suite only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresConnectionSettingsIT {

    @Autowired DataSource dataSource;

    @Test
    void everyPooledConnectionPlansWithItsValuesAndWithoutParallelWorkers() throws Exception {
        assumeTrue(EmbeddedPostgresEnvironment.active(), "PostgreSQL settings: PostgreSQL pass only");
        // Two connections held at once: the setting must be on every connection of the pool, not only the first.
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            for (Connection connection : new Connection[] {first, second}) {
                assertThat(setting(connection, "plan_cache_mode")).isEqualTo("force_custom_plan");
                assertThat(setting(connection, "max_parallel_workers_per_gather")).isEqualTo("0");
            }
        }
    }

    private static String setting(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
