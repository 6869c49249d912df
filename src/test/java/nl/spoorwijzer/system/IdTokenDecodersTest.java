package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import nl.spoorwijzer.support.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The ID token at the return from the browser sign-in ({@link IdTokenDecoders}), against a real provider in this JVM
 * (mock-oauth2-server) and against a key endpoint that never answers.
 */
class IdTokenDecodersTest {

    private final IdTokenDecoders decoders = new IdTokenDecoders();

    @Test
    void anIdTokenOfTheProviderIsCheckedAgainstItsKeysWithSpringsChecks() {
        JwtDecoder decoder = decoders.createDecoder(registration(TestIdentityProvider.issuer() + "/jwks"));

        Jwt token = decoder.decode(idToken(Map.of()));

        assertThat(token.getClaimAsString("preferred_username")).isEqualTo("anouk");
        assertThat(token.getIssuer()).hasToString(TestIdentityProvider.issuer()); // a URL, as Spring's claim types
        // Spring's ID-token validator: a token for another client, or presented by one, is refused.
        assertThatThrownBy(() -> decoder.decode(TestIdentityProvider.tokenFor("another-app", "anouk", Map.of())))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(idToken(Map.of("azp", "another-app"))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("azp");
        // and Spring's timestamp check: an expired ID token is refused
        assertThatThrownBy(() -> decoder.decode(idToken(Map.of("iat", Date.from(Instant.now().minusSeconds(7200)),
                "exp", Date.from(Instant.now().minusSeconds(3600))))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
        assertThat(decoders.createDecoder(registration(TestIdentityProvider.issuer() + "/jwks"))).isSameAs(decoder);
    }

    @Test
    @Timeout(60) // without a read timeout this would wait forever; the assertion is on the cause, not the time
    void aKeyEndpointThatAcceptsButNeverAnswersIsGivenUpOnWithATimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            JwtDecoder decoder = decoders.createDecoder(
                    registration("http://127.0.0.1:" + silent.getLocalPort() + "/jwks"));
            String token = TestIdentityProvider.token("anouk", Map.of());

            assertThatThrownBy(() -> decoder.decode(token))
                    .isInstanceOf(JwtException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class)
                    // The sign-in then ends on the "not reachable" page (503), not as a refused sign-in.
                    .satisfies(failure -> assertThat(SignInFailure.unreachable(failure)).isTrue());
        }
    }

    /** An ID token of the provider (its key, issuer, the platform as audience), valid for an hour unless told. */
    private static String idToken(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(Map.of("exp", Date.from(Instant.now().plusSeconds(3600))));
        all.putAll(claims);
        return TestIdentityProvider.tokenWithoutExpiry("anouk", all);
    }

    private static ClientRegistration registration(String jwkSetUri) {
        return ClientRegistration.withRegistrationId("spoorwijzer").clientId(TestIdentityProvider.AUDIENCE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri(TestIdentityProvider.issuer() + "/authorize")
                .tokenUri(TestIdentityProvider.issuer() + "/token").jwkSetUri(jwkSetUri)
                .issuerUri(TestIdentityProvider.issuer()).build();
    }
}
