package nl.spoorwijzer.uwv;

import static nl.spoorwijzer.support.ApiCases.endOf;
import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * UWV decisions over HTTP: a loonsanctie and a VVL move the end of the waiting period and every pending timer, which
 * then fire on the new date; a bekorting ends the sanction 6 weeks after it was granted; the shortcomings become
 * repair tasks; a deskundigenoordeel reaches the step waiting for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UwvDecisionsIT {

    /** Monday 5 January 2026: day 651 = 17 October 2027, day 728 = Sunday 2 January 2028. */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

    @LocalServerPort int port;
    @Autowired ObjectMapper objectMapper;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
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

    static LocalDate day(int n) {
        return FIRST_SICK_DAY.plusDays(n - 1L);
    }

    private String caseRunningUntil(int lastDay) {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, day(lastDay), SimulatedAnswers::onTime, 0);
        assertThat(new CasePlayer(engine, caseId).isEnded()).as("the case still runs on day " + lastDay).isFalse();
        return caseId;
    }

    private HttpResponse<String> decide(String caseId, String json) {
        return decide(caseId, json, "anna");
    }

    private HttpResponse<String> decide(String caseId, String json, String user) {
        return http.post("/api/cases/" + caseId + "/uwv-decisions", json, user, user);
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return objectMapper.readTree(response.body());
    }

    @Test
    void aLoonsanctieMovesTheEndOfTheWaitingPeriodAndItsTimerFiresOnTheNewDate() throws Exception {
        String caseId = caseRunningUntil(700);
        assertThat(cases.timer(caseId, "wachttijdVerstreken")).isEqualTo(endOf(day(728)));

        JsonNode sanctioned = ok(decide(caseId, """
                {"type": "LOONSANCTIE", "decisionDate": "%s", "weeks": 12,
                 "shortcomings": ["Spoor 2 is te laat ingezet", "Het plan van aanpak is niet bijgesteld"]}"""
                .formatted(day(700))));

        LocalDate newEnd = day(728).plusWeeks(12);
        assertThat(sanctioned.path("timeline").path("einde-wachttijd").asText()).isEqualTo(newEnd.toString());
        assertThat(sanctioned.path("timeline").path("wia-aanvraag").asText()).as("the sanction follows the application")
                .isEqualTo(day(651).toString());
        assertThat(cases.timer(caseId, "wachttijdVerstreken")).isEqualTo(endOf(newEnd));
        List<Task> repairs = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("tekortkomingHerstellen").list();
        assertThat(repairs).extracting(task -> engine.getTaskService().getVariable(task.getId(), "tekortkoming"))
                .containsExactlyInAnyOrder("Spoor 2 is te laat ingezet", "Het plan van aanpak is niet bijgesteld");
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.UWV_DECISION)
                .singleElement().satisfies(entry -> assertThat(entry.content()).containsEntry("weken", 12));

        CasePlayer player = new CasePlayer(engine, caseId);
        onDay(day(729));
        player.fireDueTimers();
        assertThat(player.isEnded()).as("the old end of the waiting period no longer ends the case").isFalse();
        onDay(newEnd.plusDays(1));
        player.fireDueTimers();
        assertThat(player.isEnded()).as("the case ends after the sanction").isTrue();
    }

    @Test
    void aGrantedBekortingEndsTheSanctionSixWeeksLater() throws Exception {
        String caseId = caseRunningUntil(700);
        ok(decide(caseId, """
                {"type": "LOONSANCTIE", "decisionDate": "%s", "weeks": 52, "shortcomings": ["Geen spoor 2"]}"""
                .formatted(day(700))));
        onDay(day(740));
        JsonNode shortened = ok(decide(caseId, """
                {"type": "BEKORTING", "decisionDate": "%s"}""".formatted(day(740))));

        assertThat(shortened.path("timeline").path("einde-wachttijd").asText()).isEqualTo(day(782).toString());
        assertThat(cases.timer(caseId, "wachttijdVerstreken")).isEqualTo(endOf(day(782)));
        assertRefused(decide(caseId, """
                {"type": "BEKORTING", "decisionDate": "%s"}""".formatted(day(740))), 409, "type", "already shortened");
    }

    @Test
    void aVoluntaryExtensionMovesTheWiaApplicationAndTheFinalPhaseStartsOnTheNewDate() throws Exception {
        String caseId = caseRunningUntil(590);
        assertThat(cases.timer(caseId, "eindfaseBereikt")).isNotNull();

        JsonNode extended = ok(decide(caseId, """
                {"type": "VVL", "decisionDate": "%s", "weeks": 13, "employerAgreed": true, "employeeAgreed": true}"""
                .formatted(day(590))));

        assertThat(extended.path("timeline").path("wia-aanvraag").asText()).isEqualTo(day(651 + 91).toString());
        assertThat(extended.path("timeline").path("einde-wachttijd").asText()).isEqualTo(day(728 + 91).toString());
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.TIMELINE_UPDATED
                        && entry.subject().startsWith("Wettelijke termijnen verschoven"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.subject()).isEqualTo(
                            "Wettelijke termijnen verschoven: vrijwillige verlenging loondoorbetaling van 13 weken");
                    assertThat(entry.content()).containsEntry("type", "VVL").containsEntry("weken", 13)
                            .containsEntry("vvlWekenTotaal", 13).containsEntry("verschuivingDagen", 0)
                            .containsKeys("besluitdatum", "termijnen");
                });
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.UWV_DECISION)
                .singleElement().satisfies(entry -> assertThat(entry.content()).containsEntry("vvlWekenTotaal", 13)
                        .containsKey("termijnen").doesNotContainKey("verschuivingDagen"));
        assertThat(cases.timer(caseId, "wachttijdVerstreken")).isEqualTo(endOf(day(728 + 91)));
        CasePlayer player = new CasePlayer(engine, caseId);
        onDay(day(611)); // the final phase would have started on day 610
        player.fireDueTimers();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("actueelOordeelOpstellen").count()).isZero();
        onDay(day(701)); // week 88 of the extended period: 6 weeks before the moved WIA application
        player.fireDueTimers();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("actueelOordeelOpstellen").singleResult().getDueDate())
                .isEqualTo(endOf(day(651 + 91 - 14)));
    }

    @Test
    void aDeskundigenoordeelReachesTheStepWaitingForIt() throws Exception {
        String caseId = caseRunningUntil(100);
        // Without a step waiting for it, an opinion must say which question it answers (opinions/ExpertOpinionsIT).
        assertRefused(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "conclusion": "Plan is passend"}"""
                .formatted(day(100))), 400, "question", "required");

        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();
        engine.getRuntimeService().createProcessInstanceModification(instance)
                .startBeforeActivity("deskundigenoordeelOntvangen").execute();
        ok(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "conclusion": "Het plan van aanpak is passend."}"""
                .formatted(day(100))));

        Task processing = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("deskundigenoordeelVerwerken").singleResult();
        assertThat(engine.getTaskService().getVariable(processing.getId(), "deskundigenoordeelConclusie"))
                .isEqualTo("Het plan van aanpak is passend.");
    }

    @Test
    void badDecisionsAreRefusedNamingFieldAndRuleAndChangeNothing() throws Exception {
        String caseId = caseRunningUntil(100);
        String today = day(100).toString();
        assertRefused(decide(caseId, "{}"), 400, "type", "required");
        assertRefused(decide(caseId, "{\"type\": \"BOETE\", \"decisionDate\": \"" + today + "\"}"), 400, "type",
                "LOONSANCTIE");
        assertRefused(decide(caseId, "{\"type\": \"VVL\"}"), 400, "decisionDate", "required");
        assertRefused(decide(caseId, "{\"type\": \"VVL\", \"decisionDate\": \"" + day(101) + "\"}"), 400,
                "decisionDate", "future");
        assertRefused(decide(caseId, "{\"type\": \"LOONSANCTIE\", \"decisionDate\": \"" + today
                + "\", \"weeks\": 53, \"shortcomings\": [\"x\"]}"), 400, "weeks", "WIA art. 25 lid 9");
        assertRefused(decide(caseId, "{\"type\": \"LOONSANCTIE\", \"decisionDate\": \"" + today
                + "\", \"weeks\": 10, \"shortcomings\": []}"), 400, "shortcomings", "repair task");
        assertRefused(decide(caseId, "{\"type\": \"VVL\", \"decisionDate\": \"" + today
                + "\", \"weeks\": 12, \"employerAgreed\": true, \"employeeAgreed\": true}"), 400, "weeks",
                "WIA art. 24");
        assertRefused(decide(caseId, "{\"type\": \"VVL\", \"decisionDate\": \"" + today
                + "\", \"weeks\": 13, \"employerAgreed\": true, \"employeeAgreed\": false}"), 400, "employeeAgreed",
                "jointly");
        assertRefused(decide(caseId, "{\"type\": \"BEKORTING\", \"decisionDate\": \"" + today + "\"}"), 409, "type",
                "no loonsanctie");
        assertRefused(decide(caseId, "{\"type\": \"VVL\", \"decisionDate\": \"" + today
                + "\", \"weeks\": 13, \"employerAgreed\": true, \"employeeAgreed\": true}", "tim"), 403, "caseId",
                "employer side");
        assertRefused(decide(caseId, "{\"type\": \"VVL\", \"decisionDate\": \"" + today
                + "\", \"weeks\": 13, \"employerAgreed\": true, \"employeeAgreed\": true}", "daan"), 404, "caseId",
                "may see");
        assertThat(dossier.findByCase(caseId)).noneMatch(entry -> entry.type() == DossierEntryType.UWV_DECISION);
        assertThat(cases.timer(caseId, "wachttijdVerstreken")).isEqualTo(endOf(day(728)));
    }

    private void assertRefused(HttpResponse<String> response, int status, String field, String rule)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).contains(rule);
    }
}
