package nl.spoorwijzer.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.spoorwijzer.system.RetentionSettings;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * The start-up upgrade of signal history reads the job log in pages, each after the last id of the one before (a
 * page that starts over from the first row reads a large job log again and again, and never ends while a row stays
 * without a removal time), and tolerates another node that set its marker first.
 */
class SignalHistoryUpgradeTest {

    @Test
    void eachPageStartsAfterTheLastIdOfThePageBefore() {
        // Rows the update does not take out of the selection (another node writes them again, say): five of them.
        FakeJobLog jobLog = new FakeJobLog(List.of("a1", "a2", "a3", "a4", "a5"));
        SignalHistoryUpgrade upgrade = new SignalHistoryUpgrade(mock(ManagementService.class), jobLog,
                transactions(), new RetentionSettings(730, 730), 2);

        int done = assertTimeoutPreemptively(Duration.ofSeconds(10), upgrade::giveJobLogsARemovalTime);

        assertThat(done).isEqualTo(5);
        assertThat(jobLog.updated).containsExactly("a1", "a2", "a3", "a4", "a5");
        assertThat(jobLog.pagesRead).as("three pages and the empty one that ends it").isEqualTo(4);
    }

    @Test
    void aMarkerSetByAnotherNodeStartingAtTheSameTimeIsNoFailure() {
        ManagementService management = mock(ManagementService.class);
        when(management.getProperties()).thenReturn(Map.of(), Map.of(SignalHistoryUpgrade.DONE, "1"));
        org.mockito.Mockito.doThrow(new ProcessEngineException("duplicate key ACT_GE_PROPERTY"))
                .when(management).setProperty(SignalHistoryUpgrade.DONE, "1");
        SignalHistoryUpgrade upgrade = new SignalHistoryUpgrade(management, new FakeJobLog(List.of()),
                transactions(), new RetentionSettings(730, 730), 2);

        assertThatCode(() -> upgrade.run(null)).doesNotThrowAnyException();
    }

    private static PlatformTransactionManager transactions() {
        PlatformTransactionManager manager = mock(PlatformTransactionManager.class);
        when(manager.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        return manager;
    }

    /** A job log whose rows keep matching the upgrade's selection; the incidents are none. */
    private static final class FakeJobLog extends JdbcTemplate {
        private final TreeSet<String> ids;
        private final List<String> updated = new ArrayList<>();
        private int pagesRead;

        FakeJobLog(List<String> ids) {
            this.ids = new TreeSet<>(ids);
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
            if (sql.contains("ACT_HI_INCIDENT")) {
                return List.of();
            }
            pagesRead++;
            String after = sql.contains("ID_ > ?") ? (String) args[args.length - 1] : "";
            int size = Integer.parseInt(sql.replaceAll("(?s).*FETCH FIRST (\\d+) ROWS ONLY.*", "$1"));
            List<T> page = new ArrayList<>();
            for (String id : ids.tailSet(after, false)) {
                if (page.size() == size) {
                    break;
                }
                try {
                    page.add(rowMapper.mapRow(row(id), page.size()));
                } catch (SQLException e) {
                    throw new AssertionError(e);
                }
            }
            return page;
        }

        @Override
        public int update(String sql, Object... args) {
            if (sql.startsWith("UPDATE ACT_HI_JOB_LOG")) {
                String id = (String) args[1];
                updated.add(id);
            }
            return 1;
        }

        private static ResultSet row(String id) throws SQLException {
            ResultSet row = mock(ResultSet.class);
            when(row.getString(1)).thenReturn(id);
            when(row.getTimestamp(2)).thenReturn(Timestamp.valueOf("2026-01-05 10:00:00"));
            when(row.getString(3)).thenReturn(null);
            return row;
        }
    }
}
