package nl.spoorwijzer.system;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Failures that say only "two transactions met": the engine's optimistic lock (a job of the same case changed it
 * first), a database deadlock or lock timeout. Trying again in a fresh transaction is the cure, so these are retried
 * ({@link ConflictRetry}) and, when they persist, answered 409 with the advice to try again — never a 500.
 */
public final class TransientConflicts {

    /** SQLSTATE 40001 serialization failure (H2 "Deadlock detected", PostgreSQL), 40P01 PostgreSQL deadlock. */
    private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "55P03");
    /** H2's lock timeout has its own state (HYT00, error code 50200). */
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    static final String RETRY_DETAIL = "The case was changed at the same moment, by someone else or by the platform"
            + " (a deadline falling due); nothing was stored. Try again.";

    private TransientConflicts() {
    }

    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(SQLException sql) {
        Set<SQLException> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SQLException e = sql; e != null && seen.add(e); e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && (SQL_STATES.contains(state) || state.equals(H2_LOCK_TIMEOUT))) {
                return true;
            }
        }
        return false;
    }
}
