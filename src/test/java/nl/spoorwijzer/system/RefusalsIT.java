package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clean refusals on both APIs: malformed and oversized input to every write endpoint is a 4xx problem detail (or a
 * 2xx where the input is acceptable), never a 500, and no body names a Java type, engine code, SQL or stack frame;
 * a task of another employer answers exactly like a task that does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RefusalsIT {

    /** What no error body may contain (type names, engine codes, stack frames, SQL, the database). */
    static final Pattern INTERNALS = Pattern.compile(
            "Exception|org\\.camunda|java\\.|ENGINE-\\d|at [a-z]+\\.|SQL|\\bH2\\b|select |insert ");

    static final Pattern COMPLETIONS = Pattern.compile("/task/\\{task}/(complete|submit-form)$");

    static final String KB_100 = "x".repeat(100 * 1024);
    static final String MB_1 = "x".repeat(1024 * 1024);

    /** A write endpoint: {@code %s} in the template is where a (string) value goes. */
    record Endpoint(String method, String path, String user, String template) {
        String pathFor(String task, String instance, String caseId) {
            return path.replace("{task}", task).replace("{instance}", instance).replace("{case}", caseId);
        }
    }

    /** Every write endpoint of /engine-rest that a werkgever, process owner or admin can reach. */
    static final List<Endpoint> ENGINE_REST = List.of(
            new Endpoint("POST", "/engine-rest/task/{task}/submit-form", "anna",
                    "{\"variables\":{\"toelichting\":{\"value\":%s,\"type\":\"String\"}}}"),
            new Endpoint("POST", "/engine-rest/task/{task}/complete", "anna",
                    "{\"variables\":{\"toelichting\":{\"value\":%s,\"type\":\"String\"}}}"),
            new Endpoint("POST", "/engine-rest/task/{task}/claim", "anna", "{\"userId\":%s}"),
            new Endpoint("POST", "/engine-rest/task/{task}/assignee", "anna", "{\"userId\":%s}"),
            new Endpoint("POST", "/engine-rest/task/{task}/delegate", "anna", "{\"userId\":%s}"),
            new Endpoint("POST", "/engine-rest/task/{task}/identity-links", "anna",
                    "{\"userId\":%s,\"type\":\"candidate\"}"),
            new Endpoint("POST", "/engine-rest/task/{task}/variables", "anna",
                    "{\"modifications\":{\"toelichting\":{\"value\":%s,\"type\":\"String\"}}}"),
            new Endpoint("PUT", "/engine-rest/task/{task}/variables/toelichting", "anna",
                    "{\"value\":%s,\"type\":\"String\"}"),
            new Endpoint("PUT", "/engine-rest/task/{task}/localVariables/toelichting", "anna",
                    "{\"value\":%s,\"type\":\"String\"}"),
            new Endpoint("POST", "/engine-rest/task/{task}/comment/create", "anna", "{\"message\":%s}"),
            new Endpoint("PUT", "/engine-rest/task/{task}", "anna", "{\"name\":%s}"),
            new Endpoint("POST", "/engine-rest/process-definition/key/poortwachter/start", "anna",
                    "{\"businessKey\":%s,\"variables\":{\"werknemerId\":{\"value\":\"tim\"}}}"),
            new Endpoint("POST", "/engine-rest/process-definition/key/poortwachter/submit-form", "anna",
                    "{\"businessKey\":%s,\"variables\":{\"werknemerId\":{\"value\":\"tim\"}}}"),
            new Endpoint("POST", "/engine-rest/message", "anna", "{\"messageName\":%s,\"businessKey\":\"x\"}"),
            new Endpoint("POST", "/engine-rest/signal", "anna", "{\"name\":%s}"),
            new Endpoint("POST", "/engine-rest/process-instance/{instance}/variables", "demo",
                    "{\"modifications\":{\"toelichting\":{\"value\":%s,\"type\":\"String\"}}}"),
            new Endpoint("PUT", "/engine-rest/process-instance/{instance}/variables/toelichting", "demo",
                    "{\"value\":%s,\"type\":\"String\"}"),
            new Endpoint("POST", "/engine-rest/filter/create", "anna",
                    "{\"resourceType\":\"Task\",\"name\":%s,\"query\":{}}"),
            new Endpoint("POST", "/engine-rest/task/create", "demo", "{\"name\":%s}"),
            new Endpoint("POST", "/engine-rest/user/create", "demo",
                    "{\"profile\":{\"id\":%s,\"firstName\":\"A\",\"lastName\":\"B\"},"
                            + "\"credentials\":{\"password\":\"a-long-password\"}}"),
            new Endpoint("POST", "/engine-rest/group/create", "demo", "{\"id\":%s,\"name\":\"G\",\"type\":\"x\"}"),
            new Endpoint("POST", "/engine-rest/tenant/create", "demo", "{\"id\":%s,\"name\":\"T\"}"));

    /** Every write endpoint of /api. */
    static final List<Endpoint> API = List.of(
            new Endpoint("POST", "/api/cases", "anna",
                    "{\"employeeId\":\"tim\",\"employerId\":\"acme-bouw\",\"firstSickDay\":%s}"),
            new Endpoint("POST", "/api/cases/{case}/recovery", "anna", "{\"date\":%s,\"percentage\":50}"),
            new Endpoint("POST", "/api/cases/{case}/uwv-decisions", "anna",
                    "{\"type\":\"LOONSANCTIE\",\"decisionDate\":%s,\"weeks\":4}"));

    /** Known properties of every request type above, each with a value of the wrong JSON type. */
    static final String WRONG_TYPES = "{\"variables\":\"x\",\"modifications\":\"x\",\"userId\":[\"x\"],"
            + "\"messageName\":[\"x\"],\"name\":[\"x\"],\"profile\":\"x\",\"id\":[\"x\"],\"type\":[\"x\"],"
            + "\"message\":[\"x\"],\"businessKey\":[\"x\"],\"resourceType\":[\"x\"],\"employeeId\":[\"x\"],"
            + "\"date\":[\"x\"],\"decisionDate\":[\"x\"],\"percentage\":\"many\",\"weeks\":\"many\"}";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    HttpTestClient http;
    String caseId;
    ProcessInstance instance;
    String task;
    List<String> filtersBefore;

    @BeforeEach
    void openCase() throws Exception {
        http = new HttpTestClient(port);
        filtersBefore = engine.getFilterService().createFilterQuery().list().stream().map(f -> f.getId()).toList();
        ApiCases.onDay(LocalDate.now(ApiCases.AMSTERDAM));
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}"""
                .formatted(LocalDate.now(ApiCases.AMSTERDAM)), "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        caseId = json.readTree(opened.body()).path("caseId").asText();
        instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult();
        task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .findFirst().orElseThrow().getId();
    }

    @AfterEach
    void deleteCase() {
        new ApiCases(http, json, engine).deleteAll("poortwachter");
        // What an accepted request may have left: standalone tasks and filters.
        engine.getTaskService().createTaskQuery().list().stream().filter(t -> t.getProcessInstanceId() == null)
                .forEach(t -> engine.getTaskService().deleteTask(t.getId(), true));
        engine.getFilterService().createFilterQuery().list().stream()
                .filter(filter -> !filtersBefore.contains(filter.getId()))
                .forEach(filter -> engine.getFilterService().deleteFilter(filter.getId()));
    }

    @Test
    void malformedAndOversizedInputToEveryWriteEndpointIsRefusedWithoutInternals() {
        SoftAssertions softly = new SoftAssertions();
        List<Endpoint> all = new ArrayList<>(ENGINE_REST);
        all.addAll(API);
        for (Endpoint endpoint : all) {
            String path = endpoint.pathFor(task, instance.getId(), caseId);
            String unknownPath = endpoint.pathFor(unknownId(), unknownId(), "ZV-" + unknownId());
            // Input no endpoint accepts.
            for (String body : List.of("this is not JSON {", "[{\"a\":1}]", WRONG_TYPES)) {
                expectRefusal(softly, endpoint, path, body, 400, 499);
            }
            // Input some endpoints accept (a 100 KB comment, a signal nobody waits for, an empty body).
            List<String> bodies = new ArrayList<>(List.of(endpoint.template().formatted(quoted(KB_100)),
                    endpoint.template().formatted(quoted(MB_1)), "null"));
            if (!COMPLETIONS.matcher(endpoint.path()).find()) {
                // Completing the task without or with an empty value is for the form's validation to judge.
                bodies.addAll(List.of(endpoint.template().formatted("null"), "{}"));
            }
            for (String body : bodies) {
                expectRefusal(softly, endpoint, path, body, 200, 499);
            }
            if (!unknownPath.equals(path)) {
                expectRefusal(softly, endpoint, unknownPath, endpoint.template().formatted("\"x\""), 404, 404);
            }
        }
        softly.assertAll();
    }

    @Test
    void variableValuesEngineRestCannotTakeAreRefusedNamingTheVariable() throws Exception {
        String path = "/engine-rest/process-instance/" + instance.getId() + "/variables/opmerking";
        HttpResponse<String> tooLong = send("PUT", path, "demo", "application/json",
                "{\"value\":%s,\"type\":\"String\"}".formatted(quoted("x".repeat(4001))));
        HttpResponse<String> wrongType = send("PUT", path, "demo", "application/json",
                "{\"value\":\"veel\",\"type\":\"Integer\"}");
        HttpResponse<String> javaObject = send("PUT", path, "demo", "application/json", """
                {"value":"rO0ABXQAA2FiYw==","type":"Object","valueInfo":{"objectTypeName":"java.lang.String",
                "serializationDataFormat":"application/x-java-serialized-object"}}""");
        HttpResponse<String> unknownType = send("PUT", path, "demo", "application/json",
                "{\"value\":\"x\",\"type\":\"NoSuchType\"}");

        assertProblem(tooLong, 400);
        assertThat(json.readTree(tooLong.body()).path("field").asText()).isEqualTo("opmerking");
        assertThat(json.readTree(tooLong.body()).path("rule").asText()).contains("4000");
        assertProblem(wrongType, 400);
        assertProblem(javaObject, 400);
        assertProblem(unknownType, 400);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "opmerking")).isNull();
    }

    @Test
    void aValueTooLongForItsColumnIsABadRequest() {
        HttpResponse<String> response = send("POST", "/engine-rest/task/create", "demo", "application/json",
                "{\"id\":\"%s\",\"name\":%s}".formatted(unknownId(), quoted("n".repeat(300))));

        assertProblem(response, 400);
    }

    @Test
    void aTaskOfAnotherEmployerAnswersExactlyLikeATaskThatDoesNotExist() throws Exception {
        String unknown = unknownId();
        List<String[]> requests = List.of(
                new String[] {"GET", "/engine-rest/task/%s", null},
                new String[] {"GET", "/engine-rest/task/%s/variables", null},
                new String[] {"GET", "/engine-rest/task/%s/form-variables", null},
                new String[] {"GET", "/engine-rest/task/%s/form", null},
                new String[] {"POST", "/engine-rest/task/%s/claim", "{\"userId\":\"daan\"}"},
                new String[] {"POST", "/engine-rest/task/%s/complete", "{\"variables\":{}}"},
                new String[] {"POST", "/engine-rest/task/%s/submit-form", "{\"variables\":{}}"},
                new String[] {"PUT", "/engine-rest/task/%s/variables/x", "{\"value\":\"y\",\"type\":\"String\"}"},
                new String[] {"POST", "/engine-rest/task/%s/comment/create", "{\"message\":\"hallo\"}"});
        for (String[] request : requests) {
            HttpResponse<String> foreign = send(request[0], request[1].formatted(task), "daan", "application/json",
                    request[2]);
            HttpResponse<String> missing = send(request[0], request[1].formatted(unknown), "daan",
                    "application/json", request[2]);

            assertThat(foreign.statusCode()).as(request[1] + " " + foreign.body()).isEqualTo(404);
            assertThat(missing.statusCode()).as(request[1]).isEqualTo(404);
            assertThat(json.readTree(foreign.body())).as(request[1]).isEqualTo(json.readTree(missing.body()));
            assertProblem(foreign, 404);
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

        HttpResponse<String> foreignCase = http.get("/api/cases/" + caseId, "daan", "daan");
        HttpResponse<String> missingCase = http.get("/api/cases/ZV-" + unknown, "daan", "daan");
        assertProblem(foreignCase, 404);
        assertThat(foreignCase.body().replace(caseId, "ID")).isEqualTo(missingCase.body().replace("ZV-" + unknown,
                "ID"));
    }

    @Test
    void aBrokenDeploymentIsRefusedPerProblem() throws Exception {
        HttpResponse<String> notXml = deploy("kapot.bpmn", "dit is geen BPMN");
        HttpResponse<String> danglingFlow = deploy("los.bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <process id="losseEinden" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="naarNergens" sourceRef="start" targetRef="bestaatNiet"/>
                  </process>
                </definitions>""");
        HttpResponse<String> brokenDecision = deploy("kapot.dmn", "<definitions>geen DMN");
        HttpResponse<String> notMultipart = send("POST", "/engine-rest/deployment/create", "hanna",
                "application/json", "{\"deployment-name\":\"x\"}");

        assertProblem(notXml, 400);
        assertProblem(danglingFlow, 400);
        assertProblem(brokenDecision, 400);
        assertThat(json.readTree(notXml.body()).path("field").asText()).isEqualTo("kapot.bpmn");
        assertThat(json.readTree(danglingFlow.body()).path("violations")).isNotEmpty();
        assertProblem(notMultipart, 415);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("losseEinden")
                .count()).isZero();
    }

    @Test
    void tasklistShowsARefusedFormSubmissionAsAClientErrorWithItsMessage() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(http.request("/camunda/app/tasklist/default/").GET().build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = browser.send(http.request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=anna&password=anna")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // The login starts a new session with a token of its own, handed out on the next read.
        browser.send(http.request("/camunda/api/admin/auth/user/default").GET().build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> submitted = browser.send(http.request("/camunda/api/engine/engine/default/task/" + task
                        + "/submit-form").header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"variables\":{\"toelichting\":{\"value\":%s,\"type\":\"String\"}}}"
                                .formatted(quoted("x".repeat(4001))))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
        assertThat(json.readTree(submitted.body()).path("message").asText()).contains("toelichting");
        assertThat(submitted.body()).doesNotContainPattern(INTERNALS);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .reduce((first, second) -> second).orElseThrow().getValue();
    }

    @Test
    void springsOwnRefusalsOnApiAreProblemDetails() {
        assertProblem(send("PUT", "/api/cases", "anna", "application/json", "{}"), 405);
        assertProblem(send("DELETE", "/api/cases/" + caseId, "anna", null, null), 405);
        assertProblem(send("POST", "/api/cases", "anna", "text/plain", "tim is ziek"), 415);
        assertProblem(http.get("/api/bestaat-niet", "anna", "anna"), 404);
        assertProblem(http.get("/api/cases?size=veel", "anna", "anna"), 400);
        assertProblem(http.get("/api/cases?phase=NOPE", "anna", "anna"), 400);
        assertProblem(http.get("/api/timeline?firstSickDay=gisteren", "anna", "anna"), 400);
        assertProblem(http.get("/api/timeline", "anna", "anna"), 400);
        assertProblem(http.get("/error"), 404);
        assertProblem(send("PATCH", "/engine-rest/task/" + task, "anna", "application/json", "{}"), 405);
        assertProblem(http.get("/engine-rest/bestaat-niet", "anna", "anna"), 404);
        assertProblem(http.get("/engine-rest/task?maxResults=veel", "anna", "anna"), 400);
    }

    @Test
    void anOversizedApiBodyIsRefusedEvenWithoutADeclaredLength() {
        HttpRequest chunked = http.request("/api/cases").header("Authorization", HttpTestClient.basic("anna", "anna"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        ("{\"note\":\"" + MB_1 + "\"}").getBytes(StandardCharsets.UTF_8))))
                .build();

        assertProblem(http.send(chunked), 413);
        assertProblem(http.post("/api/cases", "{\"note\":\"" + MB_1 + "\"}", "anna", "anna"), 413);
    }

    @Test
    void aServerFaultIsAGeneric500WhoseCorrelationIdIsLoggedWithTheStackTrace(CapturedOutput output)
            throws Exception {
        // Data no client can produce: a variable the case API reads as a number holds text, and a variable row names
        // a serializer that does not exist.
        engine.getRuntimeService().setVariable(instance.getId(), "aantalSollicitaties", "veel");
        HttpResponse<String> api = http.get("/api/cases/" + caseId, "anna", "anna");
        jdbc.update("update ACT_RU_VARIABLE set TYPE_ = 'verdwenen' where NAME_ = 'aantalSollicitaties'"
                + " and PROC_INST_ID_ = ?", instance.getId());
        HttpResponse<String> engineRest;
        try {
            engineRest = http.get("/engine-rest/process-instance/" + instance.getId() + "/variables", "demo", "demo");
        } finally {
            jdbc.update("update ACT_RU_VARIABLE set TYPE_ = 'string' where NAME_ = 'aantalSollicitaties'"
                    + " and PROC_INST_ID_ = ?", instance.getId());
        }

        for (HttpResponse<String> response : List.of(api, engineRest)) {
            assertProblem(response, 500);
            String correlationId = json.readTree(response.body()).path("correlationId").asText();
            assertThat(correlationId).isNotBlank();
            assertThat(output.getAll()).containsPattern("correlation id " + correlationId + "\\R+\\S+(Exception|Error)");
        }
    }

    private void expectRefusal(SoftAssertions softly, Endpoint endpoint, String path, String body, int min, int max) {
        HttpResponse<String> response = send(endpoint.method(), path, endpoint.user(), "application/json", body);
        String what = endpoint.method() + " " + path + " with " + abbreviated(body) + " -> " + response.statusCode()
                + " " + abbreviated(response.body());
        softly.assertThat(response.statusCode()).as(what).isBetween(min, max);
        softly.assertThat(response.body()).as(what).doesNotContainPattern(INTERNALS);
        if (response.statusCode() >= 400) {
            softly.assertThat(response.headers().firstValue("Content-Type")).as(what)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            softly.assertThat(problemFields(response.body())).as(what).isTrue();
        }
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        String what = response.request().method() + " " + response.request().uri().getPath() + " -> "
                + abbreviated(response.body());
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(problemFields(response.body())).as(what).isTrue();
        assertThat(response.body()).as(what).doesNotContainPattern(INTERNALS);
    }

    private boolean problemFields(String body) {
        try {
            JsonNode problem = json.readTree(body);
            return problem.path("type").asText().startsWith("urn:spoorwijzer:problem:")
                    && !problem.path("title").asText().isBlank() && problem.path("status").isInt()
                    && !problem.path("detail").asText().isBlank();
        } catch (Exception notJson) {
            return false;
        }
    }

    private HttpResponse<String> deploy(String fileName, String content) {
        String boundary = "grens" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nkapot\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send("POST", "/engine-rest/deployment/create", "hanna", "multipart/form-data; boundary=" + boundary,
                body);
    }

    private HttpResponse<String> send(String method, String path, String user, String contentType, String body) {
        HttpRequest.Builder request = http.request(path).header("Authorization", HttpTestClient.basic(user, user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build());
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String unknownId() {
        return UUID.randomUUID().toString();
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + ")";
    }
}
