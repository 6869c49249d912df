package nl.spoorwijzer.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loonwaarde, proefplaatsingen and job applications as actions on the case (issue 25): recorded over the API by the
 * rules of their forms, each a dossier entry shown with the case; a job application counts in the running spoor 2
 * trajectory. Refusals name the field and rule (400), the party who may not (403), the case one may not see (404)
 * or the case's state (409), and leave nothing behind. One case of tim in spoor 2 (bureau WerkFit) for them all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseActionsIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    @Autowired JdbcTemplate jdbc;
    HttpTestClient http;
    ApiCases cases;
    String caseId;
    String trajectory;

    @BeforeAll
    void caseInSpoor2() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(345), SimulatedAnswers::onTime, 0);
        trajectory = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("spoor-2-traject")
                .processInstanceBusinessKey(caseId).singleResult().getId();
    }

    @AfterEach
    void noOtherCases() {
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter").list().stream()
                .filter(instance -> !caseId.equals(instance.getBusinessKey()))
                .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test"));
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'noor'");
    }

    @AfterAll
    void deleteCase() {
        cases.deleteAll("spoor-2-traject", "herstelperiode", "poortwachter");
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
    }

    @Test
    void theWerkgeverRecordsALoonwaardeAndAProefplaatsingShownWithTheCase() {
        HttpResponse<String> loonwaarde = post("/placements", """
                {"kind": "LOONWAARDE", "wageValuePercentage": 40,
                 "explanation": "Loonwaarde bepaald met de arbeidsdeskundige."}""", "anna");
        assertThat(loonwaarde.statusCode()).as(loonwaarde.body()).isEqualTo(201);
        JsonNode entry = tree(loonwaarde.body());
        assertThat(entry.path("id").asLong()).isPositive();
        assertThat(entry.path("type").asText()).isEqualTo("TASK_COMPLETED");
        assertThat(entry.path("elementId").asText()).isEqualTo("loonwaardeOfProefplaatsingVastleggen");
        assertThat(entry.path("subject").asText()).isEqualTo("Loonwaarde of proefplaatsing vastleggen");
        assertThat(entry.path("recordedBy").asText()).isEqualTo("anna");
        assertThat(entry.path("role").asText()).isEqualTo("werkgever");
        assertThat(entry.path("content").path("registratieSoort").asText()).isEqualTo("loonwaarde");
        assertThat(entry.path("content").path("loonwaardePercentage").asInt()).isEqualTo(40);

        HttpResponse<String> proefplaatsing = post("/placements", """
                {"kind": "PROEFPLAATSING", "placedWith": "Bouwbedrijf De Vries", "startDate": "2026-12-14",
                 "endDate": "2027-02-14", "hoursPerWeek": 16, "explanation": "Begeleiding door de uitvoerder."}""",
                "anna");
        assertThat(proefplaatsing.statusCode()).as(proefplaatsing.body()).isEqualTo(201);
        assertThat(tree(proefplaatsing.body()).path("content").path("proefplaatsingVan").asText())
                .isEqualTo("2026-12-14");

        JsonNode view = tree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(view.path("placements").findValuesAsText("id")).contains(entry.path("id").asText(),
                tree(proefplaatsing.body()).path("id").asText());
        assertThat(http.get("/api/cases/" + caseId + "/dossier", "anna", "anna").body())
                .contains("Bouwbedrijf De Vries");
        assertThat(tree(http.get("/api/cases/" + caseId, "ivo", "ivo").body()).has("placements"))
                .as("management sees the case's status only").isFalse();
    }

    @Test
    void aPlacementThatBreaksTheFormsRulesIsRefusedNamingFieldAndRule() {
        int entries = dossier.findByCase(caseId).size();

        HttpResponse<String> refused = post("/placements", """
                {"kind": "LOONWAARDE", "wageValuePercentage": -5, "placedWith": "Elders"}""", "anna");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = tree(refused.body());
        assertThat(problem.path("violations").findValuesAsText("field"))
                .containsExactlyInAnyOrder("wageValuePercentage", "placedWith", "explanation");
        assertThat(refused.body()).contains("must be at least 0", "is hidden in this form", "is required");

        HttpResponse<String> kind = post("/placements", """
                {"kind": "ONTSLAG", "explanation": "x"}""", "anna");
        assertThat(kind.statusCode()).as(kind.body()).isEqualTo(400);
        assertThat(tree(kind.body()).path("field").asText()).isEqualTo("kind");
        assertThat(tree(kind.body()).path("rule").asText()).isEqualTo("must be one of [LOONWAARDE, PROEFPLAATSING]");

        HttpResponse<String> platformOnly = post("/placements", """
                {"kind": "LOONWAARDE", "explanation": "x", "werknemerId": "bram"}""", "anna");
        assertThat(platformOnly.statusCode()).as(platformOnly.body()).isEqualTo(400);
        assertThat(tree(platformOnly.body()).path("field").asText()).isEqualTo("werknemerId");

        assertThat(dossier.findByCase(caseId)).as("nothing half-written").hasSize(entries);
    }

    @Test
    void onlyTheWerkgeverOfTheCaseRecordsPlacements() {
        int entries = dossier.findByCase(caseId).size();
        String body = """
                {"kind": "LOONWAARDE", "wageValuePercentage": 40, "explanation": "x"}""";
        assertThat(post("/placements", body, "eva").statusCode()).as("the bedrijfsarts").isEqualTo(403);
        assertThat(post("/placements", body, "ivo").statusCode()).as("management").isEqualTo(403);
        assertThat(post("/placements", body, "tim").statusCode()).as("the employee").isEqualTo(403);
        assertThat(post("/placements", body, "frank").statusCode()).as("the bureau").isEqualTo(403);
        assertThat(post("/placements", body, "daan").statusCode())
                .as("another employer's werkgever does not see the case").isEqualTo(404);
        assertThat(post("/placements", body, "bram").statusCode()).as("another employee").isEqualTo(404);
        assertThat(dossier.findByCase(caseId)).as("nothing written").hasSize(entries);
        assertThat(post("/placements", body, "demo").statusCode()).as("the administrator").isEqualTo(201);
    }

    @Test
    void theEmployeeRecordsAJobApplicationAndSpoor2CountsItForItsNextReport() {
        Map<String, Object> before = engine.getRuntimeService().getVariables(trajectory);
        int sinceReport = count(before.get("sollicitatiesSindsVorigeRapportage"));
        int total = count(before.get("aantalSollicitaties"));

        HttpResponse<String> recorded = post("/job-applications", """
                {"date": "2026-12-10", "employer": "Installatiebedrijf Noord", "function": "Planner",
                 "channel": "vacaturesite", "result": "gesprek"}""", "tim");

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        JsonNode entry = tree(recorded.body());
        assertThat(entry.path("elementId").asText()).isEqualTo("sollicitatieRegistreren");
        assertThat(entry.path("role").asText()).isEqualTo("werknemer");
        assertThat(entry.path("recordedBy").asText()).isEqualTo("tim");
        assertThat(entry.path("processInstanceId").asText()).isEqualTo(trajectory);
        assertThat(entry.path("content").path("sollicitatieWerkgever").asText()).isEqualTo("Installatiebedrijf Noord");
        Map<String, Object> after = engine.getRuntimeService().getVariables(trajectory);
        assertThat(count(after.get("sollicitatiesSindsVorigeRapportage"))).isEqualTo(sinceReport + 1);
        assertThat(count(after.get("aantalSollicitaties"))).isEqualTo(total + 1);
        assertThat(after.get("laatsteSollicitatie")).isEqualTo("2026-12-10");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("sollicitatieRegistreren").count()).as("no task stands open for it").isZero();
        JsonNode view = tree(http.get("/api/cases/" + caseId, "tim", "tim").body());
        assertThat(view.path("jobApplicationCount").asInt()).isEqualTo(total + 1);
        assertThat(view.path("jobApplications").findValuesAsText("id")).contains(entry.path("id").asText());

        HttpResponse<String> byBureau = post("/job-applications", """
                {"date": "2026-12-11", "employer": "Gemeente Utrecht", "function": "Planner",
                 "channel": "bureau", "result": "afwachten"}""", "frank");
        assertThat(byBureau.statusCode()).as(byBureau.body()).isEqualTo(201);
        assertThat(tree(byBureau.body()).path("role").asText()).isEqualTo("re-integratiebureau");
        assertThat(count(engine.getRuntimeService().getVariable(trajectory, "sollicitatiesSindsVorigeRapportage")))
                .isEqualTo(sinceReport + 2);
    }

    @Test
    void aRefusedJobApplicationNamesFieldAndRuleAndIsNotCounted() {
        Object counted = engine.getRuntimeService().getVariable(trajectory, "sollicitatiesSindsVorigeRapportage");
        int entries = dossier.findByCase(caseId).size();

        HttpResponse<String> refused = post("/job-applications", """
                {"date": "gisteren", "employer": "", "function": "Planner", "channel": "fax",
                 "result": "afwachten"}""", "tim");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = tree(refused.body());
        assertThat(problem.path("violations").findValuesAsText("field"))
                .containsExactlyInAnyOrder("date", "employer", "channel");
        assertThat(refused.body()).contains("must be a date in ISO format YYYY-MM-DD", "is required",
                "must be one of [vacaturesite, netwerk, open, bureau, uitzendbureau]");

        String valid = """
                {"date": "2026-12-10", "employer": "X", "function": "Planner", "channel": "netwerk",
                 "result": "afwachten"}""";
        assertThat(post("/job-applications", valid, "anna").statusCode()).as("the werkgever").isEqualTo(403);
        assertThat(post("/job-applications", valid, "eva").statusCode()).as("the bedrijfsarts").isEqualTo(403);
        assertThat(post("/job-applications", valid, "ivo").statusCode()).as("management").isEqualTo(403);
        assertThat(post("/job-applications", valid, "rosa").statusCode()).as("another bureau").isEqualTo(404);
        assertThat(post("/job-applications", valid, "daan").statusCode()).as("another employer").isEqualTo(404);

        assertThat(engine.getRuntimeService().getVariable(trajectory, "sollicitatiesSindsVorigeRapportage"))
                .as("not counted").isEqualTo(counted);
        assertThat(dossier.findByCase(caseId)).as("nothing half-written").hasSize(entries);
    }

    @Test
    void withoutSpoor2OrOnACaseThatIsNotRunningTheActionsAreConflicts() {
        LocalDate today = LocalDate.now(ApiCases.AMSTERDAM);
        ApiCases.onDay(today);
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "noor", "employerId": "zorggroep-noord", "firstSickDay": "%s"}"""
                        .formatted(today.minusDays(10)),
                "daan", "daan");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String other = tree(opened.body()).path("caseId").asText();
        String application = """
                {"date": "%s", "employer": "X", "function": "Planner", "channel": "netwerk", "result": "afwachten"}"""
                .formatted(today);

        HttpResponse<String> noSpoor2 = http.post("/api/cases/" + other + "/job-applications", application, "noor",
                "noor");
        assertThat(noSpoor2.statusCode()).as(noSpoor2.body()).isEqualTo(409);
        assertThat(noSpoor2.body()).contains("no spoor 2 trajectory runs");

        HttpResponse<String> recovered = http.post("/api/cases/" + other + "/recovery",
                "{\"date\": \"%s\"}".formatted(today), "daan", "daan");
        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
        int entries = dossier.findByCase(other).size();
        HttpResponse<String> placement = http.post("/api/cases/" + other + "/placements", """
                {"kind": "LOONWAARDE", "wageValuePercentage": 40, "explanation": "x"}""", "daan", "daan");
        assertThat(placement.statusCode()).as(placement.body()).isEqualTo(409);
        assertThat(placement.body()).contains("the case is recovered");
        assertThat(dossier.findByCase(other)).hasSize(entries);
    }

    private HttpResponse<String> post(String action, String body, String user) {
        return http.post("/api/cases/" + caseId + action, body, user, user);
    }

    private static int count(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
