package nl.spoorwijzer.signals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail signals, bound from {@code spoorwijzer.mail.*}. The SMTP server itself is Spring Boot's {@code spring.mail.*}
 * (host, port, username, password, properties); without {@code spring.mail.host} mails are written to the log.
 *
 * @param enabled  false: no signal is queued at all (tasks and timers are untouched)
 * @param from     the sender of every signal
 * @param baseUrl  the address users reach Spoorwijzer at, for the links to Tasklist and the case screen
 * @param retryCycle how often and how far apart a mail that failed is tried again, as Camunda's
 *                 failedJobRetryTimeCycle (ISO 8601: {@code R3/PT5M} three tries five minutes apart, or a list of
 *                 waits {@code PT1M,PT10M,PT1H}); then the signal is an incident in Cockpit
 * @param sweepLockMinutes how long one node holds a nightly signal sweep before another may take it over
 */
@ConfigurationProperties(prefix = "spoorwijzer.mail")
public record MailSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("Spoorwijzer <noreply@spoorwijzer.local>") String from,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("R3/PT5M") String retryCycle,
        @DefaultValue("30") int sweepLockMinutes) {

    public MailSettings {
        if (retryCycle == null || retryCycle.isBlank() || retryCycle.contains("{")) {
            throw new IllegalArgumentException("spoorwijzer.mail.retry-cycle must be an ISO 8601 cycle such as"
                    + " R3/PT5M or a list of durations, not an expression");
        }
        if (sweepLockMinutes < 1) {
            throw new IllegalArgumentException("spoorwijzer.mail.sweep-lock-minutes must be at least 1");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
