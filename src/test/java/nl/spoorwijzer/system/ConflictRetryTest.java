package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change that meets a concurrent change is rolled back completely and run again, a bounded number of times; what
 * still conflicts is answered 409 with the advice to try again; any other failure is not retried.
 */
class ConflictRetryTest {

    JdbcTemplate jdbc;
    DataSourceTransactionManager transactions;
    ConflictRetry retry;
    AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:conflict-retry-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE written (attempt INT)");
        transactions = new DataSourceTransactionManager(dataSource);
        retry = new ConflictRetry(transactions, new ConflictSettings(3, Duration.ZERO));
    }

    private int writeThenFail(RuntimeException failure, int failingAttempts) {
        int attempt = attempts.incrementAndGet();
        jdbc.update("INSERT INTO written VALUES (?)", attempt);
        if (attempt <= failingAttempts) {
            throw failure;
        }
        return attempt;
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM written", Integer.class);
    }

    @Test
    void aConflictIsRetriedInAFreshTransactionAndNothingOfTheFailedAttemptsStays() {
        int result = retry.inTransaction(() -> writeThenFail(new OptimisticLockingException("job won"), 2));

        assertThat(result).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT attempt FROM written", Integer.class)).containsExactly(3);
    }

    @Test
    void aConflictThatPersistsIsAnswered409WithTheAdviceToTryAgainAndNothingStored() {
        assertThatThrownBy(() -> retry.inTransaction(() -> writeThenFail(deadlock("40001"), 99)))
                .satisfies(failure -> {
                    Problem problem = Problems.classify(failure);
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.detail()).contains("nothing was stored").contains("Try again");
                });
        assertThat(attempts).hasValue(3);
        assertThat(rows()).isZero();
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThatThrownBy(() -> retry.inTransaction(() -> writeThenFail(new IllegalStateException("bug"), 99)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
        assertThat(rows()).isZero();
    }

    @Test
    void onlyTheOwnerOfTheTransactionCanRetryIt() {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                retry.run(() -> { })))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("own its transaction");
    }

    @Test
    void deadlocksAndLockTimeoutsOfH2AndPostgresqlAreTransientOtherDatabaseErrorsAreNot() {
        assertThat(TransientConflicts.isTransient(new ProcessEngineException("flush", deadlock("40001")))).isTrue();
        assertThat(TransientConflicts.isTransient(new ProcessEngineException("flush", deadlock("40P01")))).isTrue();
        assertThat(TransientConflicts.isTransient(new ProcessEngineException("flush", deadlock("55P03")))).isTrue();
        assertThat(TransientConflicts.isTransient(deadlock("HYT00"))).isTrue();
        assertThat(TransientConflicts.isTransient(new CannotAcquireLockException("lock"))).isTrue();
        assertThat(TransientConflicts.isTransient(new ProcessEngineException("x", deadlock("23505")))).isFalse();
        assertThat(Problems.classify(new ProcessEngineException("x", deadlock("40P01"))).status()).isEqualTo(409);
    }

    private static RuntimeException deadlock(String sqlState) {
        return new RuntimeException(new SQLException("database says " + sqlState, sqlState));
    }
}
