package nl.spoorwijzer.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer tokens (JWT) of the organisation's identity provider on {@code /api} and {@code /engine-rest}, only when
 * an issuer is configured ({@link TokenLoginSettings}, the {@code oidc} profile). Spring Security's resource-server
 * parts check the token — signature against the issuer's published keys, issuer, expiry, audience — and
 * {@link TokenClaims} turns it into the engine caller; the filters behind it ({@link ApiAuthenticationFilter},
 * Camunda's with {@link EngineRestAuthenticationProvider}) make that caller the engine's authentication, so the
 * engine authorizations apply exactly as for a local user. A request without a bearer token passes on to HTTP Basic
 * (a technical account, e.g. for Camunda Modeler) and the webapps' session, as before.
 * <p>
 * Only these pieces of Spring Security are used, not its filter chain for the whole application (Boot's security
 * auto-configuration is excluded in {@code SpoorwijzerApplication}), so the embedded default is unchanged.
 */
@Configuration
@ConditionalOnProperty(TokenLoginSettings.ISSUER_PROPERTY)
class TokenLoginConfiguration {

    /**
     * The issuer's keys are read at the first token, so the platform starts while the provider is still down; reading
     * them (and the discovery document) waits at most 2 s to connect and 3 s for the answer, so a stalled provider
     * does not hold request threads. They are kept and read again at most twice per 30 s, whatever key ids tokens
     * name ({@link ProviderKeys}). Building the decoder reads the provider (Spring chooses the algorithms from the key
     * set): one request at a time, and after a failure not again for 30 s ({@link ProviderOnce}); meanwhile, and when
     * the provider cannot be reached at all: 503, not a server fault, and no request waits for another's read.
     */
    @Bean
    JwtDecoder tokenDecoder(TokenLoginSettings settings, Clock clock) {
        OAuth2TokenValidator<Jwt> validator = validator(settings); // refuses to start without an audience
        ProviderOnce<JwtDecoder> decoder = new ProviderOnce<>("the key set", () -> {
            RestTemplate provider = new RestTemplate(ProviderCalls.requests());
            var builder = settings.jwkSetUri() == null || settings.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(settings.issuerUri())
                    : NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri());
            NimbusJwtDecoder built = builder.restOperations(provider)
                    .jwtProcessorCustomizer(ProviderKeys.rateLimited(clock)).build();
            built.setJwtValidator(validator);
            return built;
        }, clock);
        return token -> {
            JwtDecoder ready;
            try {
                ready = decoder.get();
            } catch (RuntimeException providerDown) {
                // Answered 503 (BearerTokenRefusal), as a key set that cannot be read when checking the token.
                throw new JwtException("The token decoder could not be built: " + providerDown.getMessage(),
                        providerDown);
            }
            return ready.decode(token);
        };
    }

    /**
     * Issuer, expiry (a token without one is refused: it would never expire), not-before, the audience (required:
     * with a provider shared by many applications — Entra ID's issuer is the whole directory's — a token for another
     * application would otherwise be accepted with its roles), and no ID token used as an access token (Keycloak
     * marks them {@code typ: ID}).
     */
    static OAuth2TokenValidator<Jwt> validator(TokenLoginSettings settings) {
        if (settings.audience() == null || settings.audience().isBlank()) {
            throw new IllegalStateException("spoorwijzer.security.oidc.audience (SPOORWIJZER_OIDC_AUDIENCE) must be set"
                    + " to the platform's client id at the identity provider: without it a token issued for another"
                    + " application of the same provider would be accepted / moet gezet zijn");
        }
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuerUri()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>("typ", type -> type == null || !"ID".equalsIgnoreCase(type.toString())),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(settings.audience())));
    }

    @Bean
    FilterRegistrationBean<BearerTokens> bearerTokens(JwtDecoder tokenDecoder, TokenLoginSettings settings,
                                                      IdentityService identityService) {
        var provider = new JwtAuthenticationProvider(tokenDecoder);
        provider.setJwtAuthenticationConverter(new TokenClaims(settings, identityService));
        var filter = new BearerTokenAuthenticationFilter(new ProviderManager(provider));
        filter.setAuthenticationFailureHandler(new BearerTokenRefusal());
        var registration = new FilterRegistrationBean<>(new BearerTokens(filter));
        registration.setName("bearer-tokens");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        // After the security headers and the login throttle, before the API and engine REST authentication.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setEnabled(settings.enabled()); // an issuer set to an empty value: off, as when absent
        return registration;
    }

    /** Spring Security's bearer-token filter, with the token's caller forgotten when the request ends. */
    static final class BearerTokens extends OncePerRequestFilter {

        private final BearerTokenAuthenticationFilter delegate;

        BearerTokens(BearerTokenAuthenticationFilter delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                delegate.doFilter(request, response, chain);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
