package nl.spoorwijzer.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address in a sliding window, in memory (per node: behind a load balancer with N nodes an
 * address gets at most N times the limit, which still stops guessing at scale).
 */
final class FailedLoginWindow {

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

    FailedLoginWindow(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long the address must still wait, if it is over the limit. */
    Optional<Duration> blockedFor(String address) {
        Deque<Instant> failures = failuresByAddress.get(address);
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            Instant now = clock.instant();
            dropExpired(failures, now);
            if (failures.size() < settings.maxFailuresPerAddress()) {
                return Optional.empty();
            }
            // At most the limit is kept (see record), so the address is free again when its oldest failure leaves.
            return Optional.of(Duration.between(now, failures.peekFirst().plus(settings.window())));
        }
    }

    /** Records a failure; returns the failures of this address now in the window. */
    int record(String address) {
        if (failuresByAddress.size() >= settings.trackedAddresses()) {
            forgetQuietAddresses();
        }
        Deque<Instant> failures = failuresByAddress.computeIfAbsent(address, key -> new ArrayDeque<>());
        synchronized (failures) {
            Instant now = clock.instant();
            dropExpired(failures, now);
            failures.addLast(now);
            // No need to remember more than the limit: blocking depends only on the newest ones.
            while (failures.size() > settings.maxFailuresPerAddress()) {
                failures.removeFirst();
            }
            return failures.size();
        }
    }

    private void forgetQuietAddresses() {
        Instant now = clock.instant();
        failuresByAddress.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                dropExpired(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
        if (failuresByAddress.size() >= settings.trackedAddresses()) {
            // Still full: everyone is active. Start over rather than grow without bound.
            failuresByAddress.clear();
        }
    }

    /** Failures older than the window go; so do failures "after now", recorded before the clock was set back. */
    private void dropExpired(Deque<Instant> failures, Instant now) {
        Instant windowStart = now.minus(settings.window());
        failures.removeIf(failure -> !failure.isAfter(windowStart) || failure.isAfter(now));
    }
}
