package nl.spoorwijzer.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spoor 2 as it happens (issue 26), over HTTP on one case of tim in spoor 2 (bureau WerkFit), step by step: the
 * bureau's activities, the employee's refusal of an offer, a placement reported and checked at once, the end of its
 * detachering; then a case whose werkgever runs spoor 2 himself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Spoor2PracticeIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    /** Day 346 of sickness, a Wednesday: the plan spoor 2 is agreed, the next progress report still weeks away. */
    static final LocalDate TODAY = FIRST_SICK_DAY.plusDays(345);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    @Autowired JdbcTemplate jdbc;
    HttpTestClient http;
    ApiCases cases;
    String caseId;

    @BeforeAll
    void caseInSpoor2() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        caseId = cases.reportAndPlay(FIRST_SICK_DAY, TODAY, SimulatedAnswers::onTime, 0);
    }

    @AfterAll
    void deleteCases() {
        cases.deleteAll("spoor-2-traject", "herstelperiode", "poortwachter");
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
    }

    @Test
    @Order(0)
    void theCaseScreenOffersEachPartyTheSpoor2ActionsTheApiTakesFromHim() {
        assertThat(actionsOf("frank")).contains("spoor2Activity", "spoor2PlacementReport")
                .doesNotContain("spoor2OfferRefusal");
        assertThat(actionsOf("tim")).contains("spoor2OfferRefusal", "spoor2PlacementReport")
                .doesNotContain("spoor2Activity");
        assertThat(actionsOf("anna")).as("a bureau runs the trajectory")
                .doesNotContain("spoor2Activity", "spoor2PlacementReport", "spoor2OfferRefusal");
        assertThat(actionsOf("eva")).doesNotContain("spoor2Activity", "spoor2PlacementReport", "spoor2OfferRefusal");
    }

    @Test
    @Order(1)
    // seed 004: "De eerste fase van het spoor 2 traject bestaat meestal uit één of tweewekelijkse sessies"
    // seed 001: "Daarnaast wordt de positie op de arbeidsmarkt versterkt, bijvoorbeeld door in te schrijven bij
    // uitzendbureaus."
    void theBureausSessionsTrainingsAndAgencyRegistrationsAreEntriesWithDateAndContent() {
        HttpResponse<String> session = post("/spoor2/activities", """
                {"kind": "GESPREK", "date": "%s", "description": "Vacatures besproken, cv bijgewerkt."}"""
                .formatted(TODAY), "frank");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        assertThat(tree(session.body()).path("elementId").asText()).isEqualTo("spoor2ActiviteitVastleggen");
        HttpResponse<String> agency = post("/spoor2/activities", """
                {"kind": "INSCHRIJVING_UITZENDBUREAU", "date": "%s", "description": "Ingeschreven bij Randstad."}"""
                .formatted(TODAY), "frank");
        assertThat(agency.statusCode()).as(agency.body()).isEqualTo(201);

        HttpResponse<String> badKind = post("/spoor2/activities", """
                {"kind": "BEHANDELING", "date": "%s", "description": "x"}""".formatted(TODAY), "frank");
        assertThat(badKind.statusCode()).as(badKind.body()).isEqualTo(400);
        assertThat(tree(badKind.body()).path("violations").findValuesAsText("field")).contains("kind");
        assertThat(post("/spoor2/activities", """
                {"kind": "TRAINING", "date": "%s", "description": "Sollicitatietraining."}""".formatted(TODAY),
                "rosa").statusCode()).as("the bureau of another case").isEqualTo(404);
        HttpResponse<String> byWerkgever = post("/spoor2/activities", """
                {"kind": "TRAINING", "date": "%s", "description": "Sollicitatietraining."}""".formatted(TODAY),
                "anna");
        assertThat(byWerkgever.statusCode()).as("a bureau runs this trajectory: " + byWerkgever.body())
                .isEqualTo(409);
        assertThat(post("/spoor2/activities", "{}", "tim").statusCode()).as("the employee").isEqualTo(403);
        HttpResponse<String> ahead = post("/spoor2/activities", """
                {"kind": "TRAINING", "date": "%s", "description": "Sollicitatietraining."}""".formatted(TODAY.plusDays(1)),
                "frank");
        assertThat(ahead.statusCode()).as("an activity is recorded once it happened: " + ahead.body()).isEqualTo(400);
        assertThat(tree(ahead.body()).path("field").asText()).isEqualTo("date");
        assertThat(tree(ahead.body()).path("rule").asText()).isEqualTo("must not be in the future (today is "
                + TODAY + ")");
        HttpResponse<String> beforeSickness = post("/spoor2/activities", """
                {"kind": "TRAINING", "date": "%s", "description": "Sollicitatietraining."}"""
                .formatted(FIRST_SICK_DAY.minusDays(1)), "frank");
        assertThat(beforeSickness.statusCode()).as(beforeSickness.body()).isEqualTo(400);
        assertThat(tree(beforeSickness.body()).path("field").asText()).isEqualTo("date");
        String trajectory = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("spoor-2-traject").processInstanceBusinessKey(caseId).singleResult().getId();
        assertThat(engine.getRuntimeService().getVariable(trajectory, "activiteitenSindsVorigeRapportage"))
                .as("counted for the next progress report").isEqualTo(2);

        for (String reader : List.of("anna", "tim", "frank", "eva")) {
            HttpResponse<String> list = http.get("/api/cases/" + caseId + "/spoor2/activities", reader, reader);
            assertThat(list.statusCode()).as(reader + ": " + list.body()).isEqualTo(200);
            JsonNode activities = tree(list.body());
            assertThat(activities.findValuesAsText("kind")).as(reader)
                    .containsExactly("GESPREK", "INSCHRIJVING_UITZENDBUREAU");
            assertThat(activities.get(0).path("date").asText()).isEqualTo(TODAY.toString());
            assertThat(activities.get(0).path("role").asText()).isEqualTo("re-integratiebureau");
        }
        assertThat(http.get("/api/cases/" + caseId + "/spoor2/activities", "rosa", "rosa").statusCode())
                .as("the bureau of another case").isEqualTo(404);
        assertThat(http.get("/api/cases/" + caseId + "/spoor2/activities", "ivo", "ivo").statusCode())
                .as("management sees status only").isEqualTo(403);
    }

    @Test
    @Order(2)
    // seed 004: "Een werknemer hoeft overigens geen werk te accepteren dat niet passend is."
    void theEmployeesRefusalOfAnOfferGoesToTheWerkgeverToJudge() {
        String body = """
                {"offer": "Magazijnmedewerker bij Transport Zuid", "date": "%s",
                 "reason": "Twee uur reistijd per dag en ploegendienst."}""".formatted(TODAY);
        assertThat(post("/spoor2/offer-refusals", body, "anna").statusCode()).as("the werkgever").isEqualTo(403);
        assertThat(post("/spoor2/offer-refusals", body, "frank").statusCode()).as("the bureau").isEqualTo(403);
        HttpResponse<String> missing = post("/spoor2/offer-refusals", "{\"offer\": \"Chauffeur\"}", "tim");
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(tree(missing.body()).path("violations").findValuesAsText("field"))
                .containsExactlyInAnyOrder("date", "reason");

        HttpResponse<String> refusedTomorrow = post("/spoor2/offer-refusals",
                body.replace(TODAY.toString(), TODAY.plusDays(1).toString()), "tim");
        assertThat(refusedTomorrow.statusCode()).as("a refusal is recorded once it happened: "
                + refusedTomorrow.body()).isEqualTo(400);
        assertThat(tree(refusedTomorrow.body()).path("field").asText()).isEqualTo("date");
        assertThat(openTasks("weigeringBeoordelen")).as("nothing half-written").isEmpty();

        HttpResponse<String> refusal = post("/spoor2/offer-refusals", body, "tim");
        assertThat(refusal.statusCode()).as(refusal.body()).isEqualTo(201);
        assertThat(tree(refusal.body()).path("role").asText()).isEqualTo("werknemer");
        Task judge = openTask("weigeringBeoordelen");
        assertThat(judge.getName()).isEqualTo("Weigering passende arbeid beoordelen");
        assertThat(candidateGroups(judge)).containsExactly("werkgever");
        assertThat(engine.getTaskService().getVariable(judge.getId(), "geweigerdAanbod"))
                .isEqualTo("Magazijnmedewerker bij Transport Zuid");

        HttpResponse<String> judged = http.post("/engine-rest/task/" + judge.getId() + "/complete", """
                {"variables": {"weigeringOordeel": {"value": "deskundigenoordeel"},
                 "weigeringOordeelToelichting": {"value": "UWV oordeelt over de passendheid."}}}""", "anna", "anna");
        assertThat(judged.statusCode()).as(judged.body()).isEqualTo(204);
        assertThat(http.get("/api/cases/" + caseId + "/dossier", "tim", "tim").body())
                .contains("Aanbod passende arbeid weigeren", "deskundigenoordeel");

        // seed 004: a refusal of work the employee considers not suitable leads to a deskundigenoordeel
        JsonNode requests = tree(http.get("/api/cases/" + caseId + "/expert-opinion-requests", "tim", "tim").body());
        assertThat(requests).as("the judgement records the request on suitable work").hasSize(1);
        JsonNode request = requests.get(0);
        assertThat(request.path("question").asText()).isEqualTo("PASSENDE_ARBEID");
        assertThat(request.path("status").asText()).isEqualTo("OPEN");
        assertThat(request.path("requestedBy").asText()).isEqualTo("werkgever");
        assertThat(request.path("recordedBy").asText()).isEqualTo("anna");
        assertThat(request.path("filedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(request.path("source").asText()).isEqualTo("weigeringBeoordelen");
        assertThat(request.path("explanation").asText()).isEqualTo("Weigering van het aanbod 'Magazijnmedewerker bij"
                + " Transport Zuid' op 16-12-2026: Twee uur reistijd per dag en ploegendienst.");
        assertThat(tree(http.get("/api/cases/" + caseId, "anna", "anna").body())
                .path("openExpertOpinionRequests").findValuesAsText("vraag")).as("open on the case screen")
                .containsExactly("PASSENDE_ARBEID");

        // A second refusal accepted adds no request; one judged "deskundigenoordeel" while the first request is
        // open adds none either (UWV's one opinion on suitable work answers it).
        assertThat(post("/spoor2/offer-refusals", body.replace("Magazijnmedewerker", "Heftruckchauffeur"), "tim")
                .statusCode()).isEqualTo(201);
        engine.getTaskService().complete(openTask("weigeringBeoordelen").getId(), Map.of("weigeringOordeel",
                "aanvaarden", "weigeringOordeelToelichting", "Terecht: te ver weg."));
        assertThat(post("/spoor2/offer-refusals", body.replace("Magazijnmedewerker", "Orderpicker"), "tim")
                .statusCode()).isEqualTo(201);
        engine.getTaskService().complete(openTask("weigeringBeoordelen").getId(), Map.of("weigeringOordeel",
                "deskundigenoordeel", "weigeringOordeelToelichting", "Ook deze vraag gaat naar UWV."));
        assertThat(tree(http.get("/api/cases/" + caseId + "/expert-opinion-requests", "anna", "anna").body()))
                .hasSize(1);
    }

    @Test
    @Order(3)
    // seed 001: "Nadat een nieuwe functie is gevonden, wordt getoetst of de functie duurzaam en passend is."
    void aReportedPlacementIsCheckedByTheBedrijfsartsAtOnce() {
        assertThat(openTasks("voortgangsrapportageOpstellen")).as("no progress report open").isEmpty();
        String body = """
                {"employer": "Installatiebedrijf Noord", "function": "Planner", "kind": "DETACHERING",
                 "startDate": "%s", "hoursPerWeek": 24}""".formatted(TODAY.plusDays(14));
        assertThat(post("/spoor2/placement-reports", body, "rosa").statusCode()).as("another bureau").isEqualTo(404);
        assertThat(post("/spoor2/placement-reports", body, "anna").statusCode()).as("a bureau runs it")
                .isEqualTo(409);
        HttpResponse<String> badForm = post("/spoor2/placement-reports", body.replace("DETACHERING", "STAGE"),
                "tim");
        assertThat(badForm.statusCode()).as(badForm.body()).isEqualTo(400);
        assertThat(tree(badForm.body()).path("field").asText()).isEqualTo("kind");
        assertThat(openTasks("passendheidToetsen")).as("nothing half-written").isEmpty();

        LocalDate endOfWaitingPeriod = LocalDate.parse(tree(http.get("/api/cases/" + caseId, "tim", "tim").body())
                .path("timeline").path("einde-wachttijd").asText());
        HttpResponse<String> afterTheWaitingPeriod = post("/spoor2/placement-reports",
                body.replace(TODAY.plusDays(14).toString(), endOfWaitingPeriod.plusDays(1).toString()), "tim");
        assertThat(afterTheWaitingPeriod.statusCode()).as(afterTheWaitingPeriod.body()).isEqualTo(400);
        assertThat(tree(afterTheWaitingPeriod.body()).path("field").asText()).isEqualTo("startDate");
        assertThat(tree(afterTheWaitingPeriod.body()).path("rule").asText()).startsWith("must be on or before "
                + endOfWaitingPeriod + ", the end of the waiting period");
        assertThat(openTasks("passendheidToetsen")).as("nothing half-written").isEmpty();

        HttpResponse<String> reported = post("/spoor2/placement-reports", body, "tim");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        assertThat(tree(reported.body()).path("content").path("plaatsingsvorm").asText()).isEqualTo("detachering");
        Task check = openTask("passendheidToetsen");
        assertThat(check.getDueDate()).as("5 working days after Wednesday 16 December")
                .isEqualTo(ApiCases.endOf(LocalDate.of(2026, 12, 23)));
        assertThat(engine.getTaskService().getVariable(check.getId(), "gevondenFunctie")).isEqualTo("Planner");

        HttpResponse<String> again = post("/spoor2/placement-reports", body, "frank");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("being checked");
    }

    @Test
    @Order(4)
    // seed 004: "Het meest gewenst is dan dat de werknemer een arbeidsovereenkomst van de inlenende werkgever krijgt
    // aangeboden." and "Voor de nieuwe werkgever zijn er bovendien de voordelen van de no-riskpolis en de korting op
    // de WIA en WW-premie."
    void theDetacheringEndsWithItsOutcomeRecorded() {
        complete(openTask("passendheidToetsen"), SimulatedAnswers.defaults("passendheidToetsen"));
        LocalDate end = TODAY.plusDays(60);
        complete(openTask("detacheringVastleggen"), Map.of("inlener", "Installatiebedrijf Noord",
                "detacheringStart", TODAY.plusDays(14).toString(), "detacheringEinde", end.toString(),
                "detacheringUren", 24, "detacheringVergoeding", 32, "loonwaardePercentage", 55,
                "detacheringsovereenkomstGetekend", true));
        assertThat(openTasks("detacheringAfronden")).isEmpty();
        ApiCases.onDay(end.minusDays(14));
        new CasePlayer(engine, caseId).fireDueTimers();
        Task conclusion = openTask("detacheringAfronden");
        assertThat(conclusion.getDueDate()).isEqualTo(ApiCases.endOf(end));
        assertThat(candidateGroups(conclusion)).containsExactly("bureau-werkfit");

        HttpResponse<String> done = http.post("/engine-rest/task/" + conclusion.getId() + "/complete", """
                {"variables": {"contractaanbodInlener": {"value": "nee"}, "noRiskPolis": {"value": "ja"},
                 "premievoordelen": {"value": "Premiekorting arbeidsbeperkte werknemer als hij later blijft."}}}""",
                "frank", "frank");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(http.get("/api/cases/" + caseId + "/dossier", "anna", "anna").body())
                .contains("Detachering afronden", "contractaanbodInlener", "Premiekorting arbeidsbeperkte werknemer");
        String trajectory = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("spoor-2-traject").processInstanceBusinessKey(caseId).singleResult().getId();
        assertThat(engine.getRuntimeService().getActiveActivityIds(trajectory)).as("no contract: the search goes on")
                .contains("rapportagemomentBereikt");
    }

    @Test
    @Order(5)
    // seed 003: "Van belang is, dat de werkgever altijd verantwoordelijk blijft/is voor de re-integratie."
    void aWerkgeverWhoRunsSpoor2HimselfGetsTheBureausTasksAndNoBureauIsInvolved() {
        cases.deleteAll("spoor-2-traject", "herstelperiode", "poortwachter");
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
        Function<String, Map<String, Object>> answers = key -> {
            if (key.equals("reintegratiebureauInschakelen")) {
                // the werkgever chooses to run spoor 2 himself in the form of "Re-integratiebureau inschakelen"
                Map<String, Object> himself = new java.util.HashMap<>(SimulatedAnswers.onTime(key));
                himself.put("spoor2Uitvoerder", "werkgever");
                return himself;
            }
            return key.equals("voortgangsrapportageOpstellen") ? null : SimulatedAnswers.onTime(key);
        };
        caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(100), answers, 0);
        HttpResponse<String> tooEarly = post("/spoor2/placement-reports", """
                {"employer": "Installatiebedrijf Noord", "function": "Planner", "kind": "ARBEIDSOVEREENKOMST",
                 "startDate": "2026-05-01", "hoursPerWeek": 24}""", "tim");
        assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
        assertThat(tooEarly.body()).as("refused while no trajectory runs")
                .contains("no spoor 2 trajectory runs in this case");
        new CasePlayer(engine, caseId).playUntil(FIRST_SICK_DAY.plusDays(360).atTime(9, 0)
                .atZone(ApiCases.AMSTERDAM).toInstant(), answers, 0);

        Task report = openTask("voortgangsrapportageOpstellen");
        assertThat(candidateGroups(report)).containsExactly("werkgever");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKeyIn("aanmeldingBeoordelen", "visieKeuzeBureauGeven").count()).isZero();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
                .taskHadCandidateGroup("bureau-werkfit").count()
                + engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
                .taskHadCandidateGroup("re-integratiebureau").count()).as("no task of a bureau").isZero();

        assertThat(actionsOf("anna")).as("he runs spoor 2 himself").contains("spoor2Activity",
                "spoor2PlacementReport");
        HttpResponse<String> activity = post("/spoor2/activities", """
                {"kind": "GESPREK", "date": "%s", "description": "Tweewekelijks gesprek."}"""
                .formatted(FIRST_SICK_DAY.plusDays(360)), "anna");
        assertThat(activity.statusCode()).as(activity.body()).isEqualTo(201);
        assertThat(post("/spoor2/activities", "{}", "frank").statusCode()).as("no bureau is a party").isEqualTo(404);
    }

    // ---- helpers ----

    private List<String> actionsOf(String user) {
        HttpResponse<String> view = http.get("/api/cases/" + caseId, user, user);
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        List<String> actions = new java.util.ArrayList<>();
        tree(view.body()).path("actions").forEach(action -> actions.add(action.asText()));
        return actions;
    }

    private HttpResponse<String> post(String path, String body, String user) {
        return http.post("/api/cases/" + caseId + path, body, user, user);
    }

    private List<Task> openTasks(String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key)
                .list();
    }

    private Task openTask(String key) {
        List<Task> tasks = openTasks(key);
        assertThat(tasks).as("open task " + key).hasSize(1);
        return tasks.get(0);
    }

    private void complete(Task task, Map<String, Object> values) {
        engine.getTaskService().complete(task.getId(), values);
    }

    private List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
