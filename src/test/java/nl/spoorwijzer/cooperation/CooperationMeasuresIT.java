package nl.spoorwijzer.cooperation;

import static nl.spoorwijzer.support.ApiCases.endOf;
import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Measures for non-cooperation over HTTP (seed 004, BW 7:629 lid 3 and 6): the case's werkgever records a warning,
 * an opschorting or a stop of wage payment with its ground and start; it is a dossier decision and a review task in
 * his list on the review day; he keeps it (a new review day) or ends it in that task, or ends it through the API when
 * the werknemer cooperates again (the review task disappears). Nobody else records one; bad input names its fields.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CooperationMeasuresIT {

    /** Monday 5 January 2026. */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    static final String GROUND = "Niet verschenen op het intakegesprek bij het re-integratiebureau";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    HttpTestClient http;
    ApiCases cases;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
    }

    @AfterEach
    void cleanUp() {
        cases.deleteAll("herstelperiode", "poortwachter");
    }

    static LocalDate day(int n) {
        return FIRST_SICK_DAY.plusDays(n - 1L);
    }

    private String runningCase() {
        return cases.reportAndPlay(FIRST_SICK_DAY, day(30), SimulatedAnswers::onTime, 0);
    }

    private HttpResponse<String> take(String caseId, String body, String user) {
        return http.post("/api/cases/" + caseId + "/cooperation-measures", body, user, user);
    }

    private JsonNode taken(String caseId, String kind, LocalDate start) throws Exception {
        HttpResponse<String> response = take(caseId, """
                {"kind": "%s", "ground": "%s", "startDate": "%s"}""".formatted(kind, GROUND, start), "anna");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private List<Task> reviews(String caseId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("maatregelHerbeoordelen").list();
    }

    private List<DossierEntry> entries(String caseId, DossierEntryType type) {
        return dossier.findByCase(caseId).stream().filter(entry -> entry.type() == type).toList();
    }

    private void assertRefused(HttpResponse<String> response, int status, String... fields) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json.readTree(response.body());
        List<String> named = new ArrayList<>();
        problem.path("violations").forEach(violation -> named.add(violation.path("field").asText()));
        assertThat(named).as(response.body()).containsExactlyInAnyOrder(fields);
    }

    /** The werkgever answers the review task as Tasklist submits its form. */
    private HttpResponse<String> submitReview(Task review, Map<String, String> answers) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        answers.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return http.post("/engine-rest/task/" + review.getId() + "/submit-form",
                json.writeValueAsString(Map.of("variables", variables)), "anna", "anna");
    }

    @Test
    @DisplayName("seed 004: \"Indien door de bedrijfsarts is vastgesteld dat spoor 2 moet worden ingezet\" — the"
            + " werkgever's warning is a dossier decision with a review task on its day in his list")
    void aWarningIsADossierDecisionWithAReviewTaskOnItsDayInTheWerkgeversList() throws Exception {
        String caseId = runningCase();

        JsonNode warning = taken(caseId, "WAARSCHUWING", day(30));

        assertThat(warning.path("kind").asText()).isEqualTo("WAARSCHUWING");
        assertThat(warning.path("kindLabel").asText()).isEqualTo("Waarschuwing");
        assertThat(warning.path("reviewOn").asText()).as("14 days after the start by default")
                .isEqualTo(day(44).toString());
        assertThat(warning.path("active").asBoolean()).isTrue();
        DossierEntry decision = entries(caseId, DossierEntryType.COOPERATION_MEASURE_TAKEN).get(0);
        assertThat(decision.recordedBy()).isEqualTo("anna");
        assertThat(decision.content()).containsEntry("soort", "WAARSCHUWING").containsEntry("grond", GROUND)
                .containsEntry("ingangsdatum", day(30).toString()).containsEntry("herbeoordelenOp", day(44).toString());
        Task review = reviews(caseId).get(0);
        assertThat(review.getName()).isEqualTo("Maatregel bij onvoldoende medewerking herbeoordelen");
        assertThat(review.getDueDate()).isEqualTo(endOf(day(44)));
        assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + caseId, "anna", "anna").body())
                .as("in the werkgever's list").contains(review.getId());
        assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + caseId, "tim", "tim").body())
                .as("not in the werknemer's").doesNotContain(review.getId());

        JsonNode view = json.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(view.path("cooperationMeasures").get(0).path("id").asText()).isEqualTo(warning.path("id").asText());
        assertThat(json.readTree(http.get("/api/cases/" + caseId + "/cooperation-measures", "tim", "tim").body()))
                .as("the werknemer reads the measures against him").hasSize(1);
        assertThat(http.get("/api/cases/" + caseId + "/cooperation-measures", "ivo", "ivo").statusCode())
                .as("management sees a case's status only").isEqualTo(403);
        assertThat(http.get("/api/cases/" + caseId + "/cooperation-measures", "daan", "daan").statusCode())
                .isEqualTo(404);

        assertRefused(take(caseId, """
                {"kind": "WAARSCHUWING", "ground": "%s", "startDate": "%s"}""".formatted(GROUND, day(30)), "anna"),
                409, "kind");
        assertThat(taken(caseId, "STOPZETTING_LOON", day(30)).path("active").asBoolean())
                .as("a stop of wage payment needs no earlier warning by law").isTrue();
        assertThat(reviews(caseId)).hasSize(2);

        // The werkgever keeps the warning in its review, then ends it: the werknemer cooperates again.
        onDay(day(44));
        HttpResponse<String> kept = submitReview(review, Map.of("maatregelUitkomst", "handhaven",
                "maatregelVolgendeHerbeoordeling", day(58).toString()));
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(204);
        Task next = reviews(caseId).stream().filter(task -> !task.getId().equals(review.getId()))
                .filter(task -> task.getDueDate().equals(endOf(day(58)))).findFirst().orElseThrow();
        onDay(day(50));
        HttpResponse<String> ended = submitReview(next, Map.of("maatregelUitkomst", "beeindigen",
                "medewerkingHersteldOp", day(49).toString()));
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(204);
        JsonNode measures = json.readTree(http.get("/api/cases/" + caseId + "/cooperation-measures", "anna", "anna")
                .body());
        assertThat(measures.get(0).path("active").asBoolean()).isFalse();
        assertThat(measures.get(0).path("endedOn").asText()).isEqualTo(day(49).toString());
        assertThat(measures.get(1).path("active").asBoolean()).isTrue();
        assertThat(entries(caseId, DossierEntryType.COOPERATION_MEASURE_REVIEWED)).hasSize(1);
    }

    @Test
    void onlyTheWerkgeverOfTheCaseRecordsAMeasure() throws Exception {
        String caseId = runningCase();
        String body = """
                {"kind": "OPSCHORTING_LOON", "ground": "%s", "startDate": "%s"}""".formatted(GROUND, day(30));

        assertRefused(take(caseId, body, "tim"), 403, "caseId");
        assertRefused(take(caseId, body, "eva"), 403, "caseId");
        assertThat(take(caseId, body, "frank").statusCode()).as("a bureau of no part in the case").isEqualTo(404);
        assertThat(take(caseId, body, "daan").statusCode()).as("another employer's werkgever").isEqualTo(404);

        assertThat(entries(caseId, DossierEntryType.COOPERATION_MEASURE_TAKEN)).isEmpty();
        assertThat(reviews(caseId)).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingEachField() throws Exception {
        String caseId = runningCase();

        assertRefused(take(caseId, "{}", "anna"), 400, "kind", "ground", "startDate");
        assertRefused(take(caseId, """
                {"kind": "BOETE", "ground": "te kort", "startDate": "2025-12-31", "reviewOn": "morgen"}""", "anna"),
                400, "kind", "ground", "startDate", "reviewOn");
        assertRefused(take(caseId, """
                {"kind": "WAARSCHUWING", "ground": "%s", "startDate": "%s"}""".formatted(GROUND, day(90)), "anna"),
                400, "startDate");
        assertRefused(take(caseId, """
                {"kind": "WAARSCHUWING", "ground": "%s", "startDate": "%s", "reviewOn": "%s"}"""
                .formatted(GROUND, day(25), day(29)), "anna"), 400, "reviewOn");
        // Near the end of the waiting period (here moved forward, as an early IVA shortens it): a measure starting
        // after its last day is refused, the werkgever's obligations end then.
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();
        engine.getRuntimeService().setVariable(instance, "eindeWachttijd", endOf(day(35)));
        HttpResponse<String> afterTheWaitingPeriod = take(caseId, """
                {"kind": "WAARSCHUWING", "ground": "%s", "startDate": "%s"}""".formatted(GROUND, day(36)), "anna");
        assertRefused(afterTheWaitingPeriod, 400, "startDate");
        assertThat(json.readTree(afterTheWaitingPeriod.body()).path("rule").asText())
                .contains("end of the waiting period " + day(35));

        assertThat(entries(caseId, DossierEntryType.COOPERATION_MEASURE_TAKEN)).as("nothing half-written").isEmpty();
        assertThat(reviews(caseId)).isEmpty();
    }

    @Test
    @DisplayName("seed 004: the measure ends when the werknemer cooperates again; its review task disappears")
    void endingAMeasureRemovesItsReviewTaskAndIsInTheDossier() throws Exception {
        String caseId = runningCase();
        String id = taken(caseId, "STOPZETTING_LOON", day(28)).path("id").asText();
        String end = "/api/cases/" + caseId + "/cooperation-measures/" + id + "/end";
        onDay(day(35));

        assertRefused(http.post(end, "{}", "anna", "anna"), 400, "date");
        assertRefused(http.post(end, """
                {"date": "%s"}""".formatted(day(36)), "anna", "anna"), 400, "date");
        assertRefused(http.post(end, """
                {"date": "%s"}""".formatted(day(34)), "tim", "tim"), 403, "caseId");
        assertRefused(http.post("/api/cases/" + caseId + "/cooperation-measures/onbekend/end", """
                {"date": "%s"}""".formatted(day(34)), "anna", "anna"), 404, "measureId");
        HttpResponse<String> ended = http.post(end, """
                {"date": "%s", "explanation": "Weer verschenen op de afspraak met het bureau"}""".formatted(day(34)),
                "anna", "anna");

        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(json.readTree(ended.body()).path("endedOn").asText()).isEqualTo(day(34).toString());
        assertThat(reviews(caseId)).as("the review task disappears").isEmpty();
        DossierEntry entry = entries(caseId, DossierEntryType.COOPERATION_MEASURE_ENDED).get(0);
        assertThat(entry.recordedBy()).isEqualTo("anna");
        assertThat(entry.content()).containsEntry("maatregelId", id)
                .containsEntry("medewerkingHersteldOp", day(34).toString());
        assertThat(json.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body()).path("cooperationMeasures"))
                .as("no measure in force").isEmpty();
        assertRefused(http.post(end, """
                {"date": "%s"}""".formatted(day(34)), "anna", "anna"), 409, "measureId");
    }
}
