package nl.spoorwijzer.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a change that met a concurrent change of the same case is retried ({@link ConflictRetry}).
 *
 * @param attempts attempts in all, the first included; after the last a 409 says to try again
 * @param backoff  pause before the second attempt; the n-th waits n times as long, plus up to as much again at random
 */
@ConfigurationProperties("spoorwijzer.conflicts")
public record ConflictSettings(@DefaultValue("4") int attempts, @DefaultValue("50ms") Duration backoff) {

    public ConflictSettings {
        // Bounded so that a request never holds its thread for long: at most 10 attempts, 1 s apart at first.
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("spoorwijzer.conflicts.attempts must be between 1 and 10");
        }
        if (backoff.isNegative() || backoff.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("spoorwijzer.conflicts.backoff must be between 0 and 1 second");
        }
    }
}
