package nl.spoorwijzer.system;

import java.time.Clock;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestTemplate;

/**
 * The platform's client at the identity provider, read from the provider's discovery document at the first sign-in
 * (and again after a failure, at most once per {@link ProviderOnce#PAUSE_AFTER_FAILURE}, one request at a time:
 * {@link ProviderOnce}), so the platform starts while the provider is still down.
 * <p>
 * The document is read (with timeouts) at the issuer, or at {@link TokenLoginSettings#providerUri()} when the platform reaches the
 * provider at another address than browsers do. Keycloak with {@code --hostname} (the browsers' address) and
 * {@code --hostname-backchannel-dynamic} answers a request at its internal address with the browsers' issuer,
 * authorization and end-session endpoints and with token, keys and user-info endpoints at the internal address —
 * so the browser is sent where it can go, the platform calls where it can reach, and ID tokens are checked against
 * the issuer the browsers saw.
 */
final class ProviderRegistration implements ClientRegistrationRepository {

    private static final ParameterizedTypeReference<Map<String, Object>> DOCUMENT = new ParameterizedTypeReference<>() {
    };

    private final TokenLoginSettings tokens;
    private final WebLoginSettings web;
    private final ProviderOnce<ClientRegistration> registration;

    ProviderRegistration(TokenLoginSettings tokens, WebLoginSettings web, Clock clock) {
        this.tokens = tokens;
        this.web = web;
        this.registration = new ProviderOnce<>("the discovery document", this::discover, clock);
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!WebLoginSettings.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        return registration.get();
    }

    private ClientRegistration discover() {
        boolean publicClient = web.clientSecret() == null || web.clientSecret().isBlank();
        return provider()
                .registrationId(WebLoginSettings.REGISTRATION_ID)
                .clientId(web.clientId().trim())
                .clientSecret(publicClient ? null : web.clientSecret())
                .clientAuthenticationMethod(publicClient ? ClientAuthenticationMethod.NONE
                        : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .build();
    }

    private ClientRegistration.Builder provider() {
        String address = tokens.providerUri() == null || tokens.providerUri().isBlank() ? tokens.issuerUri()
                : tokens.providerUri();
        Map<String, Object> document = discoveryDocument(address.trim());
        Object issuer = document == null ? null : document.get("issuer");
        if (!tokens.issuerUri().equals(issuer)) {
            throw new IllegalStateException("The identity provider at " + address + " names the issuer " + issuer
                    + ", not spoorwijzer.security.oidc.issuer-uri " + tokens.issuerUri());
        }
        return ClientRegistrations.fromOidcConfiguration(document);
    }

    private static Map<String, Object> discoveryDocument(String address) {
        String base = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
        return new RestTemplate(ProviderCalls.requests()).exchange(base + "/.well-known/openid-configuration",
                HttpMethod.GET, null, DOCUMENT).getBody();
    }
}
