package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.support.TestIdentityProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browser sign-in through a real OpenID Connect provider (started in this JVM, its interactive login page), at
 * the HTTP level: the webapps and the platform's pages send a visitor without a sign-in to the provider (with PKCE),
 * each browser's session is its own person's, and signing out needs the session's CSRF token and ends the session.
 * A sign-in the provider refuses, or an answer to a sign-in this browser did not start, ends on a Dutch page (401)
 * without the provider's text; a person who opens the case screen first gets the session's CSRF token there and can
 * make a change. (The provider being down: {@link WebLoginProviderDownIT}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestIdentityProvider.OIDC_PROFILE_START, TestIdentityProvider.OIDC_PROFILE_ISSUER})
@ActiveProfiles({"demo", "oidc"})
class WebLoginIT {

    private static final Map<String, Object> WERKGEVER_ACME =
            Map.of("groups", List.of("werkgever"), "organisation", "acme-bouw");
    private static final Map<String, Object> WERKGEVER_ZORGGROEP =
            Map.of("groups", List.of("werkgever"), "organisation", "zorggroep-noord");

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired JwtDecoderFactory<ClientRegistration> idTokenDecoders;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.configureWebLogin(registry);
    }

    @Test
    void aVisitorWithoutSignInIsSentToTheProviderWithPkce() throws Exception {
        Browser browser = new Browser();
        for (String page : List.of("/camunda/app/tasklist/", "/zaken", "/overzicht", "/procesbeheer")) {
            HttpResponse<String> first = browser.get(url(page));
            assertThat(first.statusCode()).as(page).isEqualTo(302);
            assertThat(location(first)).as(page).endsWith("/oauth2/authorization/spoorwijzer");
        }
        HttpResponse<String> toProvider = browser.get(url("/oauth2/authorization/spoorwijzer"));

        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(location(toProvider)).startsWith(TestIdentityProvider.issuer() + "/authorize")
                .contains("client_id=spoorwijzer", "code_challenge=", "code_challenge_method=S256",
                        "redirect_uri=" + url("/login/oauth2/code/spoorwijzer"));
    }

    @Test
    void theWebappsApiAsksForASignInWithoutRedirecting() throws Exception {
        HttpResponse<String> response = new Browser().get(url("/camunda/api/admin/auth/user/default"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("detail").asText()).startsWith("U bent niet ingelogd");
    }

    @Test
    void aSignInTheProviderRefusesEndsOnADutchPageWithoutTheProvidersText() throws Exception {
        Browser anna = new Browser();
        HttpResponse<String> toProvider = anna.get(url("/oauth2/authorization/spoorwijzer"));
        String state = URLDecoder.decode(location(toProvider).replaceAll(".*[?&]state=([^&]*).*", "$1"),
                StandardCharsets.UTF_8);

        // The provider sends the browser back with an error for the sign-in this browser started.
        HttpResponse<String> refused = anna.get(url("/login/oauth2/code/spoorwijzer?error=access_denied"
                + "&error_description=" + URLEncoder.encode("policy MFA-7 failed at node kc-2", StandardCharsets.UTF_8)
                + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)), HTML);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("<html lang=\"nl\">", "Inloggen is geweigerd", "beheerder",
                        "<a href=\"" + ErrorPage.START_PAGE + "\">Opnieuw inloggen</a>")
                .doesNotContain("access_denied", "MFA-7", "kc-2", "Exception", "at org.");
        assertThat(anna.get(url("/api/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void anAnswerToASignInThisBrowserDidNotStartIsRefusedWithTheSamePage() throws Exception {
        Browser stranger = new Browser();
        String forged = url("/login/oauth2/code/spoorwijzer?error=access_denied&state=x");

        HttpResponse<String> page = stranger.get(forged, HTML);
        HttpResponse<String> background = stranger.get(forged, "application/json");

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("Inloggen is geweigerd").doesNotContain("authorization_request_not_found");
        assertThat(background.statusCode()).isEqualTo(401);
        assertThat(background.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(background.body());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asText()).startsWith("Inloggen is geweigerd");
    }

    @Test
    void aPersonWhoOpensTheCaseScreenFirstGetsTheSessionsCsrfTokenAndCanMakeAChange() throws Exception {
        Browser anouk = new Browser();
        anouk.signIn("/zaken", "anouk", WERKGEVER_ACME);

        // Camunda's CSRF filter issued the session's token on the case screen itself: no webapp was opened.
        String token = anouk.csrfToken();
        assertThat(json.readTree(anouk.get(url("/api/me")).body()).path("csrfToken").asText()).isEqualTo(token);
        String report = """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}"""
                .formatted(LocalDate.now(ZoneId.of("Europe/Amsterdam")));
        assertThat(anouk.postJson(url("/api/cases"), report, null).statusCode()).isEqualTo(403);

        HttpResponse<String> reported = anouk.postJson(url("/api/cases"), report, token);

        try {
            assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        } finally {
            String caseId = reported.statusCode() == 201 ? json.readTree(reported.body()).path("caseId").asText() : null;
            if (caseId != null) {
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).list()
                        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
                engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                        .list().forEach(p -> engine.getHistoryService().deleteHistoricProcessInstanceIfExists(p.getId()));
            }
        }
    }

    @Test
    void eachSessionIsItsOwnPersonsWithTheRolesAndEmployersOfItsClaims() throws Exception {
        Browser anna = new Browser();
        Browser daan = new Browser();
        anna.signIn("anouk", WERKGEVER_ACME);
        daan.signIn("daan", WERKGEVER_ZORGGROEP);

        JsonNode annasMe = json.readTree(anna.get(url("/api/me")).body());
        JsonNode daansMe = json.readTree(daan.get(url("/api/me")).body());

        // anouk exists only at the provider: who she is, her roles and employers all come from the claims.
        assertThat(annasMe.path("userId").asText()).isEqualTo("anouk");
        assertThat(annasMe.path("groups")).extracting(JsonNode::asText).containsExactly("werkgever");
        assertThat(annasMe.path("employers")).extracting(e -> e.path("id").asText()).containsExactly("acme-bouw");
        assertThat(daansMe.path("userId").asText()).isEqualTo("daan");
        assertThat(daansMe.path("employers")).extracting(e -> e.path("id").asText())
                .containsExactly("zorggroep-noord");
        // Camunda's webapps got the same login from the session (container-based authentication).
        JsonNode webappLogin = json.readTree(anna.get(url("/camunda/api/admin/auth/user/default")).body());
        assertThat(webappLogin.path("userId").asText()).isEqualTo("anouk");
        assertThat(webappLogin.path("authorizedApps")).extracting(JsonNode::asText).contains("tasklist");
        // A third browser has no one's session.
        assertThat(new Browser().get(url("/api/me")).statusCode()).isEqualTo(401);
        // The ID tokens were checked by the platform's decoder (the provider's keys read with timeouts).
        assertThat(idTokenDecoders).isInstanceOfSatisfying(IdTokenDecoders.class,
                decoders -> assertThat(decoders.registrations()).containsExactly(WebLoginSettings.REGISTRATION_ID));
    }

    @Test
    void aSignInWithTheUserIdOfALocalTechnicalAccountIsRefused() throws Exception {
        // modeler-deploy is the demo's technical account (group technische-accounts): a person at the provider with
        // that id would otherwise act with its grants in the webapps.
        Browser impostor = new Browser();

        HttpResponse<String> answer = impostor.attemptSignIn("/camunda/app/tasklist/default/", "modeler-deploy",
                Map.of("groups", List.of("procesbeheerder")));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.body()).contains("Inloggen is geweigerd");
        assertThat(impostor.get(url("/api/me")).statusCode()).isEqualTo(401);
        assertThat(impostor.get(url("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSessionAndSendsTheBrowserToTheProvidersEndSession() throws Exception {
        Browser anna = new Browser();
        anna.signIn("anouk", WERKGEVER_ACME);
        assertThat(anna.get(url("/api/me")).statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = anna.post(url("/camunda/api/admin/auth/user/default/logout"),
                anna.csrfToken());

        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(json.readTree(signedOut.body()).path("endSessionUrl").asText())
                .startsWith(TestIdentityProvider.issuer() + "/endsession")
                .contains("id_token_hint=", "post_logout_redirect_uri=");
        assertThat(anna.get(url("/api/me")).statusCode()).isEqualTo(401);
        HttpResponse<String> tasklist = anna.get(url("/camunda/app/tasklist/default/"));
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(location(tasklist)).endsWith("/oauth2/authorization/spoorwijzer");
    }

    @Test
    void thePlatformsSignOutRedirectsToTheProvidersEndSession() throws Exception {
        Browser anna = new Browser();
        anna.signIn("anouk", WERKGEVER_ACME);

        HttpResponse<String> signedOut = anna.post(url("/uitloggen"), anna.csrfToken());

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(location(signedOut)).startsWith(TestIdentityProvider.issuer() + "/endsession");
        assertThat(anna.get(url("/api/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void aSignOutWithoutTheSessionsCsrfTokenIsRefusedByCamundasCsrfFilter() throws Exception {
        Browser anna = new Browser();
        anna.signIn("anouk", WERKGEVER_ACME);

        HttpResponse<String> refused = anna.post(url("/camunda/api/admin/auth/user/default/logout"), null);

        // Camunda's CSRF filter refuses it (and ends the session, as it does for any request without the token);
        // the provider's session is not ended from another site's page.
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("endSessionUrl");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** A browser of its own (cookies), following redirects by hand. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** Opens Tasklist, is sent to the provider and signs in on its login page with the user and the claims. */
        void signIn(String userId, Map<String, Object> claims) throws Exception {
            signIn("/camunda/app/tasklist/default/", userId, claims);
        }

        /** Opens the page, is sent to the provider and signs in there; ends on the page (200). */
        void signIn(String page, String userId, Map<String, Object> claims) throws Exception {
            HttpResponse<String> response = attemptSignIn(page, userId, claims);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        /** As {@link #signIn}, the platform's last answer after the provider's login page, whatever it is. */
        HttpResponse<String> attemptSignIn(String page, String userId, Map<String, Object> claims) throws Exception {
            String next = url(page);
            HttpResponse<String> response = get(next);
            while (response.statusCode() == 302 && !location(response).startsWith(TestIdentityProvider.issuer())) {
                response = get(absolute(location(response)));
            }
            String loginPage = location(response);
            assertThat(get(loginPage).body()).contains("name=\"username\"");
            String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&claims="
                    + URLEncoder.encode(TestIdentityProvider.claimsJson(userId, claims), StandardCharsets.UTF_8);
            response = client.send(HttpRequest.newBuilder(URI.create(loginPage))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            while (response.statusCode() == 302) {
                response = get(absolute(location(response)));
            }
            return response;
        }

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return get(url, "*/*");
        }

        HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "nl")
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(String url, String body, String csrfToken)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (csrfToken != null) {
                request.header("X-XSRF-TOKEN", csrfToken);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, String csrfToken) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (csrfToken != null) {
                request.header("X-XSRF-TOKEN", csrfToken);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Camunda's CSRF token of this session, as the webapps read it from the cookie XSRF-TOKEN. */
        String csrfToken() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .findFirst().orElseThrow().getValue();
        }

        private String absolute(String location) {
            return location.startsWith("http") ? location : url(location);
        }
    }
}
