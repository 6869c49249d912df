package nl.spoorwijzer.modelling;

import static nl.spoorwijzer.modelling.Models.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deleting what cases use, over HTTP as the users of issue 21: the process owner cannot wipe cases (the exploit
 * {@code DELETE /engine-rest/deployment/{id}?cascade=true}), nor can the administrator through /engine-rest; the
 * administrator can through the confirmed platform endpoint, and that is audited. An unused deployment the process
 * owner may still delete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentDeletionIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;

    private HttpTestClient http;
    private DeploymentUpload upload;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
        upload = new DeploymentUpload(http);
    }

    @Test
    void theProcessOwnerCannotWipeTheCasesOfPoortwachter() throws Exception {
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}"""
                .formatted(LocalDate.now()), "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).path("caseId").asText();
        String deploymentId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("poortwachter").latestVersion().singleResult().getDeploymentId();
        long running = engine.getRuntimeService().createProcessInstanceQuery().count();
        long historicVariables = engine.getHistoryService().createHistoricVariableInstanceQuery().count();
        try {
            HttpResponse<String> refused = delete("/engine-rest/deployment/" + deploymentId + "?cascade=true", "hanna");

            assertRefused(refused, "is used by");
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(running);
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().count())
                    .isEqualTo(historicVariables);
            assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count())
                    .isEqualTo(1);
        } finally {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).list()
                    .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test"));
        }
    }

    @Test
    void aDeploymentInUseIsDeletedWithItsCasesOnlyByTheAdministratorThroughTheConfirmedEndpoint() throws Exception {
        String deploymentId = deploy("proefInGebruik");
        String instanceId = engine.getRuntimeService().startProcessInstanceByKey("proefInGebruik",
                Map.of("werkgeverId", "acme-bouw")).getId();
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .deploymentId(deploymentId).singleResult().getId();

        assertRefused(delete("/engine-rest/deployment/" + deploymentId + "?cascade=true", "hanna"),
                "is used by cases");
        assertRefused(delete("/engine-rest/deployment/" + deploymentId, "hanna"), "only the administrator");
        assertRefused(delete("/engine-rest/deployment/" + deploymentId + "?cascade=true", "demo"),
                "/api/deployments");
        assertRefused(delete("/engine-rest/process-definition/" + definitionId + "?cascade=true", "demo"),
                "is used by 1");
        assertRefused(delete("/engine-rest/process-definition/key/proefInGebruik?cascade=true", "demo"),
                "is used by 1");
        assertThat(instanceExists(instanceId)).isTrue();

        String endpoint = "/api/deployments/" + deploymentId + "?cascade=true";
        assertThat(delete(endpoint + "&confirm=" + deploymentId + "&reason=test", "hanna").statusCode())
                .isEqualTo(403);
        HttpResponse<String> unconfirmed = delete(endpoint + "&reason=test", "demo");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unconfirmed.body()).path("field").asText()).isEqualTo("confirm");
        assertThat(delete(endpoint + "&confirm=" + deploymentId, "demo").statusCode()).isEqualTo(400);
        assertThat(instanceExists(instanceId)).isTrue();

        String reason = "Proefmodel per abuis in productie gezet";
        HttpResponse<String> done = delete(endpoint + "&confirm=" + deploymentId + "&reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8), "demo");

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode removal = json.readTree(done.body());
        assertThat(removal.path("runningCases").asLong()).isEqualTo(1);
        assertThat(instanceExists(instanceId)).isFalse();
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
        JsonNode log = json.readTree(http.get("/engine-rest/history/user-operation?entityType=Deployment"
                + "&operationType=Delete&deploymentId=" + deploymentId, "demo", "demo").body());
        assertThat(log).isNotEmpty();
        assertThat(log.get(0).path("userId").asText()).isEqualTo("demo");
        assertThat(log.get(0).path("annotation").asText()).contains(reason).contains("1 running");
    }

    @Test
    void theProcessOwnerDeletesAnUnusedDeployment() {
        String deploymentId = deploy("proefOngebruikt");
        assertThat(delete("/engine-rest/deployment/" + deploymentId, "hanna").statusCode()).isEqualTo(204);
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count()).isZero();
    }

    private String deploy(String processId) {
        HttpResponse<String> response = upload.deploy("hanna", processId, Map.of(
                processId + ".bpmn", utf8(Models.validProcess(processId)),
                "proef-formulier.form", utf8(Models.FORM)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return json.readTree(response.body()).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean instanceExists(String id) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() == 1;
    }

    private HttpResponse<String> delete(String path, String user) {
        return http.send(http.request(path).header("Authorization", HttpTestClient.basic(user, user))
                .DELETE().build());
    }

    /**
     * A refusal with the rule in the body. 409 once RuleViolationException is mapped on /engine-rest (system/);
     * until then Camunda answers 400 for it, as for any BadUserRequestException.
     */
    private static void assertRefused(HttpResponse<String> response, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.body()).contains(rule);
    }
}
