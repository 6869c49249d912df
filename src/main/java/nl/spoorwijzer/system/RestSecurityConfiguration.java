package nl.spoorwijzer.system;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic authentication against Camunda's identity service for both REST APIs — and, with the {@code oidc}
 * profile, bearer tokens of the organisation's identity provider ({@link TokenLoginConfiguration}); {@code /api}
 * also accepts the webapps' login session (with its CSRF token for changes, see {@link ApiAuthenticationFilter}). The Camunda starter leaves
 * {@code /engine-rest} open by default, and authorization checks only apply to an authenticated user, so without
 * these filters anonymous callers could read and start everything. In front of them (so that their refusals carry
 * the same headers and a throttled address never reaches a password check): the security headers, then the login
 * throttle.
 */
@Configuration
class RestSecurityConfiguration {

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setName("security-headers");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/*", "/zaken", "/zaken/*",
                "/overzicht", "/overzicht/*", "/procesbeheer", "/procesbeheer/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(IdentityService identityService, LoginThrottleSettings settings,
                                                        Clock clock, MeterRegistry meters,
                                                        LocalPasswordPolicy localPasswords) {
        var registration = new FilterRegistrationBean<>(new LoginThrottle(identityService, settings, clock, meters,
                localPasswords));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthenticationFilter() {
        var registration = new FilterRegistrationBean<Filter>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", EngineRestAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ProcessEngine processEngine) {
        var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(
                processEngine.getIdentityService(), processEngine.getName()));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
