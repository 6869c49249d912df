package nl.spoorwijzer.audit;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The access log for Camunda's REST API and the webapps' engine API. The filter is mapped after every filter Spring
 * registers (match after), so it runs inside the HTTP Basic authentication of {@code /engine-rest}
 * (system/RestSecurityConfiguration) and sees its caller; Camunda's webapp filters are mapped the same way, so for
 * {@code /camunda/api/engine} the caller comes from the webapp session ({@link EngineCaller}).
 */
@Configuration
class EngineAccessConfiguration {

    @Bean
    FilterRegistrationBean<EngineAccessFilter> engineAccessLogFilter(JdbcTemplate jdbc, CaseAccessRecorder recorder,
                                                                   IdentityService identityService) {
        var filter = new EngineAccessFilter(new CaseResolver(jdbc), recorder, new EngineCaller(identityService));
        var registration = new FilterRegistrationBean<>(filter);
        registration.setName("engine-access-log");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setMatchAfter(true);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
