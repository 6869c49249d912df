package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.TestIdentityProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bearer tokens of a real OpenID Connect provider (started in this JVM) on {@code /api} and {@code /engine-rest}:
 * who the caller is, its roles and employers all come from the token's claims — the users here exist only at the
 * provider, not in Camunda's user table — and the engine authorizations decide as for a local user. With the provider
 * on, a local password counts only for a technical account (system/LocalPasswordPolicy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TokenLoginIT {

    private static final Map<String, Object> WERKGEVER_ACME =
            Map.of("groups", List.of("werkgever"), "organisation", "acme-bouw");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    HttpTestClient http;
    String acmeCase;
    String zorggroepCase;
    final List<String> deployments = new ArrayList<>();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.configure(registry);
    }

    @BeforeAll
    void twoCasesOfTwoEmployers() throws IOException {
        http = new HttpTestClient(port);
        // Reported by the demo werkgevers, signed in with tokens: their local passwords no longer count.
        acmeCase = report("anna", "tim", "acme-bouw");
        zorggroepCase = report("daan", "noor", "zorggroep-noord");
    }

    @AfterAll
    void deleteCases() {
        for (String caseId : List.of(acmeCase, zorggroepCase)) {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).list()
                    .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test"));
        }
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void theCallerIsWhoTheTokenSaysEvenWithoutALocalUser() throws IOException {
        assertThat(engine.getIdentityService().createUserQuery().userId("anouk").count()).isZero();

        JsonNode me = json.readTree(get("/api/me", token("anouk", WERKGEVER_ACME)).body());

        assertThat(me.path("userId").asText()).isEqualTo("anouk");
        assertThat(me.path("groups")).extracting(JsonNode::asText).containsExactly("werkgever");
        assertThat(me.path("employers")).extracting(employer -> employer.path("id").asText())
                .containsExactly("acme-bouw");
    }

    @Test
    void aWerkgeverOfAcmeSeesAcmesCaseAndNotZorggroepNoordsOne() throws IOException {
        String token = token("anouk", WERKGEVER_ACME);

        HttpResponse<String> cases = get("/api/cases", token);
        assertThat(cases.statusCode()).isEqualTo(200);
        assertThat(cases.body()).contains(acmeCase).doesNotContain(zorggroepCase);
        assertThat(get("/api/cases/" + acmeCase, token).statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/" + zorggroepCase, token).statusCode()).isIn(403, 404);

        JsonNode instances = json.readTree(get("/engine-rest/process-instance?processDefinitionKey=poortwachter",
                token).body());
        assertThat(instances).extracting(instance -> instance.path("businessKey").asText())
                .contains(acmeCase).doesNotContain(zorggroepCase);
        // The same user with Zorggroep Noord in its token sees the other case only.
        String zorggroep = token("anouk", Map.of("groups", List.of("werkgever"), "tenants", List.of("zorggroep-noord")));
        assertThat(get("/api/cases", zorggroep).body()).contains(zorggroepCase).doesNotContain(acmeCase);
    }

    @Test
    void anOrganisationServingEmployersBringsTheEmployersItServesInCamundaAdmin() throws IOException {
        // Arbodienst West serves acme-bouw (its tenant membership, kept in Camunda Admin).
        JsonNode me = json.readTree(get("/api/me", token("evelien",
                Map.of("groups", List.of("bedrijfsarts"), "organisation", "arbo-west"))).body());

        assertThat(me.path("groups")).extracting(JsonNode::asText).containsExactlyInAnyOrder("bedrijfsarts",
                "arbo-west");
        assertThat(me.path("employers")).extracting(employer -> employer.path("id").asText())
                .containsExactly("acme-bouw");
    }

    @Test
    void keycloaksGroupPathsAndASingleTenantAsTextAreUnderstood() throws IOException {
        JsonNode me = json.readTree(get("/api/me", token("anouk",
                Map.of("groups", List.of("/werkgever"), "tenants", "zorggroep-noord"))).body());

        assertThat(me.path("groups")).extracting(JsonNode::asText).containsExactly("werkgever");
        assertThat(me.path("employers")).extracting(employer -> employer.path("id").asText())
                .containsExactly("zorggroep-noord");
    }

    @Test
    void neitherClaimCanStandInForAnotherRoleOrTheAdministrators() throws IOException {
        // An organisation attribute set to a role or to the administrators' group, a subgroup path ending in one,
        // and an id the platform does not know: none becomes a group of the caller.
        JsonNode me = json.readTree(get("/api/me", token("mallory", Map.of(
                "groups", List.of("werkgever", "/acme-bouw/camunda-admin", "geen-groep"),
                "organisation", "camunda-admin"))).body());
        assertThat(me.path("groups")).extracting(JsonNode::asText).containsExactly("werkgever");

        JsonNode asRole = json.readTree(get("/api/me", token("mallory", Map.of("organisation", "bedrijfsarts")))
                .body());
        assertThat(asRole.path("groups")).as("an organisation claim naming a role").isEmpty();
        assertThat(get("/engine-rest/user", token("mallory", Map.of("organisation", "camunda-admin"))).body())
                .doesNotContain("\"demo\"");
    }

    @Test
    void aTokenWithoutExpiryOrAnIdTokenIsRefusedWith401() throws IOException {
        Map<String, Object> idToken = new java.util.LinkedHashMap<>(WERKGEVER_ACME);
        idToken.put("typ", "ID");
        assertRefused(get("/api/cases", token("anouk", idToken)));
        assertRefused(get("/api/cases", TestIdentityProvider.tokenWithoutExpiry("anouk", WERKGEVER_ACME)));
    }

    @Test
    void aTokenForAnotherApplicationOrWithoutUserIdIsRefusedWith401() throws IOException {
        assertRefused(get("/api/cases", TestIdentityProvider.tokenFor("ander-systeem", "anouk", WERKGEVER_ACME)));
        assertRefused(get("/engine-rest/process-instance", TestIdentityProvider.token(null, WERKGEVER_ACME)));
    }

    @Test
    void aTokenWithoutRolesSeesNothing() {
        String token = token("onbekend", Map.of());

        assertThat(get("/api/cases", token).body()).doesNotContain(acmeCase).doesNotContain(zorggroepCase);
        assertThat(get("/engine-rest/process-definition", token).body()).isEqualTo("[]");
    }

    @Test
    void theProcessOwnerDeploysLikeCamundaModelerWithATokenAndAWerkgeverMayNot() throws IOException {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="tokenmodel" name="Tokenmodel" isExecutable="true"
                      camunda:historyTimeToLive="P1D" camunda:versionTag="1">
                    <bpmn:startEvent id="start" name="Start"/>
                  </bpmn:process>
                </bpmn:definitions>""";

        HttpResponse<String> deployed = deploy(model, token("pieter", Map.of("groups", List.of("procesbeheerder"))));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        deployments.add(json.readTree(deployed.body()).path("id").asText());
        assertThat(deploy(model, token("anouk", WERKGEVER_ACME)).statusCode()).isEqualTo(403);
    }

    @Test
    void anExpiredTokenIsRefusedWith401AndNoInternals() throws IOException {
        String expired = TestIdentityProvider.token("anouk", WERKGEVER_ACME, -300);

        for (String path : List.of("/api/cases", "/engine-rest/process-instance")) {
            assertRefused(get(path, expired));
        }
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedWith401() throws IOException {
        String foreign = TestIdentityProvider.foreignToken("anouk", WERKGEVER_ACME);

        for (String path : List.of("/api/cases", "/engine-rest/process-instance")) {
            assertRefused(get(path, foreign));
        }
    }

    @Test
    void aTamperedTokenIsRefusedWith401() throws IOException {
        String[] parts = token("anouk", WERKGEVER_ACME).split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("acme-bouw", "zorggroep-noord");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(get("/api/cases", tampered));
    }

    @Test
    void aTechnicalAccountStillSignsInWithHttpBasicAPersonsLocalPasswordNoLonger(CapturedOutput output) {
        // modeler-deploy: the demo's technical account (group technische-accounts), Camunda Modeler's deploy login.
        assertThat(http.get("/api/me", "modeler-deploy", "modeler-deploy").statusCode()).isEqualTo(200);
        assertThat(http.get("/engine-rest/deployment", "modeler-deploy", "modeler-deploy").statusCode())
                .isEqualTo(200);
        HttpResponse<String> wrongPassword = http.get("/engine-rest/task", "modeler-deploy", "fout");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        // anna's local password is right, but she is a person: she signs in at the provider, with two factors.
        for (String path : List.of("/api/me", "/engine-rest/task")) {
            HttpResponse<String> refused = http.get(path, "anna", "anna");
            HttpResponse<String> wrong = http.get(path, "modeler-deploy", "fout");
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            // Nothing tells that the password was right: the same answer as for a wrong one.
            assertThat(refused.body()).as(path).isEqualTo(wrong.body());
            assertThat(refused.headers().firstValue("WWW-Authenticate")).as(path)
                    .isEqualTo(wrong.headers().firstValue("WWW-Authenticate"));
        }
        assertThat(output.getOut()).contains("Local password of 'anna' refused")
                .contains("Failed login for account 'anna'").contains("(local-password-refused)")
                .doesNotContain("YW5uYTphbm5h"); // anna:anna, as sent
        // The wrong passwords made the engine delay modeler-deploy's next sign-in; other tests sign in with it.
        engine.getIdentityService().unlockUser("modeler-deploy");
    }

    @Test
    void camundasLoginFormTakesOnlyATechnicalAccountsPassword() {
        // No client id here, so no browser sign-in at the provider: the webapps keep Camunda's login form.
        HttpResponse<String> page = http.send(http.request("/camunda/app/tasklist/default/").GET().build());
        String csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList());

        assertThat(http.send(webappLogin(csrfToken, cookies, "tasklist", "anna", "anna")).statusCode())
                .isEqualTo(401);
        // The process owner's group opens Cockpit (not Tasklist: 403 there, after the password was taken).
        assertThat(http.send(webappLogin(csrfToken, cookies, "cockpit", "modeler-deploy", "modeler-deploy"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWithATechnicalAccountsUserIdIsRefusedAndItsGroupIsNobodysClaim() throws IOException {
        // A person at the provider with the id of Modeler's deploy account would otherwise act with its grants.
        assertRefused(get("/engine-rest/deployment", token("modeler-deploy", Map.of("groups",
                List.of("procesbeheerder")))));
        assertRefused(get("/api/me", token("modeler-deploy", Map.of())));

        JsonNode me = json.readTree(get("/api/me", token("mallory", Map.of(
                "groups", List.of("werkgever", "technische-accounts"), "organisation", "technische-accounts")))
                .body());
        assertThat(me.path("groups")).extracting(JsonNode::asText).containsExactly("werkgever");
    }

    private HttpRequest webappLogin(String csrfToken, String cookies, String app, String user, String password) {
        return http.request("/camunda/api/admin/auth/user/default/login/" + app)
                .header("X-XSRF-TOKEN", csrfToken).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build();
    }

    private void assertRefused(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(response.body()).doesNotContainIgnoringCase("jwt").doesNotContain("Exception")
                .doesNotContain("expired at").doesNotContain("acme-bouw");
    }

    private static String token(String userId, Map<String, Object> claims) {
        return TestIdentityProvider.token(userId, claims);
    }

    private HttpResponse<String> get(String path, String token) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    private String report(String werkgever, String employee, String employer) throws IOException {
        HttpResponse<String> opened = TestIdentityProvider.client(port, engine.getIdentityService()).post("/api/cases", """
                {"employeeId": "%s", "employerId": "%s", "firstSickDay": "%s"}""".formatted(employee, employer,
                LocalDate.now().minusDays(3)), werkgever, werkgever);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return json.readTree(opened.body()).path("caseId").asText();
    }

    private HttpResponse<String> deploy(String bpmn, String token) {
        HttpTestClient.Multipart multipart = new HttpTestClient.Multipart(List.of(
                HttpTestClient.Part.field("deployment-name", "tokenmodel"),
                HttpTestClient.Part.file("tokenmodel.bpmn", "tokenmodel.bpmn", "application/octet-stream",
                        bpmn.getBytes(StandardCharsets.UTF_8))));
        return http.send(http.request("/engine-rest/deployment/create").header("Authorization", "Bearer " + token)
                .header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body)).build());
    }
}
