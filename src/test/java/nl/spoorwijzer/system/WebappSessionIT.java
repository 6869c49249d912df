package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One login for the webapps and the platform: a user logged in to Tasklist (its login call, with the XSRF cookie and
 * header) uses {@code /api} and the case screen with that session — changes only with the session's CSRF token —
 * and no longer after logging out. HTTP Basic keeps working; a browser is never sent a Basic challenge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappSessionIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired DossierRepository dossier;
    HttpTestClient basic;
    String caseId;

    @BeforeEach
    void openCase() throws IOException {
        basic = new HttpTestClient(port);
        HttpResponse<String> opened = basic.post("/api/cases", """
                {"employeeId": "piet", "employerId": "acme-bouw", "firstSickDay": "%s"}"""
                .formatted(LocalDate.now(ApiCases.AMSTERDAM).minusDays(10)), "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        caseId = json.readTree(opened.body()).path("caseId").asText();
    }

    @AfterEach
    void deleteCases() {
        engine.getRuntimeService().createProcessInstanceQuery().list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
    }

    @Test
    void aTasklistLoginReadsTheApiWithoutASecondPassword() throws Exception {
        Browser anna = Browser.loggedIn(port, "anna");

        HttpResponse<String> cases = anna.get("/api/cases");
        assertThat(cases.statusCode()).as(cases.body()).isEqualTo(200);
        assertThat(cases.headers().firstValue("WWW-Authenticate")).isEmpty();
        JsonNode listed = json.readTree(cases.body());
        assertThat(listed.findValuesAsText("caseId")).contains(caseId);
        assertThat(listed.findValuesAsText("employeeName")).contains("Piet Peters");
        assertThat(listed.findValuesAsText("employerName")).isNotEmpty();

        JsonNode view = json.readTree(anna.get("/api/cases/" + caseId).body());
        assertThat(view.path("employeeName").asText()).isEqualTo("Piet Peters");
        assertThat(view.path("openTasks").get(0).path("taskId").asText()).isNotBlank();
        assertThat(json.convertValue(view.path("actions"), List.class)).contains("recovery", "uwvDecision");

        JsonNode me = json.readTree(anna.get("/api/me").body());
        assertThat(me.path("userId").asText()).isEqualTo("anna");
        assertThat(me.path("csrfToken").asText()).isEqualTo(anna.csrfCookie());
    }

    @Test
    void aChangeWithTheSessionNeedsItsCsrfTokenOrNothingIsStored() throws Exception {
        Browser anna = Browser.loggedIn(port, "anna");
        String recovery = """
                {"date": "%s"}""".formatted(LocalDate.now(ApiCases.AMSTERDAM).minusDays(1));

        HttpResponse<String> withoutToken = anna.post("/api/cases/" + caseId + "/recovery", recovery, null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(json.readTree(withoutToken.body()).path("field").asText()).isEqualTo("X-XSRF-TOKEN");
        HttpResponse<String> wrongToken = anna.post("/api/cases/" + caseId + "/recovery", recovery, "forged");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(dossier.findByCase(caseId)).noneMatch(entry -> entry.type() == DossierEntryType.RECOVERY);

        HttpResponse<String> withToken = anna.post("/api/cases/" + caseId + "/recovery", recovery,
                anna.csrfCookie());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(json.readTree(withToken.body()).path("status").asText()).isEqualTo("RECOVERED");
        assertThat(dossier.findByCase(caseId)).anyMatch(entry -> entry.type() == DossierEntryType.RECOVERY
                && "anna".equals(entry.recordedBy()));
    }

    @Test
    void basicAuthenticationKeepsWorkingWithoutACsrfToken() {
        HttpResponse<String> recovered = basic.post("/api/cases/" + caseId + "/recovery", """
                {"date": "%s", "percentage": 50}""".formatted(LocalDate.now(ApiCases.AMSTERDAM).minusDays(1)),
                "anna", "anna");
        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
    }

    @Test
    void noChangeComesFromAnotherSitesPageEvenWithBasicCredentials() {
        String recovery = """
                {"date": "%s", "percentage": 50}""".formatted(LocalDate.now(ApiCases.AMSTERDAM).minusDays(1));
        for (String site : new String[] {"cross-site", "same-site"}) {
            HttpResponse<String> forged = basic.send(basic.request("/api/cases/" + caseId + "/recovery")
                    .header("Authorization", HttpTestClient.basic("anna", "anna"))
                    .header("Content-Type", "application/json").header("Sec-Fetch-Site", site)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(recovery)).build());
            assertThat(forged.statusCode()).as(site).isEqualTo(403);
        }
        assertThat(dossier.findByCase(caseId)).noneMatch(entry -> entry.type() == DossierEntryType.RECOVERY);
        HttpResponse<String> sameOrigin = basic.send(basic.request("/api/cases/" + caseId + "/recovery")
                .header("Authorization", HttpTestClient.basic("anna", "anna"))
                .header("Content-Type", "application/json").header("Sec-Fetch-Site", "same-origin")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(recovery)).build());
        assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(200);
    }

    @Test
    void onlyAPlainClientIsSentTheBasicChallenge() {
        HttpResponse<String> plain = basic.get("/api/cases");
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(plain.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));

        HttpResponse<String> fromBrowser = basic.send(basic.request("/api/cases")
                .header("Sec-Fetch-Mode", "cors").header("Accept-Language", "nl").GET().build());
        assertThat(fromBrowser.statusCode()).isEqualTo(401);
        assertThat(fromBrowser.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(fromBrowser.body()).contains("U bent niet ingelogd");
    }

    @Test
    void loggingOutOfTasklistEndsAccessToTheApi() {
        Browser anna = Browser.loggedIn(port, "anna");
        assertThat(anna.get("/api/cases").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = anna.send(anna.request("/camunda/api/admin/auth/user/default/logout")
                .header("X-XSRF-TOKEN", anna.csrfCookie()).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(logout.statusCode()).isEqualTo(200);

        HttpResponse<String> after = anna.get("/api/cases");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).as("no password dialog in the browser").isEmpty();
    }

    @Test
    void theCaseScreenSendsAVisitorWithoutLoginToTasklistAndServesTheLoggedInUser() {
        HttpResponse<String> anonymous = basic.get("/zaken/" + caseId);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/camunda/app/tasklist/default/"));

        HttpResponse<String> page = Browser.loggedIn(port, "anna").get("/zaken/" + caseId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"nl\">", "/zaken/assets/zaak.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(Browser.loggedIn(port, "anna").get("/zaken").body()).contains("/zaken/assets/zaken.js");
    }

    @Test
    void theOverviewSendsAVisitorWithoutLoginToTasklistAndServesTheLoggedInUser() {
        HttpResponse<String> anonymous = basic.get("/overzicht");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/camunda/app/tasklist/default/"));

        HttpResponse<String> page = Browser.loggedIn(port, "anna").get("/overzicht");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"nl\">", "/overzicht/overzicht.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
    }

    @Test
    void theSessionCookieStaysHttpOnlyAndSameSite() {
        Browser anna = new Browser(port);
        anna.get("/camunda/app/tasklist/default/");
        HttpResponse<String> login = anna.logIn("anna");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    /** A browser's cookie jar: the session cookie and Camunda's XSRF-TOKEN cookie (Path /camunda). */
    static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client;
        private final String base;

        Browser(int port) {
            this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
            this.base = "http://localhost:" + port;
        }

        /** Logs in as Tasklist does: a page load hands out the XSRF cookie, the login form sends it back. */
        static Browser loggedIn(int port, String user) {
            Browser browser = new Browser(port);
            browser.get("/camunda/app/tasklist/default/");
            HttpResponse<String> login = browser.logIn(user);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // The login starts a new session; its first request to the webapps issues the session's token.
            browser.get("/camunda/api/admin/auth/user/default");
            return browser;
        }

        HttpResponse<String> logIn(String user) {
            return send(request("/camunda/api/admin/auth/user/default/login/tasklist")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", csrfCookie())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build());
        }

        String csrfCookie() {
            return cookies.getCookieStore().get(URI.create(base + "/camunda/")).stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .reduce((first, latest) -> latest).orElseThrow();
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Sec-Fetch-Mode", "cors");
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET().build());
        }

        HttpResponse<String> post(String path, String body, String csrfToken) {
            HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (csrfToken != null) {
                builder.header("X-XSRF-TOKEN", csrfToken);
            }
            return send(builder.build());
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
