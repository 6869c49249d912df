package nl.spoorwijzer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.spoorwijzer.audit.AccessRecord.Action;
import nl.spoorwijzer.audit.CaseReferences.Kind;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads of a case's personal data through Camunda's REST API and through Tasklist's engine API are in the case's
 * access log with who, role, what and from where; what the engine refused to show is not; a refused change is, as
 * the attempt it was; the employee sees all of it in his own case's log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineAccessLogIT {

    private static final String OUTSIDER = "logbuitenstaander";
    private static final String COLLEAGUE = "logcollega";
    private static final String ACME_EMPLOYEE = "logacme";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired IdentityService identityService;
    @Autowired ProcessEngine engine;
    @Autowired AccessLog log;
    @Autowired JdbcTemplate jdbc;
    HttpTestClient http;
    String caseId;
    String colleaguesCase;
    String acmeCase;
    String task;

    @BeforeEach
    void openACaseWithATaskForTheEmployer() throws Exception {
        http = new HttpTestClient(port);
        TestUsers.ensureUserWithoutRights(identityService, OUTSIDER);
        ensureEmployee(COLLEAGUE, "zorggroep-noord");
        ensureEmployee(ACME_EMPLOYEE, "acme-bouw");
        caseId = open("noor", "zorggroep-noord", "daan");
        task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskCandidateGroup("werkgever").list().get(0).getId();
    }

    @AfterEach
    void closeTheCases() {
        for (String id : new String[] {caseId, colleaguesCase, acmeCase}) {
            if (id != null) {
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
                        .rootProcessInstances().list().forEach(instance ->
                                engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test"));
            }
        }
    }

    @Test
    void aTasksFormVariablesReadOverEngineRestAreRecordedWithUserRolePathAndAddress() {
        assertThat(http.get("/engine-rest/task/" + task + "/form-variables", "daan", "daan").statusCode())
                .isEqualTo(200);
        assertThat(http.get("/engine-rest/task/" + task + "/deployed-form", "daan", "daan").statusCode())
                .as("the form itself holds no case data").isEqualTo(200);

        List<AccessRecord> engineReads = engineRecords(caseId);
        assertThat(engineReads).singleElement().satisfies(record -> {
            assertThat(record.userId()).isEqualTo("daan");
            assertThat(record.roles()).isEqualTo("werkgever");
            assertThat(record.action()).isEqualTo(Action.READ);
            assertThat(record.what()).isEqualTo("GET /engine-rest/task/" + task + "/form-variables");
            assertThat(record.clientAddress()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void aHistoricVariableListRecordsEveryCaseItReturnedAndNoOther() throws Exception {
        colleaguesCase = open(COLLEAGUE, "zorggroep-noord", "daan");
        acmeCase = open(ACME_EMPLOYEE, "acme-bouw", "anna");
        String query = "/engine-rest/history/variable-instance?variableName=eersteZiektedag";

        // The arbodienst of zorggroep-noord is a party of both its cases and reads their history (the werkgever, who
        // reads history variables only through its tasks, would get none).
        var answer = http.get(query, "wim", "wim");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Set<String> returned = new HashSet<>();
        for (JsonNode variable : json.readTree(answer.body())) {
            returned.add(caseOfInstance(variable.path("processInstanceId").asText()));
        }
        assertThat(returned).contains(caseId, colleaguesCase).doesNotContain(acmeCase);
        for (String read : returned) {
            assertThat(engineRecords(read)).as(read).filteredOn(record -> record.what().equals("GET " + query))
                    .singleElement().satisfies(record -> {
                        assertThat(record.userId()).isEqualTo("wim");
                        assertThat(record.roles().split(",")).containsExactlyInAnyOrder("bedrijfsarts", "arbo-noord");
                        assertThat(record.action()).isEqualTo(Action.READ);
                    });
        }
        assertThat(engineRecords(acmeCase)).as("another employer's case, not in wim's answer").isEmpty();
    }

    @Test
    void tasklistOpeningATaskFormIsRecorded() throws Exception {
        HttpClient browser = loggedInToTasklist("daan");

        HttpResponse<String> form = browser.send(http.request("/camunda/api/engine/engine/default/task/" + task
                + "/form-variables").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(engineRecords(caseId)).singleElement().satisfies(record -> {
            assertThat(record.userId()).isEqualTo("daan");
            assertThat(record.roles()).isEqualTo("werkgever");
            assertThat(record.action()).isEqualTo(Action.READ);
            assertThat(record.what())
                    .isEqualTo("GET /camunda/api/engine/engine/default/task/" + task + "/form-variables");
        });
    }

    @Test
    void whatTheEngineRefusedToShowIsNotRecorded() {
        int status = http.get("/engine-rest/task/" + task + "/form-variables", "anna", "anna").statusCode();
        assertThat(status).as("another employer's HR").isIn(403, 404);
        assertThat(http.get("/engine-rest/history/variable-instance", OUTSIDER, OUTSIDER).body()).isEqualTo("[]");
        assertThat(http.get("/engine-rest/task/" + task + "/form-variables", "daan", "wrong").statusCode())
                .isEqualTo(401);

        assertThat(engineRecords(caseId)).isEmpty();
    }

    @Test
    void aChangeIsRecordedAndARefusedChangeAsTheAttemptItWas() {
        var refused = http.post("/engine-rest/task/" + task + "/complete", "{}", "anna", "anna");
        assertThat(refused.statusCode()).isIn(403, 404);
        var claimed = http.post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"daan\"}", "daan", "daan");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);

        assertThat(engineRecords(caseId)).extracting(AccessRecord::userId, AccessRecord::action, AccessRecord::what)
                .containsExactly(
                        tuple("daan", Action.CHANGE,
                                "POST /engine-rest/task/" + task + "/claim"),
                        tuple("anna", Action.CHANGE, "POST /engine-rest/task/" + task
                                + "/complete (poging, antwoord " + refused.statusCode() + ")"));
    }

    @Test
    void aQueryPostedToTheTaskListReadsTheCasesOfTheTasksItReturns() {
        var tasks = http.post("/engine-rest/task", "{\"processInstanceBusinessKey\":\"" + caseId + "\"}", "daan",
                "daan");
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);

        assertThat(engineRecords(caseId)).extracting(AccessRecord::userId, AccessRecord::action, AccessRecord::what)
                .containsExactly(tuple("daan", Action.READ, "POST /engine-rest/task"));
    }

    @Test
    void aDeletedCaseIsFoundBeforeItIsDeleted() {
        String root = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();

        int status = http.send(http.request("/engine-rest/process-instance/" + root)
                .header("Authorization", HttpTestClient.basic("demo", "demo")).DELETE().build()).statusCode();

        assertThat(engineRecords(caseId)).singleElement().satisfies(record -> {
            assertThat(record.userId()).isEqualTo("demo");
            assertThat(record.action()).isEqualTo(Action.CHANGE);
            assertThat(record.what()).startsWith("DELETE /engine-rest/process-instance/" + root);
            assertThat(record.what().endsWith("(poging, antwoord " + status + ")")).isEqualTo(status >= 300);
        });
    }

    @Test
    void theEmployeeSeesTheEngineReadsInHisCasesAccessLog() throws Exception {
        http.get("/engine-rest/task/" + task + "/form-variables", "daan", "daan");
        loggedInToTasklist("daan").send(http.request("/camunda/api/engine/engine/default/task/" + task
                + "/variables").GET().build(), HttpResponse.BodyHandlers.discarding());

        var own = http.get("/api/cases/" + caseId + "/access-log", "noor", "noor");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        List<String> who = new ArrayList<>();
        json.readTree(own.body()).forEach(record -> who.add(record.path("userId").asText() + " "
                + record.path("action").asText() + " " + record.path("what").asText()));
        assertThat(who).contains("daan READ GET /engine-rest/task/" + task + "/form-variables",
                "daan READ GET /camunda/api/engine/engine/default/task/" + task + "/variables");
    }

    @Test
    void aCalledSpoor2TrajectBelongsToTheCaseOfItsRoot() {
        String root = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();
        engine.getRuntimeService().createProcessInstanceModification(root)
                .startBeforeActivity("spoor2TrajectUitvoeren").execute();
        String called = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(root)
                .singleResult().getId();
        String calledTask = engine.getTaskService().createTaskQuery().processInstanceId(called).list().get(0).getId();

        CaseReferences references = new CaseReferences();
        references.add(Kind.PROCESS_INSTANCE, called);
        CaseReferences byTask = new CaseReferences();
        byTask.add(Kind.TASK, calledTask);
        assertThat(new CaseResolver(jdbc).casesOf(references)).containsExactly(caseId);
        assertThat(new CaseResolver(jdbc).casesOf(byTask)).containsExactly(caseId);
    }

    private String open(String employee, String employer, String employerUser) throws IOException {
        String firstSickDay = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(2).toString();
        var opened = http.post("/api/cases", """
                {"employeeId": "%s", "employerId": "%s", "firstSickDay": "%s"}""".formatted(employee, employer,
                firstSickDay), employerUser, employerUser);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return json.readTree(opened.body()).path("caseId").asText();
    }

    private void ensureEmployee(String id, String employer) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            TestUsers.ensureUserWithoutRights(identityService, id);
            identityService.createMembership(id, "werknemer");
            identityService.createTenantUserMembership(employer, id);
        }
    }

    /** The case's records made through the engine's APIs (the case API's own are AccessLogIT's). */
    private List<AccessRecord> engineRecords(String id) {
        return log.forCase(id).stream().filter(record -> !record.what().contains(" /api/")).toList();
    }

    private String caseOfInstance(String processInstanceId) {
        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getRootProcessInstanceId()).singleResult().getBusinessKey();
    }

    private HttpClient loggedInToTasklist(String user) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(http.request("/camunda/app/tasklist/default/").GET().build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = browser.send(http.request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return browser;
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .reduce((first, second) -> second).orElseThrow().getValue();
    }
}
