package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformSecurityIT {

    private static final String OUTSIDER = "buitenstaander";

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired IdentityService identityService;
    @Autowired ObjectMapper objectMapper;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        TestUsers.ensureUserWithoutRights(identityService, OUTSIDER);
    }

    @Test
    void engineRestRefusesCallersWithoutCredentials() {
        HttpResponse<String> response = http.get("/engine-rest/task");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void engineRestRefusesAWrongPasswordAndAcceptsTheDemoAdmin() {
        assertThat(http.get("/engine-rest/task", "demo", "wrong").statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/task", "demo", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void apiRefusesCallersWithoutCredentialsWithProblemDetails() throws Exception {
        HttpResponse<String> response = http.get("/api/timeline?firstSickDay=2024-01-08");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(objectMapper.readTree(response.body()).path("status").asInt()).isEqualTo(401);
        assertThat(http.get("/api/timeline?firstSickDay=2024-01-08", "demo", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void authorizationChecksApplyToAuthenticatedRestCalls() throws Exception {
        assertThat(processEngine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();

        JsonNode asAdmin = objectMapper.readTree(http.get("/engine-rest/process-definition", "demo", "demo").body());
        JsonNode asOutsider = objectMapper.readTree(
                http.get("/engine-rest/process-definition", OUTSIDER, OUTSIDER).body());

        assertThat(asAdmin.size()).isPositive();
        assertThat(asOutsider.size()).as("a user without grants sees no process definitions").isZero();
    }

    @Test
    void webappLoginWithoutCsrfTokenIsRefused() {
        HttpRequest login = http.request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo"))
                .build();

        assertThat(http.send(login).statusCode()).isEqualTo(403);
    }

    @Test
    void tasklistIsServed() {
        HttpResponse<String> response = http.get("/camunda/app/tasklist/default/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsIgnoringCase("tasklist");
    }
}
