package nl.spoorwijzer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.spoorwijzer.support.EmbeddedPostgresEnvironment;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.KeycloakServer;
import nl.spoorwijzer.support.OneTimeCode;
import nl.spoorwijzer.support.TestIdentityProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * docker/'s realm imported into a real Keycloak (the version of docker/compose.yaml, started from its distribution,
 * {@link KeycloakServer}) and the platform signing in through it, at the HTTP level as a browser would: the second
 * factor is enforced by the provider — anna's password alone does not get her in (Keycloak makes her set up an
 * authenticator app first, and asks for its code at every later sign-in) — and with the code her app would show she
 * reaches Tasklist and {@code /api/me} as the werkgever of acme-bouw the realm says she is. Camunda Modeler's client
 * deploys with a client-credentials token. The platform reaches Keycloak at another address (127.0.0.1) than
 * browsers do and than its tokens name (localhost), as the nodes in docker compose do ({@code provider-uri}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        TestIdentityProvider.OIDC_PROFILE_START, TestIdentityProvider.OIDC_PROFILE_ISSUER})
@ActiveProfiles({"demo", "oidc"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = EmbeddedPostgresEnvironment.SWITCH, matches = "postgres",
        disabledReason = "the provider's side is what this tests; the platform's database does not change it")
class KeycloakRealmIT {

    private static final String REALM = "spoorwijzer";
    private static final String CLIENT_SECRET = KeycloakServer.secret();
    private static final String MODELER_SECRET = KeycloakServer.secret();
    private static int platformPort;
    private static KeycloakServer keycloak;

    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;

    /**
     * Keycloak starts here, before the platform, and gets ready while the platform starts; the platform reads the
     * provider only at the first sign-in. The realm is docker/'s file with the platform's address of this test run in
     * the client's redirect URIs instead of http://localhost:8080.
     */
    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) throws IOException {
        platformPort = freePort();
        String realm = Files.readString(KeycloakRealmTest.REALM);
        String here = realm.replace("http://localhost:8080/", "http://localhost:" + platformPort + "/");
        assertThat(here).isNotEqualTo(realm);
        Path copy = Path.of("target", "keycloak-it", "spoorwijzer-realm.json");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, here);
        keycloak = KeycloakServer.start(copy, Map.of("SPOORWIJZER_OIDC_CLIENT_SECRET", CLIENT_SECRET,
                "SPOORWIJZER_MODELER_CLIENT_SECRET", MODELER_SECRET));
        registry.add("server.port", () -> platformPort);
        registry.add("spoorwijzer.security.oidc.issuer-uri", () -> keycloak.issuer(REALM));
        registry.add("spoorwijzer.security.oidc.provider-uri", () -> keycloak.backchannelIssuer(REALM));
        registry.add("spoorwijzer.security.oidc.jwk-set-uri",
                () -> keycloak.backchannelIssuer(REALM) + "/protocol/openid-connect/certs");
        registry.add("spoorwijzer.security.oidc.client-id", () -> "spoorwijzer");
        registry.add("spoorwijzer.security.oidc.client-secret", () -> CLIENT_SECRET);
    }

    @BeforeAll
    void keycloakIsReady() throws Exception {
        keycloak.awaitRealm(REALM);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void annaGetsInOnlyWithHerPasswordAndTheCodeOfHerAuthenticatorApp() throws Exception {
        // First sign-in: the password alone leads to Keycloak's page for setting up an authenticator app.
        Browser first = new Browser();
        HttpResponse<String> setUp = first.openTasklistAndEnterPassword("anna", "anna");
        assertThat(setUp.uri().toString()).startsWith(keycloak.issuer(REALM));
        assertThat(setUp.body()).contains("name=\"totp\"").contains("name=\"totpSecret\"");
        assertThat(first.get(url("/api/me")).statusCode()).isEqualTo(401);

        String secret = hiddenFields(setUp.body()).get("totpSecret");
        long setUpStep = OneTimeCode.step(Instant.now());
        HttpResponse<String> wrong = first.submit(setUp, Map.of("totp", OneTimeCode.of(secret, setUpStep - 10),
                "userLabel", "telefoon"));
        assertThat(wrong.uri().toString()).startsWith(keycloak.issuer(REALM));
        assertThat(first.get(url("/api/me")).statusCode()).isEqualTo(401);

        HttpResponse<String> tasklist = first.submit(wrong, Map.of("totp", OneTimeCode.of(secret, setUpStep),
                "userLabel", "telefoon"));
        assertSignedInAsAnna(first, tasklist);

        // Every later sign-in asks for the code after the password; a wrong code does not get in either.
        Browser later = new Browser();
        HttpResponse<String> codePage = later.openTasklistAndEnterPassword("anna", "anna");
        assertThat(codePage.uri().toString()).startsWith(keycloak.issuer(REALM));
        assertThat(codePage.body()).contains("name=\"otp\"").doesNotContain("name=\"totpSecret\"");
        assertThat(later.get(url("/api/me")).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = later.submit(codePage, Map.of("otp", OneTimeCode.of(secret, setUpStep - 10)));
        assertThat(refused.uri().toString()).startsWith(keycloak.issuer(REALM));
        assertThat(later.get(url("/api/me")).statusCode()).isEqualTo(401);
        // A code is accepted once (otpPolicyCodeReusable false) and one step ahead (look-ahead window 1): the next
        // step's code, rather than waiting for the clock.
        long step = Math.max(OneTimeCode.step(Instant.now()), setUpStep + 1);
        assertSignedInAsAnna(later, later.submit(refused, Map.of("otp", OneTimeCode.of(secret, step))));
    }

    @Test
    void camundaModelersClientDeploysWithAClientCredentialsToken() throws Exception {
        HttpResponse<String> issued = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.backchannelIssuer(REALM) + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("spoorwijzer-modeler:" + MODELER_SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String token = json.readTree(issued.body()).path("access_token").asText();
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer(REALM));
        assertThat(claims.path("aud").asText()).isEqualTo("spoorwijzer");
        assertThat(claims.path("groups")).extracting(JsonNode::asText).containsExactly("/procesbeheerder");

        HttpResponse<String> deployed = deploy(token);

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        engine.getRepositoryService().deleteDeployment(json.readTree(deployed.body()).path("id").asText(), true);
    }

    @Test
    void noClientMayTradeAPasswordAloneForATokenAtKeycloak() throws Exception {
        for (String client : List.of("spoorwijzer:" + CLIENT_SECRET, "spoorwijzer-modeler:" + MODELER_SECRET)) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(keycloak.backchannelIssuer(REALM) + "/protocol/openid-connect/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            client.getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=anna&password=anna"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as(client).isBetween(400, 401);
            assertThat(refused.body()).doesNotContain("access_token");
        }
    }

    private void assertSignedInAsAnna(Browser browser, HttpResponse<String> landed) throws Exception {
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(landed.uri().toString()).startsWith(url("/camunda/app/tasklist/"));
        JsonNode me = json.readTree(browser.get(url("/api/me")).body());
        assertThat(me.path("userId").asText()).isEqualTo("anna");
        assertThat(me.path("groups")).extracting(JsonNode::asText).containsExactly("werkgever");
        assertThat(me.path("employers")).extracting(e -> e.path("id").asText()).containsExactly("acme-bouw");
    }

    private HttpResponse<String> deploy(String token) {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="keycloakmodel" name="Keycloakmodel" isExecutable="true"
                      camunda:historyTimeToLive="P1D" camunda:versionTag="1">
                    <bpmn:startEvent id="start" name="Start"/>
                  </bpmn:process>
                </bpmn:definitions>""";
        HttpTestClient http = new HttpTestClient(platformPort);
        HttpTestClient.Multipart multipart = new HttpTestClient.Multipart(List.of(
                HttpTestClient.Part.field("deployment-name", "keycloakmodel"),
                HttpTestClient.Part.file("keycloakmodel.bpmn", "keycloakmodel.bpmn", "application/octet-stream",
                        model.getBytes(StandardCharsets.UTF_8))));
        return http.send(http.request("/engine-rest/deployment/create").header("Authorization", "Bearer " + token)
                .header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body)).build());
    }

    private static String url(String path) {
        return "http://localhost:" + platformPort + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]*)\"");
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s(name|value)=\"([^\"]*)\"");

    /** The hidden fields of a Keycloak page's form, as a browser submits them. */
    private static Map<String, String> hiddenFields(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = HIDDEN_INPUT.matcher(page);
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), HtmlUtils.htmlUnescape(attribute.group(2)));
            }
            if (attributes.containsKey("name")) {
                fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        return fields;
    }

    /** A browser of its own (cookies), following redirects by hand. */
    private static final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** Opens Tasklist, is sent to Keycloak's sign-in page and enters the user name and password there. */
        HttpResponse<String> openTasklistAndEnterPassword(String user, String password) throws Exception {
            HttpResponse<String> signInPage = follow(get(url("/camunda/app/tasklist/default/")));
            assertThat(signInPage.uri().toString()).startsWith(keycloak.issuer(REALM) + "/protocol/openid-connect/auth");
            assertThat(signInPage.body()).contains("name=\"username\"").contains("name=\"password\"");
            return submit(signInPage, Map.of("username", user, "password", password));
        }

        /** Submits the page's form with its hidden fields and these, and follows the redirects. */
        HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) throws Exception {
            Matcher action = FORM_ACTION.matcher(page.body());
            assertThat(action.find()).as(page.body()).isTrue();
            Map<String, String> form = new LinkedHashMap<>(hiddenFields(page.body()));
            form.putAll(fields);
            String encoded = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(),
                    StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            URI target = page.uri().resolve(HtmlUtils.htmlUnescape(action.group(1)));
            return follow(client.send(HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "nl").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
            int hops = 0;
            while (response.statusCode() == 302 || response.statusCode() == 303) {
                assertThat(++hops).as("redirects").isLessThan(10);
                String location = response.headers().firstValue("Location").orElseThrow();
                response = get(response.uri().resolve(location).toString());
            }
            return response;
        }
    }

    /**
     * Keycloak marks its cookies {@code Secure} (with {@code SameSite=None}); browsers send those to
     * {@code http://localhost} too (a secure context), {@code java.net}'s cookie manager only over https.
     */
    private static final class LocalhostCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(uri, headers);
            cookies.getCookieStore().getCookies().forEach(cookie -> cookie.setSecure(false));
        }
    }
}
