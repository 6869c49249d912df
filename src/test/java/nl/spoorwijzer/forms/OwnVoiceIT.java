package nl.spoorwijzer.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
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
 * Own voice over the API: at the eerstejaarsevaluatie the werkgever cannot type the employee's view into his own
 * form, nor complete the employee's task; the employee writes his view himself and the dossier signs it with his
 * name and role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnVoiceIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

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
        cases.deleteAll("poortwachter", "spoor-2-traject");
    }

    private Task task(String caseId, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key)
                .singleResult();
    }

    @Test
    void atTheEerstejaarsevaluatieEachPartyWritesAndSignsItsOwnView() {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(329),
                key -> key.equals("eerstejaarsevaluatieHouden") ? null : SimulatedAnswers.onTime(key), 0);
        String evaluation = task(caseId, "eerstejaarsevaluatieHouden").getId();
        String werkgeverFields = """
                "terugblikEersteJaar": {"value": "Aangepast werk 12 uur per week."},
                "doelTweedeJaar": {"value": "Passend werk bij een andere werkgever."},
                "visieWerkgeverEje": {"value": "Spoor 2 is nodig."}""";

        HttpResponse<String> typedForTheEmployee = http.post("/engine-rest/task/" + evaluation + "/submit-form",
                "{\"variables\": {" + werkgeverFields + ", \"visieWerknemerEje\": {\"value\": \"Prima.\"}}}",
                "anna", "anna");
        assertThat(typedForTheEmployee.statusCode()).as(typedForTheEmployee.body()).isEqualTo(400);
        assertThat(typedForTheEmployee.body()).contains("visieWerknemerEje");

        HttpResponse<String> held = http.post("/engine-rest/task/" + evaluation + "/submit-form",
                "{\"variables\": {" + werkgeverFields + "}}", "anna", "anna");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);

        Task ownView = task(caseId, "eerstejaarsevaluatieVisieGeven");
        assertThat(ownView.getAssignee()).isEqualTo("tim");
        String view = """
                {"variables": {"visieWerknemerEje": {"value": "Ik sta open voor ander werk."}}}""";
        HttpResponse<String> byTheWerkgever = http.post("/engine-rest/task/" + ownView.getId() + "/submit-form",
                view, "anna", "anna");
        assertThat(byTheWerkgever.statusCode()).as("the werkgever cannot write the employee's view")
                .isIn(403, 404);
        HttpResponse<String> byTheEmployee = http.post("/engine-rest/task/" + ownView.getId() + "/submit-form",
                view, "tim", "tim");
        assertThat(byTheEmployee.statusCode()).as(byTheEmployee.body()).isEqualTo(204);

        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.elementId() != null
                        && entry.elementId().startsWith("eerstejaarsevaluatie"))
                .extracting(DossierEntry::elementId, DossierEntry::recordedBy, DossierEntry::role)
                .containsExactly(org.assertj.core.api.Assertions.tuple("eerstejaarsevaluatieHouden", "anna", "werkgever"),
                        org.assertj.core.api.Assertions.tuple("eerstejaarsevaluatieVisieGeven", "tim", "werknemer"));
    }
}
