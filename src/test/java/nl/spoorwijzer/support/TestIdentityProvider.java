package nl.spoorwijzer.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.identity.Role;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider in the test JVM (mock-oauth2-server: discovery document, published keys, signed
 * tokens), one per JVM, for the tests that sign in with bearer tokens. The platform is pointed at it by
 * {@link #configure}; the claim names are the platform's defaults, as the Keycloak realm in docker/ writes them.
 */
public final class TestIdentityProvider {

    public static final String ISSUER_ID = "spoorwijzer";
    public static final String AUDIENCE = "spoorwijzer";
    private static final long ONE_HOUR = 3600;
    private static final MockOAuth2Server SERVER = start();

    private TestIdentityProvider() {
    }

    private static MockOAuth2Server start() {
        // Interactive: its authorization endpoint shows a login page (a user name and the claims as JSON), as the
        // browser sign-in tests need; tokens issued directly by the tests are not affected.
        MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    public static String issuer() {
        return SERVER.issuerUrl(ISSUER_ID).toString();
    }

    /** The platform's settings for this provider (for a test's {@code @DynamicPropertySource}). */
    public static void configure(DynamicPropertyRegistry registry) {
        registry.add("spoorwijzer.security.oidc.issuer-uri", TestIdentityProvider::issuer);
        registry.add("spoorwijzer.security.oidc.audience", () -> AUDIENCE);
    }

    /**
     * The platform's settings for this provider with the browser sign-in on as well (the platform's client
     * {@code spoorwijzer}, public: PKCE only), for a test under the {@code oidc} profile.
     */
    /**
     * What a test under the {@code oidc} profile (a production profile) needs before its start-up checks run, which
     * come before {@link #configureWebLogin}: an admin password other than the demo's and an issuer (replaced by this
     * provider's).
     */
    public static final String OIDC_PROFILE_START = "camunda.bpm.admin-user.password=not-the-demo-password";
    public static final String OIDC_PROFILE_ISSUER = "spoorwijzer.security.oidc.issuer-uri=http://replaced.invalid";

    public static void configureWebLogin(DynamicPropertyRegistry registry) {
        configure(registry);
        registry.add("spoorwijzer.security.oidc.client-id", () -> AUDIENCE);
        registry.add("spoorwijzer.security.oidc.client-secret", () -> "");
    }

    /** The claims as the login page of the provider takes them: JSON with the user id besides the given claims. */
    public static String claimsJson(String userId, Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        all.put("preferred_username", userId);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(all);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A token for the user with these claims besides its user id, valid for an hour. */
    public static String token(String userId, Map<String, Object> claims) {
        return token(userId, claims, ONE_HOUR);
    }

    /** A token that expires {@code lifetimeSeconds} from now (negative: expired that long ago). */
    public static String token(String userId, Map<String, Object> claims, long lifetimeSeconds) {
        return token(userId, claims, lifetimeSeconds, AUDIENCE);
    }

    /** A token for another audience (another application's client id), otherwise valid. */
    public static String tokenFor(String audience, String userId, Map<String, Object> claims) {
        return token(userId, claims, ONE_HOUR, audience);
    }

    private static String token(String userId, Map<String, Object> claims, long lifetimeSeconds, String audience) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        if (userId != null) {
            all.put("preferred_username", userId);
        }
        if (lifetimeSeconds <= 0) {
            // Issued an hour before it expired, as a token a client kept too long.
            long issued = Instant.now().getEpochSecond() + lifetimeSeconds - ONE_HOUR;
            all.put("iat", issued);
            all.put("nbf", issued);
        }
        return SERVER.issueToken(ISSUER_ID, "sub-" + userId, audience, all, lifetimeSeconds).serialize();
    }

    /**
     * A token signed with the provider's own key, of its issuer and for the platform, that carries no expiry
     * ({@code exp}): the provider never issues one, so it is signed here with the provider's key (read from it).
     */
    public static String tokenWithoutExpiry(String userId, Map<String, Object> claims) {
        try {
            java.lang.reflect.Field keys = no.nav.security.mock.oauth2.token.OAuth2TokenProvider.class
                    .getDeclaredField("keyProvider");
            keys.setAccessible(true);
            com.nimbusds.jose.jwk.RSAKey key = (com.nimbusds.jose.jwk.RSAKey)
                    ((no.nav.security.mock.oauth2.token.KeyProvider) keys.get(SERVER.getConfig().getTokenProvider()))
                            .signingKey(ISSUER_ID);
            com.nimbusds.jwt.JWTClaimsSet.Builder set = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(issuer())
                    .subject("sub-" + userId).audience(AUDIENCE).issueTime(new java.util.Date())
                    .claim("preferred_username", userId);
            claims.forEach(set::claim);
            com.nimbusds.jwt.SignedJWT token = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                    com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set.build());
            token.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
            return token.serialize();
        } catch (ReflectiveOperationException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of another issuer (another provider, its own keys), otherwise the same. */
    public static String foreignToken(String userId, Map<String, Object> claims) {
        MockOAuth2Server foreign = new MockOAuth2Server();
        foreign.start();
        try {
            Map<String, Object> all = new LinkedHashMap<>(claims);
            all.put("preferred_username", userId);
            return foreign.issueToken(ISSUER_ID, "sub-" + userId, AUDIENCE, all, ONE_HOUR).serialize();
        } finally {
            foreign.shutdown();
        }
    }

    /**
     * The claims the identity provider would give a user of the platform's directory, as the Keycloak realm gives
     * the demo users: the role groups in {@code groups}; the organisation that serves employers (a group such as an
     * arbodienst) or the user's only employer in {@code organisation}; any further employers in {@code tenants}.
     */
    public static Map<String, Object> claimsOf(IdentityService directory, String userId) {
        List<String> groups = new ArrayList<>();
        String organisation = null;
        for (Group group : directory.createGroupQuery().groupMember(userId).list()) {
            if (Role.ofGroup(group.getId()).isPresent() || Groups.CAMUNDA_ADMIN.equals(group.getId())) {
                groups.add(group.getId());
            } else {
                organisation = group.getId();
            }
        }
        List<String> tenants = new ArrayList<>(directory.createTenantQuery().userMember(userId).list().stream()
                .map(Tenant::getId).toList());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("groups", groups);
        if (organisation == null && tenants.size() == 1) {
            organisation = tenants.remove(0);
        }
        if (organisation != null) {
            claims.put("organisation", organisation);
        }
        if (!tenants.isEmpty()) {
            claims.put("tenants", tenants);
        }
        return claims;
    }

    /** An HTTP client whose users sign in with a token carrying their directory's claims. */
    public static HttpTestClient client(int port, IdentityService directory) {
        return new HttpTestClient(port, (user, password) -> "Bearer " + token(user, claimsOf(directory, user)));
    }
}
