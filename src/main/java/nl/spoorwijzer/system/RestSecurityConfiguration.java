package nl.spoorwijzer.system;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against Camunda's identity service for both REST APIs. The Camunda starter leaves
 * {@code /engine-rest} open by default, and authorization checks only apply to an authenticated user, so without
 * these filters anonymous callers could read and start everything.
 */
@Configuration
class RestSecurityConfiguration {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthenticationFilter() {
        var registration = new FilterRegistrationBean<Filter>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
