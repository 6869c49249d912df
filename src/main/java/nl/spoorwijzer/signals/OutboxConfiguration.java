package nl.spoorwijzer.signals;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends through Spring Boot's {@link JavaMailSender} when {@code spring.mail.host} is set; otherwise (the embedded
 * demo) each mail is written to the log, so the platform starts without an SMTP server.
 */
@Configuration
@EnableConfigurationProperties(MailSettings.class)
class OutboxConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    @Bean
    Outbox outbox(ObjectProvider<JavaMailSender> mailSender, MailSettings settings) {
        JavaMailSender smtp = mailSender.getIfAvailable();
        if (smtp == null) {
            LOG.info("E-mailsignalen: geen spring.mail.host ingesteld, e-mails worden gelogd in plaats van verstuurd");
            return (to, subject, body) -> LOG.info("E-mail aan {}: {}\n{}", to, subject, body);
        }
        return (to, subject, body) -> {
            try {
                MimeMessage message = smtp.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                helper.setFrom(settings.from());
                helper.setTo(to);
                helper.setSubject(subject);
                helper.setText(body, false);
                smtp.send(message);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("e-mail could not be composed: " + e.getClass().getSimpleName());
            }
        };
    }
}
