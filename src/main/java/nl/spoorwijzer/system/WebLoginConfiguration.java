package nl.spoorwijzer.system;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;

/**
 * The browser sign-in through the organisation's identity provider (OpenID Connect, authorization code with PKCE) for
 * Tasklist, Cockpit, Admin ({@code /camunda/**}) and the platform's own pages ({@code /zaken}, {@code /overzicht},
 * {@code /procesbeheer}), only with an issuer and a client id ({@link WebLoginSettings}, the {@code oidc} profile);
 * otherwise the webapps keep Camunda's login form and nothing here exists.
 * <ul>
 *   <li>Spring Security's filter chain is registered for these paths only; a page request without a sign-in goes to the
 *       provider, a webapp API request gets 401 (problem details). The claims map to the engine caller once, at
 *       sign-in ({@link SignedInUsers}, with {@link TokenClaims} as for bearer tokens). A sign-in that fails — refused,
 *       or the provider unreachable — ends on a Dutch page ({@link SignInFailure}).</li>
 *   <li>Camunda's {@code ContainerBasedAuthenticationFilter} with {@link WebappContainerAuthentication} then makes the
 *       signed-in user the webapps' login (groups and tenants from the claims), so engine authorizations apply
 *       unchanged; {@code /api} takes it from the session ({@link ApiAuthenticationFilter}).</li>
 *   <li>Camunda's CSRF filter stays in charge of the webapps' API and the platform's own check of {@code /api}, and
 *       issues the session's token on the platform's own pages too ({@link #platformPagesCsrf});
 *       Spring Security's CSRF and header writers are off (the security headers come from
 *       {@link SecurityHeadersFilter}). Signing out needs the session's CSRF token all the same ({@link SignOut}).</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
@ConditionalOnExpression(WebLoginSettings.ENABLED)
class WebLoginConfiguration {

    static final String[] PAGES = {"/camunda/*", "/zaken/*", "/overzicht/*", "/procesbeheer/*", "/oauth2/*",
        "/login/oauth2/*", SignOut.PLATFORM_LOGOUT};

    @Bean
    ClientRegistrationRepository providerRegistration(TokenLoginSettings tokens, WebLoginSettings web, Clock clock) {
        return SignInFailure.guarded(new ProviderRegistration(tokens, web, clock));
    }

    /** The ID token's keys read with timeouts; otherwise Spring's checks ({@code oauth2Login} takes this bean). */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoders() {
        return new IdTokenDecoders();
    }

    @Bean
    SecurityFilterChain webLogin(HttpSecurity http, ClientRegistrationRepository registrations,
                                 TokenLoginSettings tokens, WebLoginSettings web, IdentityService identityService)
            throws Exception {
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        SignInFailure failure = new SignInFailure();
        // Every request this chain sees needs a sign-in: its servlet filter registration (below) limits it to PAGES.
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(ProviderCalls.tokenEndpoint()))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(
                                new SignedInUsers(new TokenClaims(tokens, identityService))))
                        .failureHandler(failure)
                        // The way to the provider fails too when it cannot be reached: not Spring's bare 500.
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(failure);
                                return filter;
                            }
                        }))
                .logout(logout -> logout
                        .logoutRequestMatcher(SignOut.REQUESTS)
                        .logoutSuccessHandler(new SignOut(registrations, web.postLogoutRedirectUri())))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(failure,
                                RegexRequestMatcher.regexMatcher("^/camunda/api/.*"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(
                                "/oauth2/authorization/" + WebLoginSettings.REGISTRATION_ID), AnyRequestMatcher.INSTANCE))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Spring Security's chain on these paths only, after the security headers and the login throttle. */
    @Bean
    DelegatingFilterProxyRegistrationBean webLoginFilters() {
        var registration = new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
        registration.setName("web-login");
        registration.addUrlPatterns(PAGES);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /**
     * Camunda's CSRF filter on the platform's own pages as well: a person who opens {@code /zaken} (or the overview,
     * the process owner's page) straight after signing in has not opened a webapp, whose requests alone would give the
     * session its CSRF token; the case screen reads that token ({@code /api/me}) for its changes. Camunda's own
     * filter with the webapps' settings ({@code camunda.bpm.webapp.csrf.*}) issues it on the first page request, the
     * same cookie {@code XSRF-TOKEN} and session attribute as in the webapps. These pages answer only GET.
     */
    @Bean
    FilterRegistrationBean<CsrfPreventionFilter> platformPagesCsrf(CamundaBpmProperties camunda) {
        var registration = new FilterRegistrationBean<>(new CsrfPreventionFilter());
        registration.setName("platform-pages-csrf");
        registration.setInitParameters(camunda.getWebapp().getCsrf().getInitParams());
        registration.addUrlPatterns("/zaken/*", "/overzicht/*", "/procesbeheer/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Camunda's container-based login, after Spring Security's chain and before Camunda's own session filter. */
    @Bean
    FilterRegistrationBean<WebappContainerLogin> webappContainerLogin(ProcessEngine engine) {
        var registration = new FilterRegistrationBean<>(new WebappContainerLogin(engine.getName()));
        registration.setName("webapp-container-login");
        registration.addInitParameter("authentication-provider", WebappContainerAuthentication.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*", "/zaken/*", "/overzicht/*",
                "/procesbeheer/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }
}
