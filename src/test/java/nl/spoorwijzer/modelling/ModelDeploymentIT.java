package nl.spoorwijzer.modelling;

import static nl.spoorwijzer.modelling.Models.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process owner deploys like Camunda Modeler, over /engine-rest, on the running platform: each exploit of issue 21
 * is refused before the engine parses the model, with the element and the rule, and leaves no trace; a valid new
 * version of poortwachter is taken and starts new cases only, and the deployment is in the user operation log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelDeploymentIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @TempDir static Path temp;

    private HttpTestClient http;
    private DeploymentUpload upload;
    private String caseInstanceId;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
        upload = new DeploymentUpload(http);
    }

    @AfterEach
    void removeCase() {
        if (caseInstanceId != null) {
            engine.getRuntimeService().deleteProcessInstance(caseInstanceId, "test");
        }
    }

    static Stream<Arguments> exploits() {
        return Stream.of(
                Arguments.of("exec in a timer start event", "timerStart",
                        Models.timerStart("aanvalTimerStart", Models.exec(temp.resolve("pwned-start")))),
                Arguments.of("exec in an intermediate timer", "wachten",
                        Models.intermediateTimer("aanvalTimer", Models.exec(temp.resolve("pwned-timer")))),
                Arguments.of("the JdbcTemplate", "berekenen", Models.serviceExpression("aanvalJdbc",
                        "${jdbcTemplate.queryForList(&apos;select * from act_ru_variable&apos;)}")),
                Arguments.of("an unlisted bean", "berekenen", Models.serviceExpression("aanvalBean", "${dataSource}")),
                Arguments.of("a script task", "script", Models.process("aanvalScript", """
                        <bpmn:startEvent id="start" name="Start"/>
                        <bpmn:sequenceFlow id="toScript" sourceRef="start" targetRef="script"/>
                        <bpmn:scriptTask id="script" name="Script" scriptFormat="javascript">
                          <bpmn:script>java.lang.Runtime.getRuntime().exec('touch %s')</bpmn:script>
                        </bpmn:scriptTask>""".formatted(temp.resolve("pwned-script")))),
                Arguments.of("a Java class", "java", Models.process("aanvalClass", """
                        <bpmn:startEvent id="start" name="Start"/>
                        <bpmn:sequenceFlow id="toJava" sourceRef="start" targetRef="java"/>
                        <bpmn:serviceTask id="java" name="Java" camunda:class="java.lang.Runtime"/>""")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exploits")
    void everyExploitIsRefusedNamingItsElementWithNoSideEffect(String exploit, String element, String bpmn) {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();

        HttpResponse<String> response = upload.deploy("hanna", "aanval", Map.of("aanval.bpmn", utf8(bpmn)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(element + ": ");
        assertThat(temp.resolve("pwned-start")).doesNotExist();
        assertThat(temp.resolve("pwned-timer")).doesNotExist();
        assertThat(temp.resolve("pwned-script")).doesNotExist();
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aValidNewVersionStartsNewCasesOnlyAndAnInvalidOneIsRefused() throws Exception {
        ProcessDefinition before = latestPoortwachter();
        caseInstanceId = startCase();
        assertThat(instance(caseInstanceId).getProcessDefinitionId()).isEqualTo(before.getId());

        String raised = ModelerDeploymentIT.raise(before.getVersionTag());
        Map<String, byte[]> nextVersion = new HashMap<>(Models.platformDeployment());
        nextVersion.put("processes/poortwachter.bpmn", utf8(new String(nextVersion.get("processes/poortwachter.bpmn"))
                .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + raised + "\"")));
        HttpResponse<String> accepted = upload.deploy("hanna", "poortwachter", nextVersion);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        String deploymentId = json.readTree(accepted.body()).path("id").asText();

        ProcessDefinition after = latestPoortwachter();
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(after.getVersionTag()).isEqualTo(raised);
        assertThat(instance(caseInstanceId).getProcessDefinitionId()).as("the running case stays on its version")
                .isEqualTo(before.getId());

        Map<String, byte[]> broken = new HashMap<>(nextVersion);
        broken.put("processes/poortwachter.bpmn", utf8(new String(nextVersion.get("processes/poortwachter.bpmn"))
                .replace("camunda:formRef=\"probleemanalyse-opstellen\"", "")));
        HttpResponse<String> refused = upload.deploy("hanna", "poortwachter", broken);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("probleemanalyseOpstellen: a user task needs a Camunda Form");
        assertThat(latestPoortwachter().getId()).isEqualTo(after.getId());

        JsonNode log = json.readTree(http.get("/engine-rest/history/user-operation?entityType=Deployment"
                + "&operationType=Create&deploymentId=" + deploymentId, "demo", "demo").body());
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("userId").asText()).isEqualTo("hanna");
        assertThat(log.get(0).path("timestamp").asText()).isNotBlank();
    }

    @Test
    void aTaskDeclaringAnUnknownPhaseOrRivPartIsRefused() {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        Map<String, byte[]> typo = new HashMap<>(Models.platformDeployment());
        typo.put("processes/poortwachter.bpmn", utf8(new String(typo.get("processes/poortwachter.bpmn"))
                .replaceFirst("name=\"rivOnderdeel\" value=\"PROBLEEMANALYSE\"",
                        "name=\"rivOnderdeel\" value=\"PROBLEEM_ANALYSE\"")));
        HttpResponse<String> refused = upload.deploy("hanna", "poortwachter", typo);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("camunda:property 'rivOnderdeel' must be one of", "PLAN_VAN_AANPAK",
                "(got 'PROBLEEM_ANALYSE')");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aModelForAnEmployerThatDoesNotExistIsRefused() {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        HttpResponse<String> refused = upload.deploy("hanna", "poortwachter", Models.platformDeployment(),
                "geen-werkgever");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("tenant-id", "is not an employer (tenant) of the platform");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void theTasklistFiltersStillEvaluateTheirExpressionsInTheSandbox() throws Exception {
        for (String filter : new String[] {"Mijn taken", "Taken van mijn groep", "Termijn verstreken", "Deze week"}) {
            JsonNode found = json.readTree(http.get("/engine-rest/filter?name="
                    + filter.replace(" ", "%20"), "anna", "anna").body());
            assertThat(found).as(filter).hasSize(1);
            HttpResponse<String> count = http.get("/engine-rest/filter/" + found.get(0).path("id").asText()
                    + "/count", "anna", "anna");
            assertThat(count.statusCode()).as(filter + ": " + count.body()).isEqualTo(200);
        }
    }

    private String startCase() throws Exception {
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}"""
                .formatted(LocalDate.now()), "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).path("caseId").asText();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();
    }

    private ProcessInstance instance(String id) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private ProcessDefinition latestPoortwachter() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("poortwachter")
                .latestVersion().singleResult();
    }
}
