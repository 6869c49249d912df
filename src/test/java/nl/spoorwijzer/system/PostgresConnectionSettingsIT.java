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
 * What the {@code postgres} profile adds for scale (BENCHMARKS.md, benchmark 2): every connection plans with actual
 * values and without parallel workers (without either, the Tasklist page at 100,000 open cases takes 270–410 ms instead
 * of ~30 ms of database time), the job executor finds due jobs and a task's end finds its subtasks through an index.
 * PostgreSQL pass only.
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

    @Test
    void jobAcquisitionHasAnIndexOnTheDueDate() throws Exception {
        // Changeset postgres-2-job-due-date-index: without it every acquisition reads every job.
        assertIndex("act_ru_job", "spw_idx_job_duedate", "(duedate_)");
    }

    @Test
    void endingATaskFindsItsSubtasksThroughAnIndex() throws Exception {
        // Changeset postgres-3-task-parent-index: without it every task completion reads every open task.
        assertIndex("act_ru_task", "spw_idx_task_parent", "(parent_task_id_)");
    }

    private void assertIndex(String table, String index, String columns) throws Exception {
        assumeTrue(EmbeddedPostgresEnvironment.active(), "PostgreSQL changelog: PostgreSQL pass only");
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT indexdef FROM pg_indexes"
                     + " WHERE tablename = '" + table + "' AND indexname = '" + index + "'")) {
            assertThat(result.next()).as("index " + index + " on " + table).isTrue();
            assertThat(result.getString(1)).contains(columns);
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
