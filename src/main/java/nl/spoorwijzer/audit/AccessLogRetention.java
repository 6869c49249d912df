package nl.spoorwijzer.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.spoorwijzer.system.RetentionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes access records older than {@code spoorwijzer.retention.access-log-days}, every night at 03:30 (after
 * Camunda's history cleanup window), so the log itself keeps personal data no longer than needed.
 */
@Component
public class AccessLogRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogRetention.class);

    private final AccessLog log;
    private final RetentionSettings settings;
    private final Clock clock;

    public AccessLogRetention(AccessLog log, RetentionSettings settings, Clock clock) {
        this.log = log;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${spoorwijzer.retention.access-log-cleanup-cron:0 30 3 * * *}",
            zone = "${spoorwijzer.zone:Europe/Amsterdam}")
    public int removeExpired() {
        Instant before = clock.instant().minus(Duration.ofDays(settings.accessLogDays()));
        int removed = log.removeBefore(before);
        if (removed > 0) {
            LOG.info("Access log: removed {} records older than {} days", removed, settings.accessLogDays());
        }
        return removed;
    }
}
