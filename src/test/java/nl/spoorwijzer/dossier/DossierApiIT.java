package nl.spoorwijzer.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A case started and worked over Camunda's REST API shows up in its dossier, for those who may see the case. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierApiIT {

    private static final String OUTSIDER = "dossierbuitenstaander";

    @LocalServerPort int port;
    @Autowired ObjectMapper objectMapper;
    @Autowired IdentityService identityService;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        TestUsers.ensureUserWithoutRights(identityService, OUTSIDER);
    }

    @Test
    void taskCompletedThroughTheRestApiIsRecordedWithWhoAndWhen() throws Exception {
        String firstSickDay = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(2).toString();
        var started = http.post("/engine-rest/process-definition/key/poortwachter/start", """
                {"variables": {"werknemerId": {"value": "tim"}, "werkgeverId": {"value": "acme-bouw"},
                               "werknemerNaam": {"value": "D. Werknemer"}, "verwachteDuur": {"value": "onbekend"},
                               "eersteZiektedag": {"value": "%s"}}}""".formatted(firstSickDay), "demo", "demo");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String caseId = objectMapper.readTree(started.body()).path("businessKey").asText();
        assertThat(caseId).as("the platform assigns the case id").startsWith("ZV-");
        JsonNode tasks = objectMapper.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + caseId
                + "&taskDefinitionKey=ziekmeldingDoorgeven", "demo", "demo").body());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("name").asText()).isEqualTo("Ziekmelding doorgeven aan bedrijfsarts");

        var completed = http.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/submit-form", """
                {"variables": {"meldingBedrijfsartsDatum": {"value": "%s"},
                               "bedrijfsarts": {"value": "Arbodienst Noord"}}}""".formatted(firstSickDay),
                "demo", "demo");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        var response = http.get("/api/cases/" + caseId + "/dossier", "demo", "demo");
        var readable = http.get("/api/cases/" + caseId + "/dossier/readable", "anna", "anna");
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode entries = objectMapper.readTree(response.body());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).path("type").asText()).isEqualTo("TIMELINE_COMPUTED");
        JsonNode task = entries.get(1);
        assertThat(task.path("type").asText()).isEqualTo("TASK_COMPLETED");
        assertThat(task.path("subject").asText()).isEqualTo("Ziekmelding doorgeven aan bedrijfsarts");
        assertThat(task.path("recordedBy").asText()).isEqualTo("demo");
        assertThat(task.path("role").asText()).isEqualTo("werkgever");
        assertThat(task.path("deadlineMet").asBoolean()).isTrue();
        assertThat(task.path("content").path("bedrijfsarts").asText()).isEqualTo("Arbodienst Noord");

        // The case screen's dossier: the form's labels, Dutch dates and the name of who recorded it.
        assertThat(readable.statusCode()).as(readable.body()).isEqualTo(200);
        JsonNode shown = objectMapper.readTree(readable.body()).get(1);
        assertThat(shown.path("recordedByName").asText()).isNotEqualTo("demo").isNotBlank();
        assertThat(shown.path("values")).extracting(value -> value.path("label").asText() + ": "
                + value.path("value").asText()).contains(
                "Bedrijfsarts of arbodienst: Arbodienst Noord",
                "Datum melding aan bedrijfsarts/arbodienst: " + LocalDate.parse(firstSickDay)
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        assertThat(readable.body()).doesNotContain("meldingBedrijfsartsDatum", firstSickDay);
    }

    @Test
    void theDossierIsHiddenFromCallersWhoMayNotSeeTheCase() {
        assertThat(http.get("/api/cases/ZV-IT-DOSSIER/dossier").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/cases/ZV-IT-DOSSIER/dossier", OUTSIDER, OUTSIDER).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/cases/ZV-BESTAAT-NIET/dossier", "demo", "demo").statusCode()).isEqualTo(404);
    }
}
