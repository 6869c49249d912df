package nl.spoorwijzer.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Intake and reading of cases over HTTP, with every refusal naming the field and the rule. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseApiIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @LocalServerPort int port;
    @Autowired ObjectMapper objectMapper;
    @Autowired ProcessEngine engine;
    @Autowired CaseFileRepository cases;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
    }

    /** An employee has one open case at a time: every test closes what it opened. */
    @AfterEach
    void deleteCases() {
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter").list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
        // A recovered case waits for a relapse in its herstelperiode.
        engine.getRuntimeService().createProcessInstanceQuery().list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
    }

    private HttpResponse<String> report(String user, String employee, String employer, String firstSickDay) {
        return http.post("/api/cases", """
                {"employeeId": "%s", "employerId": "%s", "firstSickDay": "%s"}"""
                .formatted(employee, employer, firstSickDay), user, user);
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return objectMapper.readTree(response.body());
    }

    @Test
    void aWerkgeverReportsSicknessAndGetsTheCaseWithItsTimeline() throws Exception {
        LocalDate firstSickDay = TODAY.minusDays(2);
        HttpResponse<String> response = report("anna", "bram", "acme-bouw", firstSickDay.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        String caseId = body.path("caseId").asText();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/cases/" + caseId);
        assertThat(body.path("status").asText()).isEqualTo("OPEN");
        assertThat(body.path("phase").asText()).isEqualTo("ZIEKMELDING");
        assertThat(body.path("nextDeadline").asText()).isEqualTo(firstSickDay.plusDays(6).toString());
        assertThat(body.path("timeline").path("probleemanalyse").asText())
                .isEqualTo(firstSickDay.plusDays(41).toString());
        assertThat(body.path("timeline").path("einde-wachttijd").asText())
                .isEqualTo(firstSickDay.plusDays(727).toString());
        assertThat(body.path("openTasks")).anySatisfy(task -> {
            assertThat(task.path("name").asText()).isEqualTo("Ziekmelding doorgeven aan bedrijfsarts");
            assertThat(task.path("role").asText()).isEqualTo("werkgever");
        });
        assertThat(cases.find(caseId)).hasValueSatisfying(file ->
                assertThat(file.employeeId()).isEqualTo("bram"));

        JsonNode forEva = json(http.get("/api/cases/" + caseId, "eva", "eva"));
        assertThat(forEva.path("caseId").asText()).as("the bedrijfsarts serves acme-bouw").isEqualTo(caseId);
        assertThat(http.get("/api/cases/" + caseId, "daan", "daan").statusCode()).isEqualTo(404);
        assertThat(json(http.get("/api/cases/" + caseId + "/timeline", "anna", "anna")).path("wia-aanvraag")
                .asText()).isEqualTo(firstSickDay.plusDays(650).toString());
    }

    @Test
    void aSecondReportForAnEmployeeWithAnOpenCaseIsAConflict() throws Exception {
        assertThat(report("anna", "bram", "acme-bouw", TODAY.toString()).statusCode()).isEqualTo(201);

        HttpResponse<String> again = report("anna", "bram", "acme-bouw", TODAY.toString());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("field").asText()).isEqualTo("employeeId");
        assertThat(json(again).path("rule").asText()).contains("already has an open case");
    }

    @Test
    void concurrentReportsForTheSameEmployeeOpenOneCase() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> reports = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return report("demo", "carla", "zorggroep-noord", TODAY.toString()).statusCode();
                })).toList();
        start.countDown();
        List<Integer> statuses = reports.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .variableValueEquals("werknemerId", "carla").count()).isEqualTo(1);
    }

    @Test
    void aWerkgeverCannotReportForAnotherEmployer() throws Exception {
        HttpResponse<String> response = report("anna", "carla", "zorggroep-noord", TODAY.toString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("field").asText()).isEqualTo("employerId");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("nothing started").isZero();
    }

    @Test
    void invalidReportsAreRefusedNamingFieldAndRule() throws Exception {
        record Refusal(String employee, String employer, String firstSickDay, String field, String rule) {
        }
        for (Refusal refusal : List.of(
                new Refusal("bram", "acme-bouw", "", "firstSickDay", "required"),
                new Refusal("bram", "acme-bouw", "3-1-2026", "firstSickDay", "ISO"),
                new Refusal("bram", "acme-bouw", TODAY.plusDays(1).toString(), "firstSickDay", "future"),
                new Refusal("bram", "acme-bouw", TODAY.minusWeeks(105).toString(), "firstSickDay", "104 weeks"),
                new Refusal("", "acme-bouw", TODAY.toString(), "employeeId", "required"),
                new Refusal("bram", "bouwbedrijf-x", TODAY.toString(), "employerId", "unknown employer"),
                new Refusal("niemand", "acme-bouw", TODAY.toString(), "employeeId", "unknown employee"))) {
            HttpResponse<String> response = report("demo", refusal.employee(), refusal.employer(),
                    refusal.firstSickDay());
            assertThat(response.statusCode()).as(refusal.toString()).isEqualTo(400);
            assertThat(json(response).path("field").asText()).as(refusal.toString()).isEqualTo(refusal.field());
            assertThat(json(response).path("rule").asText()).as(refusal.toString()).contains(refusal.rule());
        }
        HttpResponse<String> notJson = http.post("/api/cases", "{not json", "demo", "demo");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).path("field").asText()).isEqualTo("body");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("nothing started").isZero();
        assertThat(http.post("/api/cases", "{}", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void listsTheSoonestDeadlineFirstAndCasesWithoutADeadlineLast() throws Exception {
        String recovered = json(report("anna", "piet", "acme-bouw", TODAY.minusDays(20).toString()))
                .path("caseId").asText();
        String late = json(report("anna", "bram", "acme-bouw", TODAY.minusDays(60).toString())).path("caseId").asText();
        String recent = json(report("daan", "carla", "zorggroep-noord", TODAY.minusDays(3).toString()))
                .path("caseId").asText();
        assertThat(http.post("/api/cases/" + recovered + "/recovery", "{\"date\": \"" + TODAY + "\"}", "anna", "anna")
                .statusCode()).isEqualTo(200);

        JsonNode list = json(http.get("/api/cases", "demo", "demo"));
        assertThat(list.findValuesAsText("caseId")).as("a recovered case has no running deadline")
                .containsSubsequence(late, recent, recovered);
        List<String> deadlines = new ArrayList<>();
        list.forEach(item -> deadlines.add(item.hasNonNull("nextDeadline") ? item.get("nextDeadline").asText()
                : null));
        assertThat(deadlines).isSortedAccordingTo(Comparator.nullsLast(Comparator.<String>naturalOrder()));
        assertThat(deadlines).contains((String) null);
    }

    @Test
    void eachCallerListsOnlyTheCasesTheyMaySee() throws Exception {
        String bramsCase = json(report("anna", "bram", "acme-bouw", TODAY.minusDays(60).toString()))
                .path("caseId").asText();
        String carlasCase = json(report("daan", "carla", "zorggroep-noord", TODAY.minusDays(3).toString()))
                .path("caseId").asText();

        assertThat(json(http.get("/api/cases", "anna", "anna")).findValuesAsText("caseId"))
                .contains(bramsCase).doesNotContain(carlasCase);
        JsonNode bramsList = json(http.get("/api/cases", "bram", "bram"));
        assertThat(bramsList.findValuesAsText("caseId")).contains(bramsCase).doesNotContain(carlasCase);
        assertThat(bramsList.findValuesAsText("employeeId")).as("an employee sees only his own cases")
                .containsOnly("bram");
        assertThat(json(http.get("/api/cases", "eva", "eva")).findValuesAsText("caseId"))
                .as("eva's arbodienst serves acme-bouw only").contains(bramsCase).doesNotContain(carlasCase);
        assertThat(json(http.get("/api/cases", "wim", "wim")).findValuesAsText("caseId"))
                .as("wim's arbodienst serves zorggroep-noord").contains(carlasCase).doesNotContain(bramsCase);
        JsonNode managementList = json(http.get("/api/cases", "ivo", "ivo"));
        assertThat(managementList.findValuesAsText("caseId")).contains(bramsCase, carlasCase);
        assertThat(managementList.findValues("employeeId")).as("management sees case status, not who it is about")
                .isEmpty();
        assertThat(json(http.get("/api/cases", "hanna", "hanna"))).as("the process owner reads no cases").isEmpty();
        JsonNode overdue = json(http.get("/api/cases?overdue=true", "demo", "demo"));
        assertThat(overdue.findValuesAsText("caseId")).as("bram's report to the bedrijfsarts is 53 days late")
                .contains(bramsCase).doesNotContain(carlasCase);
        assertThat(http.get("/api/cases?size=0", "demo", "demo").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/cases").statusCode()).isEqualTo(401);
    }
}
