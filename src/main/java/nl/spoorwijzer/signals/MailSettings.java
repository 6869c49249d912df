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
 */
@ConfigurationProperties(prefix = "spoorwijzer.mail")
public record MailSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("Spoorwijzer <noreply@spoorwijzer.local>") String from,
        @DefaultValue("http://localhost:8080") String baseUrl) {

    public MailSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
