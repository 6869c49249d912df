package nl.spoorwijzer.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.migration.MigrationFixtures;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.HttpTestClient.Part;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What-if over HTTP as hanna (issue 28): a candidate runs in a JVM of its own and shows its differences per sample
 * case; a werkgever may neither start nor read one; a refused candidate is refused before anything runs; the real
 * engine's cases, dossier and deployments are the same before and after. One simulation serves every assertion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulationIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    @Test
    void hannaTriesACandidateOnSampleCasesWithoutTouchingRealOnes() throws Exception {
        HttpTestClient http = new HttpTestClient(port);
        List<Long> before = counts();
        List<Part> candidate = new ArrayList<>();
        for (Map.Entry<String, byte[]> form : MigrationFixtures.forms().entrySet()) {
            candidate.add(Part.file(form.getKey(), form.getKey(), "application/json", form.getValue()));
        }
        byte[] version2 = MigrationFixtures.version2("90.0.0", model -> { });
        candidate.add(Part.file("poortwachter.bpmn", "poortwachter.bpmn", "application/xml", version2));

        HttpResponse<String> werkgever = http.postMultipart("/api/simulations", candidate, "anna", "anna");
        assertThat(werkgever.statusCode()).as(werkgever.body()).isEqualTo(403);
        for (String other : List.of("eva", "ivo", "bram", "frank")) {
            assertThat(http.postMultipart("/api/simulations", candidate, other, other).statusCode()).as(other)
                    .isEqualTo(403);
        }
        HttpResponse<String> alone = http.postMultipart("/api/simulations",
                List.of(Part.file("poortwachter.bpmn", "poortwachter.bpmn", "application/xml", version2)),
                "hanna", "hanna");
        assertThat(alone.statusCode()).as(alone.body()).isEqualTo(400);
        assertThat(alone.body()).as("names the forms to include").contains("probleemanalyse-opstellen.form");

        HttpResponse<String> started = http.postMultipart("/api/simulations", candidate, "hanna", "hanna");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = json.readTree(started.body()).get("id").asText();
        assertThat(http.get("/api/simulations/" + id, "anna", "anna").statusCode()).isEqualTo(403);

        JsonNode run = json.readTree(http.get("/api/simulations/" + id, "hanna", "hanna").body());
        // Waits for the simulation's own JVM (not for engine time): polled, at most 10 minutes.
        for (int poll = 0; poll < 200 && run.get("status").asText().equals("BEZIG"); poll++) {
            Thread.sleep(3000);
            run = json.readTree(http.get("/api/simulations/" + id, "hanna", "hanna").body());
        }
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("KLAAR");
        JsonNode cases = run.get("result").get("cases");
        assertThat(cases).hasSize(SampleCase.ALL.size());
        JsonNode onTime = cases.get(0);
        assertThat(onTime.get("tasks").get("appeared").findValuesAsText("key"))
                .contains(MigrationFixtures.ADDED_TASK);
        assertThat(onTime.get("tasks").get("moved").get(0).get("key").asText()).isEqualTo("ziekmeldingUwvDoen");
        assertThat(run.toString()).as("invented people only").doesNotContain("anna", "bram", "carla");
        assertThat(http.get("/api/simulations/" + id, "demo", "demo").statusCode()).isEqualTo(200);
        assertThat(counts()).as("real cases, dossier and deployments untouched").isEqualTo(before);
    }

    private List<Long> counts() {
        return List.of(engine.getHistoryService().createHistoricProcessInstanceQuery().count(),
                engine.getRuntimeService().createProcessInstanceQuery().count(),
                engine.getRepositoryService().createDeploymentQuery().count(),
                jdbc.queryForObject("SELECT COUNT(*) FROM dossier_entry", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM case_file", Long.class));
    }
}
