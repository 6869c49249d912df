package nl.spoorwijzer.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Something the platform reads from the identity provider once, at first use — the discovery document for the
 * browser sign-in ({@link ProviderRegistration}), the token decoder with its algorithms for bearer tokens
 * ({@link TokenLoginConfiguration}) — so that the platform starts while the provider is down, without piling up
 * request threads while it stays down:
 * <ul>
 *   <li>one request at a time reads it; a request that comes while another is reading does not wait for it (up to the
 *       read's timeouts, {@link ProviderCalls}) but fails at once with {@link NotNow};</li>
 *   <li>after a failed read the provider is not asked again for {@link #PAUSE_AFTER_FAILURE} on the platform's clock:
 *       every request in that time fails at once with {@link NotNow}; the first request after it reads again;</li>
 *   <li>what was read is kept.</li>
 * </ul>
 * {@link NotNow} is a provider that cannot be reached: 503 for a bearer token and for a sign-in, as a read that failed.
 */
final class ProviderOnce<T> {

    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(30);

    private final String what;
    private final Supplier<T> read;
    private final Clock clock;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile T known;
    private volatile Instant nextTry = Instant.MIN;
    private volatile String lastFailure;

    /** {@code what} names it in the log, e.g. "the discovery document". */
    ProviderOnce(String what, Supplier<T> read, Clock clock) {
        this.what = what;
        this.read = read;
        this.clock = clock;
    }

    T get() {
        T value = known;
        if (value != null) {
            return value;
        }
        failFastWithinPause();
        if (!reading.tryLock()) {
            throw new NotNow(what + " of the identity provider is being read for another request; not waited for");
        }
        try {
            if (known != null) {
                return known;
            }
            failFastWithinPause(); // another request may have failed while this one came
            try {
                value = read.get();
            } catch (RuntimeException failure) {
                nextTry = clock.instant().plus(PAUSE_AFTER_FAILURE);
                lastFailure = SignInFailure.reason(failure);
                throw failure;
            }
            if (value == null) {
                throw new IllegalStateException("nothing read for " + what);
            }
            known = value;
            return value;
        } finally {
            reading.unlock();
        }
    }

    private void failFastWithinPause() {
        Instant retry = nextTry;
        if (clock.instant().isBefore(retry)) {
            throw new NotNow(what + " of the identity provider could not be read; not tried again before " + retry
                    + " (last failure: " + lastFailure + ")");
        }
    }

    /** The provider was not asked: it failed a moment ago, or another request is asking it now. */
    static final class NotNow extends IllegalStateException {

        NotNow(String message) {
            super(message);
        }
    }
}
