package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.spoorwijzer.support.TestIdentityProvider;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The identity provider is down (it answers no request): the platform starts all the same, and a person who
 * wants to sign in is told so in Dutch — 503 with {@code Retry-After}, a page in the platform's look with a link to
 * try again, nothing about the connection — instead of a server error; a background request gets problem details,
 * and a bearer token on {@code /api} gets 503 as well. The provider here accepts connections and closes them at once,
 * counting them: after a failed read the platform does not ask it again until the pause has passed
 * ({@link ProviderOnce}, on the platform's clock, moved here), so requests do not queue up behind it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestIdentityProvider.OIDC_PROFILE_START, TestIdentityProvider.OIDC_PROFILE_ISSUER})
@ActiveProfiles({"demo", "oidc"})
class WebLoginProviderDownIT {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final ClosingProvider PROVIDER = new ClosingProvider();
    private static final String ISSUER = "http://localhost:" + PROVIDER.port() + "/realms/spoorwijzer";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void providerDown(DynamicPropertyRegistry registry) {
        registry.add("spoorwijzer.security.oidc.issuer-uri", () -> ISSUER);
        registry.add("spoorwijzer.security.oidc.audience", () -> TestIdentityProvider.AUDIENCE);
        registry.add("spoorwijzer.security.oidc.client-id", () -> TestIdentityProvider.AUDIENCE);
        registry.add("spoorwijzer.security.oidc.client-secret", () -> "");
    }

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void withinThePauseAfterAFailureTheProviderIsNotAskedAgain() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(1)); // past any pause left by the other tests
        ClockUtil.setCurrentTime(Date.from(start));
        String token = "Bearer " + TestIdentityProvider.token("anouk", Map.of("groups", List.of("werkgever")));

        for (String[] request : new String[][] {{"/oauth2/authorization/spoorwijzer", null}, {"/api/me", token}}) {
            int before = PROVIDER.connections();
            assertThat(get(request[0], "application/json", request[1]).statusCode()).isEqualTo(503);
            assertThat(PROVIDER.connections()).as("%s asks the provider", request[0]).isGreaterThan(before);

            int asked = PROVIDER.connections();
            ClockUtil.setCurrentTime(Date.from(start.plus(ProviderOnce.PAUSE_AFTER_FAILURE).minusSeconds(1)));
            for (int i = 0; i < 5; i++) {
                assertThat(get(request[0], "application/json", request[1]).statusCode()).isEqualTo(503);
            }
            assertThat(PROVIDER.connections()).as("%s within the pause", request[0]).isEqualTo(asked);

            ClockUtil.setCurrentTime(Date.from(start.plus(ProviderOnce.PAUSE_AFTER_FAILURE)));
            assertThat(get(request[0], "application/json", request[1]).statusCode()).isEqualTo(503);
            assertThat(PROVIDER.connections()).as("%s after the pause", request[0]).isGreaterThan(asked);
            ClockUtil.setCurrentTime(Date.from(start));
        }
    }

    @Test
    void aPersonWhoWantsToSignInIsToldTheSignInServiceCannotBeReached() throws Exception {
        HttpResponse<String> caseScreen = get("/zaken", HTML, null);
        assertThat(caseScreen.statusCode()).isEqualTo(302);
        String toProvider = caseScreen.headers().firstValue("Location").orElseThrow();
        assertThat(toProvider).endsWith("/oauth2/authorization/spoorwijzer");

        HttpResponse<String> page = get(toProvider.replaceFirst("^https?://[^/]+", ""), HTML, null);

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"nl\">", "De inlogdienst is nu niet bereikbaar", "beheerder",
                        "<a href=\"" + ErrorPage.START_PAGE + "\">Opnieuw proberen</a>")
                .doesNotContain("refused", "Connection", "localhost", "Exception", "realms");
    }

    @Test
    void aBackgroundRequestIsAnsweredWithProblemDetails() throws Exception {
        HttpResponse<String> answer = get("/oauth2/authorization/spoorwijzer", "application/json", null);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asText()).startsWith("De inlogdienst is nu niet bereikbaar");
        assertThat(answer.body()).doesNotContain("localhost", "Exception");
    }

    @Test
    void aBearerTokenCannotBeCheckedAndIsAnswered503NotAServerError() throws Exception {
        String token = TestIdentityProvider.token("anouk", Map.of("groups", List.of("werkgever")));

        HttpResponse<String> answer = get("/api/me", "application/json", "Bearer " + token);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("identity-provider-unreachable").doesNotContain("localhost", "Exception");
    }

    private HttpResponse<String> get(String path, String accept, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Accept-Language", "nl").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A provider that accepts every connection and closes it at once, without an answer; counts them. */
    private static final class ClosingProvider {

        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        ClosingProvider() {
            try {
                socket = new ServerSocket(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException ignored) {
                        // the next one
                    }
                }
            }, "closing-provider");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }
    }
}
