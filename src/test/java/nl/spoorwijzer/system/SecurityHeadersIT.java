package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every kind of answer of both APIs carries the security headers, also refusals written before any controller. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersIT {

    private static final String STRICT_CSP = "default-src 'none'; frame-ancestors 'none'";

    @LocalServerPort int port;
    @Autowired ObjectMapper objectMapper;
    @Autowired ProcessEngine engine;
    HttpTestClient http;
    ApiCases cases;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, objectMapper, engine);
    }

    @AfterEach
    void cleanUp() {
        cases.deleteAll("poortwachter");
    }

    @Test
    void apiJsonProblemAndUnauthorizedAnswersAreNotStoredSniffedOrFramed() {
        HttpResponse<String> ok = http.get("/api/timeline?firstSickDay=2024-01-08", "anna", "anna");
        HttpResponse<String> problem = http.get("/api/timeline?firstSickDay=gisteren", "anna", "anna");
        HttpResponse<String> unauthorized = http.get("/api/timeline?firstSickDay=2024-01-08");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(problem.statusCode()).isEqualTo(400);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        for (HttpResponse<String> response : new HttpResponse[] {ok, problem, unauthorized}) {
            assertProtected(response);
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).startsWith(STRICT_CSP).doesNotContain("unsafe-inline"));
        }
    }

    @Test
    void theHtmlReportMayUseItsOwnInlineStylesAndNothingElse() {
        LocalDate firstSickDay = LocalDate.of(2024, 1, 8);
        String caseId = cases.reportAndPlay(firstSickDay, firstSickDay.plusDays(1), SimulatedAnswers::onTime, 0);

        HttpResponse<String> html = http.send(http.request("/api/cases/" + caseId + "/reintegration-report")
                .header("Authorization", HttpTestClient.basic("anna", "anna")).header("Accept", "text/html").GET()
                .build());

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<style>");
        assertProtected(html);
        assertThat(html.headers().allValues("Content-Security-Policy")).singleElement().satisfies(csp ->
                assertThat(csp).startsWith("default-src 'none'; style-src 'unsafe-inline';")
                        .contains("frame-ancestors 'none'").doesNotContain("script-src"));
    }

    @Test
    void engineRestAnswersAreNotStoredEvenWhereCamundaAllowsCaching() {
        HttpResponse<String> ok = http.get("/engine-rest/task", "demo", "demo");
        HttpResponse<String> unauthorized = http.get("/engine-rest/task");
        HttpResponse<String> notFound = http.get("/engine-rest/task/no-such-task", "demo", "demo");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(notFound.statusCode()).isEqualTo(404);
        for (HttpResponse<String> response : new HttpResponse[] {ok, unauthorized, notFound}) {
            assertProtected(response);
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).startsWith(STRICT_CSP));
        }
    }

    @Test
    void strictTransportSecurityOnlyOverTls() {
        for (String path : new String[] {"/api/timeline?firstSickDay=2024-01-08", "/engine-rest/task",
                "/camunda/app/tasklist/default/"}) {
            HttpResponse<String> overTls = http.send(http.request(path)
                    .header("Authorization", HttpTestClient.basic("demo", "demo"))
                    .header("X-Forwarded-Proto", "https").GET().build());
            HttpResponse<String> plain = http.get(path, "demo", "demo");

            assertThat(overTls.statusCode()).as(path).isEqualTo(200);
            assertThat(overTls.headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).startsWith("max-age=31536000"));
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
        HttpResponse<String> unauthorizedOverTls = http.send(http.request("/api/timeline?firstSickDay=2024-01-08")
                .header("X-Forwarded-Proto", "https").GET().build());
        assertThat(unauthorizedOverTls.statusCode()).isEqualTo(401);
        assertThat(unauthorizedOverTls.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void sessionCookiesAreNotMarkedSecureOnTheLocalHttpTryOut() {
        HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(
                http.request("/camunda/app/tasklist/default/").build().uri()).GET().build());

        assertThat(tasklist.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
    }

    private static void assertProtected(HttpResponse<String> response) {
        String request = response.request().method() + " " + response.request().uri() + " -> " + response.statusCode();
        assertThat(response.headers().allValues("Cache-Control")).as(request).containsExactly("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(request).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(request).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'"));
    }
}
