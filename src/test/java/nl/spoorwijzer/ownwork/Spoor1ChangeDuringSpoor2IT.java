package nl.spoorwijzer.ownwork;

import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A changed belastbaarheid while spoor 2 runs (bureau WerkFit): the werkgever still re-checks spoor 1, and the
 * bureau is told in its own task list when the case's trajectory listens for it (message BelastbaarheidGewijzigd,
 * the event subprocess "Gewijzigde belastbaarheid verwerken" of spoor-2-traject). The bureau itself is a party of the
 * case but sets no opbouwschema and reports no spoor 1 change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Spoor1ChangeDuringSpoor2IT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    static final LocalDate TODAY = FIRST_SICK_DAY.plusDays(345);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    HttpTestClient http;
    ApiCases cases;
    String caseId;
    String trajectory;

    @BeforeAll
    void caseInSpoor2() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        caseId = cases.reportAndPlay(FIRST_SICK_DAY, TODAY, SimulatedAnswers::onTime, 0);
        trajectory = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("spoor-2-traject")
                .processInstanceBusinessKey(caseId).singleResult().getId();
        onDay(TODAY);
    }

    @AfterAll
    void deleteCase() {
        cases.deleteAll("spoor-2-traject", "herstelperiode", "poortwachter");
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
    }

    @Test
    @DisplayName("seed 003: \"Wanneer de benutbare mogelijkheden wijzigen dient de werkgever de uitvoerder op de"
            + " hoogte te brengen\"")
    void aChangedBelastbaarheidDuringSpoor2GoesToTheWerkgeversReCheckAndToTheBureauWhenItsTrajectoryListens()
            throws IOException {
        boolean listens = engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(trajectory)
                .eventName(Spoor1Changes.BELASTBAARHEID_GEWIJZIGD).count() > 0;
        long bureauTasks = bureauTasks();

        HttpResponse<String> reported = http.post("/api/cases/" + caseId + "/spoor1-changes", """
                {"kind": "BELASTBAARHEID", "description": "Kan weer 6 uur per dag werken, zonder tillen.",
                 "date": "%s"}""".formatted(TODAY), "anna", "anna");

        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        JsonNode entry = json.readTree(reported.body());
        assertThat(entry.path("content").path("reintegratiebureauGeinformeerd").asBoolean()).isEqualTo(listens);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("spoor1MogelijkhedenHerbeoordelen").count()).isEqualTo(1);
        if (listens) {
            assertThat(bureauTasks()).as("the bureau's task 'Gewijzigde belastbaarheid verwerken'")
                    .isEqualTo(bureauTasks + 1);
            org.camunda.bpm.engine.task.Task told = engine.getTaskService().createTaskQuery()
                    .processInstanceId(trajectory).taskDefinitionKey("gewijzigdeBelastbaarheidVerwerken").singleResult();
            assertThat(engine.getTaskService().getVariable(told.getId(), Spoor1Changes.BELASTBAARHEID_WIJZIGING))
                    .as("in the task's own event subprocess: a second change does not overwrite it")
                    .isEqualTo(TODAY + ": Kan weer 6 uur per dag werken, zonder tillen.");
            assertThat(engine.getRuntimeService().getVariable(trajectory, Spoor1Changes.BELASTBAARHEID_WIJZIGING))
                    .isNull();
        } else {
            assertThat(bureauTasks()).as("a trajectory model without the event changes nothing").isEqualTo(bureauTasks);
        }
    }

    @Test
    void theBureauOfTheCaseSetsNoScheduleAndReportsNoChange() {
        assertThat(http.get("/api/cases/" + caseId + "/work-resumption-schedule", "frank", "frank").statusCode())
                .as("it reads the case").isEqualTo(200);
        HttpResponse<String> schedule = http.send(http.request("/api/cases/" + caseId + "/work-resumption-schedule")
                .header("Content-Type", "application/json").header("Authorization", HttpTestClient.basic("frank",
                        "frank")).PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(schedule.statusCode()).isEqualTo(403);
        assertThat(http.post("/api/cases/" + caseId + "/spoor1-changes", "{}", "frank", "frank").statusCode())
                .isEqualTo(403);
        assertThat(http.post("/api/cases/" + caseId + "/work-resumption-hours", "{}", "frank", "frank")
                .statusCode()).isEqualTo(403);
    }

    private long bureauTasks() {
        return engine.getTaskService().createTaskQuery().processInstanceId(trajectory).count();
    }
}
