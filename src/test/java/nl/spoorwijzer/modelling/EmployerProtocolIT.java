package nl.spoorwijzer.modelling;

import static nl.spoorwijzer.modelling.ProtocolVariants.EMPLOYER;
import static nl.spoorwijzer.modelling.ProtocolVariants.EXTRA_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 28, protocols per employer, over HTTP as Camunda Modeler deploys: hanna (procesbeheerder) deploys acme-bouw's
 * own poortwachter with its tenant id over /engine-rest/deployment/create; a werkgever may not; a variant without the
 * probleemanalyse is refused with a 400 naming it. anna's next sick report runs on acme-bouw's protocol (its extra
 * task and form), daan does not see acme-bouw's protocol, and hanna's version list shows it with its tenant and count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmployerProtocolIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    private HttpTestClient http;
    private DeploymentUpload upload;
    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
        upload = new DeploymentUpload(http);
    }

    @AfterEach
    void cleanUp() {
        new ApiCases(null, json, engine).deleteAll("spoor-2-traject", "poortwachter");
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
        // The shared models stay the only ones for the tests that follow on this database.
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id));
    }

    @Test
    void hannaDeploysAcmeBouwsProtocolAndAnnasNextCaseRunsOnIt() throws Exception {
        HttpResponse<String> byWerkgever = upload.deploy("anna", "protocol acme-bouw",
                ProtocolVariants.deployment(ProtocolVariants.withExtraTask()), EMPLOYER);
        assertThat(byWerkgever.statusCode()).as(byWerkgever.body()).isEqualTo(403);

        HttpResponse<String> withoutProbleemanalyse = upload.deploy("hanna", "protocol acme-bouw",
                ProtocolVariants.deployment(ProtocolVariants.poortwachter(model -> model
                        .<UserTask>getModelElementById("probleemanalyseOpstellen").setId("probleemanalyseMaken"))),
                EMPLOYER);
        assertThat(withoutProbleemanalyse.statusCode()).as(withoutProbleemanalyse.body()).isEqualTo(400);
        assertThat(json.readTree(withoutProbleemanalyse.body()).path("violations")).anySatisfy(violation -> {
            assertThat(violation.path("field").asText()).isEqualTo("probleemanalyseOpstellen");
            assertThat(violation.path("rule").asText()).contains("legal step 'Probleemanalyse opstellen'",
                    "is missing");
        });

        HttpResponse<String> deployed = upload.deploy("hanna", "protocol acme-bouw",
                ProtocolVariants.deployment(ProtocolVariants.withExtraTask()), EMPLOYER);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        JsonNode deployment = json.readTree(deployed.body());
        deployments.add(deployment.path("id").asText());
        assertThat(deployment.path("tenantId").asText()).isEqualTo(EMPLOYER);

        String caseId = new ApiCases(http, json, engine).report("tim", LocalDate.now());
        JsonNode tasks = json.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + caseId
                + "&taskDefinitionKey=" + EXTRA_TASK, "anna", "anna").body());
        assertThat(tasks).as("the protocol's extra task").hasSize(1);
        assertThat(tasks.get(0).path("tenantId").asText()).isEqualTo(EMPLOYER);
        HttpResponse<String> form = http.get("/engine-rest/task/" + tasks.get(0).path("id").asText()
                + "/deployed-form", "anna", "anna");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("intakegesprek-voeren");

        JsonNode daansModels = json.readTree(http.get("/engine-rest/process-definition?key=poortwachter",
                "daan", "daan").body());
        assertThat(daansModels).isNotEmpty().allSatisfy(model ->
                assertThat(model.path("tenantId").isNull()).as("only shared models for zorggroep-noord").isTrue());

        JsonNode versions = json.readTree(http.get("/api/process-versions", "hanna", "hanna").body());
        JsonNode protocol = StreamSupport.stream(versions.spliterator(), false)
                .filter(version -> version.path("processKey").asText().equals("poortwachter")
                        && version.path("tenantId").asText().equals(EMPLOYER))
                .findFirst().orElseThrow();
        assertThat(protocol.path("runningCases").asLong()).isEqualTo(1);
        assertThat(protocol.path("versionTag").asText()).isNotBlank();
    }
}
