package nl.spoorwijzer.system;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a change of a case in its own transaction and, when it meets a concurrent change ({@link TransientConflicts}:
 * typically the job executor catching up the overdue timers of a case that was just reported with a first sick day in
 * the past), rolls it back completely and runs it again, a bounded number of times. What still conflicts after the
 * last attempt is answered 409 with the advice to try again; nothing of a failed attempt stays behind.
 */
@Component
public class ConflictRetry {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private final TransactionTemplate transactions;
    private final ConflictSettings settings;

    public ConflictRetry(PlatformTransactionManager transactionManager, ConflictSettings settings) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
    }

    /**
     * The work's result, from the first attempt that did not conflict.
     *
     * @throws IllegalStateException when called inside a transaction: only the transaction's owner can retry it
     */
    public <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a retried change must own its transaction");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (RuntimeException e) {
                if (!TransientConflicts.isTransient(e) || attempt >= settings.attempts()) {
                    throw e;
                }
                log.info("Concurrent change, attempt {} of {} rolled back and retried: {}", attempt,
                        settings.attempts(), e.toString());
                pause(attempt);
            }
        }
    }

    public void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** A growing, jittered pause, so that two requests that met do not meet again. */
    private void pause(int attempt) {
        long base = settings.backoff().toMillis() * attempt;
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
