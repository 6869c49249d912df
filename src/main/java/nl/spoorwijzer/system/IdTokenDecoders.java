package nl.spoorwijzer.system;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Checks the ID token at the return from the provider's sign-in as Spring Security's {@link OidcIdTokenDecoderFactory}
 * does by default — RS256 against the provider's key set, Spring's default ID-token validators and claim types — but
 * reads the key set with the timeouts of every call to the provider ({@link ProviderCalls}): Spring's factory has no
 * way to set them and reads without a limit. A key set that cannot be read is a provider that cannot be reached
 * ({@link SignInFailure}: 503). One decoder per registration, kept (its keys are cached by Spring's decoder).
 * Spring's {@code oauth2Login} takes a bean of this type ({@code JwtDecoderFactory<ClientRegistration>}).
 */
final class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        return decoders.computeIfAbsent(registration.getRegistrationId(), id -> build(registration));
    }

    /** The registrations an ID token was checked for (for the tests that prove Spring's sign-in uses this). */
    Set<String> registrations() {
        return Set.copyOf(decoders.keySet());
    }

    private static JwtDecoder build(ClientRegistration registration) {
        String keys = registration.getProviderDetails().getJwkSetUri();
        if (keys == null || keys.isBlank()) {
            OAuth2Error error = new OAuth2Error("missing_signature_verifier", "The provider of registration "
                    + registration.getRegistrationId() + " publishes no key set (jwks_uri) to check ID tokens", null);
            throw new OAuth2AuthenticationException(error, error.toString());
        }
        // Building reads nothing: with the algorithm given, the key set is read at the first ID token.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keys).jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(ProviderCalls.requests())).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new OidcIdTokenValidator(registration)));
        decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
        return decoder;
    }
}
