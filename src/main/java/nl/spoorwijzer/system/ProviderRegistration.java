package nl.spoorwijzer.system;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The platform's client at the identity provider, read from the provider's discovery document at the first sign-in
 * (and again after a failure), so the platform starts while the provider is still down.
 */
final class ProviderRegistration implements ClientRegistrationRepository {

    private final TokenLoginSettings tokens;
    private final WebLoginSettings web;
    private volatile ClientRegistration registration;

    ProviderRegistration(TokenLoginSettings tokens, WebLoginSettings web) {
        this.tokens = tokens;
        this.web = web;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!WebLoginSettings.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                known = registration;
            }
        }
        return known;
    }

    private ClientRegistration discover() {
        boolean publicClient = web.clientSecret() == null || web.clientSecret().isBlank();
        return ClientRegistrations.fromIssuerLocation(tokens.issuerUri())
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
}
