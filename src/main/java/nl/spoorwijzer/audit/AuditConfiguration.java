package nl.spoorwijzer.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The access log's nightly retention runs on Spring's scheduler. */
@Configuration
@EnableScheduling
class AuditConfiguration {
}
