package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.spoorwijzer.support.TestIdentityProvider;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The identity provider's keys ({@link ProviderKeys}): the platform reads the key set of the real provider
 * (mock-oauth2-server) through a small counting relay in this test (its {@code jwk-set-uri}), which can also publish
 * a new, rotated key next to the provider's. Tokens with made-up key ids do not make the platform read the key set
 * once per request, and a token of a rotated key is accepted once the rate limit's interval has passed on the
 * platform's clock (moved, not waited for).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProviderKeysIT {

    private static final Map<String, Object> WERKGEVER_ACME =
            Map.of("groups", List.of("werkgever"), "organisation", "acme-bouw");
    private static final KeyRelay KEYS = new KeyRelay();
    private static final RSAKey STRANGER = generate();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.configure(registry);
        registry.add("spoorwijzer.security.oidc.jwk-set-uri", KEYS::address);
    }

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void tokensWithUnknownKeyIdsDoNotMakeThePlatformReadTheKeySetForEachOne() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(3600)));
        assertThat(me(TestIdentityProvider.token("anouk", WERKGEVER_ACME))).isEqualTo(200);
        int before = KEYS.reads();

        for (int i = 0; i < 25; i++) {
            assertThat(me(signed(newKey(), "anouk"))).as("token %d with an unknown key", i).isEqualTo(401);
        }

        // Read at most once more: one read opened the interval, one more is allowed in it.
        assertThat(KEYS.reads() - before).isLessThanOrEqualTo(1);
        // The provider's own tokens are still accepted, from the keys kept.
        int after = KEYS.reads();
        assertThat(me(TestIdentityProvider.token("anouk", WERKGEVER_ACME))).isEqualTo(200);
        assertThat(KEYS.reads()).isEqualTo(after);
    }

    @Test
    void aTokenOfARotatedKeyIsAcceptedOnceTheIntervalHasPassed() throws Exception {
        Instant start = Instant.now().plusSeconds(2 * 86_400);
        ClockUtil.setCurrentTime(Date.from(start));
        int before = KEYS.reads();
        for (int i = 0; i < 3; i++) { // at most two reads in one interval: the third unknown key is not looked up
            assertThat(me(signed(newKey(), "anouk"))).isEqualTo(401);
        }
        RSAKey rotated = newKey();
        KEYS.publish(rotated);

        // Within the interval the new key is not looked up yet: refused like any unknown key.
        assertThat(me(signed(rotated, "anouk"))).isEqualTo(401);
        ClockUtil.setCurrentTime(Date.from(start.plus(ProviderKeys.MIN_INTERVAL).plusSeconds(1)));
        assertThat(me(signed(rotated, "anouk"))).isEqualTo(200);
        assertThat(me(signed(rotated, "anouk"))).isEqualTo(200);

        assertThat(KEYS.reads() - before).isBetween(1, 3);
    }

    private int me(String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/me")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A key the provider never published: a key id of its own (the key material is shared, to save time). */
    private static RSAKey newKey() {
        return new RSAKey.Builder(STRANGER).keyID(UUID.randomUUID().toString()).build();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as the provider issues them (issuer, audience, an hour to live), signed with the given key. */
    private static String signed(RSAKey key, String userId) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestIdentityProvider.issuer()).subject("sub-" + userId)
                .audience(TestIdentityProvider.AUDIENCE).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600))).claim("preferred_username", userId)
                .claim("groups", List.of("werkgever")).build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    /** Relays the provider's key set ({@code /jwks}), counting the reads, with any keys published here added. */
    private static final class KeyRelay {

        private final AtomicInteger reads = new AtomicInteger();
        private final List<JWK> published = new ArrayList<>();
        private final HttpServer server;

        KeyRelay() {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/jwks", exchange -> {
                reads.incrementAndGet();
                byte[] body;
                try {
                    List<JWK> keys = new ArrayList<>(providerKeys().getKeys());
                    synchronized (published) {
                        keys.addAll(published);
                    }
                    body = new JWKSet(keys).toString(true).getBytes(StandardCharsets.UTF_8);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(502, -1);
                    exchange.close();
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String address() {
            return "http://localhost:" + server.getAddress().getPort() + "/jwks";
        }

        int reads() {
            return reads.get();
        }

        void publish(RSAKey key) {
            synchronized (published) {
                published.add(key.toPublicJWK());
            }
        }

        private static JWKSet providerKeys() throws Exception {
            String keys = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestIdentityProvider.issuer()
                    + "/jwks")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            return JWKSet.parse(keys);
        }
    }
}
