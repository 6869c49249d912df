package nl.spoorwijzer.modelling;

import static nl.spoorwijzer.modelling.Models.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 28, a Modeler deploy that works: hanna deploys as Camunda Modeler does (one file, over /engine-rest). A process
 * whose forms are bound to its deployment, deployed alone, is refused once with the form files to include, and taken
 * with them; a change under the same versionTag is refused, a raised one taken, the earlier version can return; an
 * edited spoor-2-inzetten deployed alone decides the next case (decisionRefBinding latest); every step of a case
 * records the model version it ran on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelerDeploymentIT {

    private static final Pattern VERSION_TAG = Pattern.compile("camunda:versionTag=\"([^\"]*)\"");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    private HttpTestClient http;
    private DeploymentUpload upload;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
        upload = new DeploymentUpload(http);
    }

    @AfterEach
    void removeCases() {
        new ApiCases(null, json, engine).deleteAll("spoor-2-traject", "poortwachter");
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
    }

    @Test
    void poortwachterDeployedAloneIsRefusedNamingItsFormsAndTakenWithThem() throws Exception {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        byte[] poortwachter = Files.readAllBytes(Path.of("processes/poortwachter.bpmn"));

        HttpResponse<String> alone = upload.deploy("hanna", "poortwachter", Map.of("poortwachter.bpmn", poortwachter));

        assertThat(alone.statusCode()).as(alone.body()).isEqualTo(400);
        JsonNode violations = json.readTree(alone.body()).path("violations");
        assertThat(violations).as(alone.body()).allMatch(violation -> violation.path("field").asText()
                .endsWith(".form") && violation.path("rule").asText().startsWith("include this form in the deployment"));
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);

        Map<String, byte[]> withForms = withNamedForms(poortwachter, violations);
        assertThat(withForms).containsKeys("probleemanalyse-opstellen.form", "plan-van-aanpak-opstellen.form");
        HttpResponse<String> taken = upload.deploy("hanna", "poortwachter", withForms);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);

        // A new case on that version finds its task forms (the issue: every form answered 404).
        ProcessDefinition deployed = latest("poortwachter");
        assertThat(deployed.getDeploymentId()).isEqualTo(json.readTree(taken.body()).path("id").asText());
        String caseId = new ApiCases(http, json, engine).report("tim", LocalDate.now());
        JsonNode tasks = json.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + caseId,
                "anna", "anna").body());
        assertThat(tasks).isNotEmpty();
        for (JsonNode task : tasks) {
            assertThat(task.path("processDefinitionId").asText()).isEqualTo(deployed.getId());
            HttpResponse<String> form = http.get("/engine-rest/task/" + task.path("id").asText() + "/deployed-form",
                    "anna", "anna");
            assertThat(form.statusCode()).as(task.path("name").asText() + ": " + form.body()).isEqualTo(200);
        }
    }

    @Test
    void aChangeUnderTheSameVersionTagIsRefusedARaisedOneTakenAndTheEarlierVersionMayReturn() throws Exception {
        byte[] original = Files.readAllBytes(Path.of("processes/poortwachter.bpmn"));
        String tag = tagOf(latest("poortwachter"));
        String changed = new String(original, StandardCharsets.UTF_8).replaceFirst(
                "camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + tag + "\"")
                .replace("name=\"Probleemanalyse opstellen\"", "name=\"Probleemanalyse maken\"");
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();

        HttpResponse<String> sameTag = upload.deploy("hanna", "poortwachter", withItsForms(utf8(changed)));

        assertThat(sameTag.statusCode()).as(sameTag.body()).isEqualTo(400);
        assertThat(sameTag.body()).contains("poortwachter: differs from the deployed version",
                "verhoog versionTag (raise it above " + tag + ")");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);

        String raised = raise(tag);
        HttpResponse<String> taken = upload.deploy("hanna", "poortwachter", withItsForms(utf8(changed.replace(
                "camunda:versionTag=\"" + tag + "\"", "camunda:versionTag=\"" + raised + "\""))));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(latest("poortwachter").getVersionTag()).isEqualTo(raised);

        // Back to the version as it was, under its own tag: the tag still names one content.
        HttpResponse<String> back = upload.deploy("hanna", "poortwachter", withItsForms(original));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(latest("poortwachter").getVersionTag()).isEqualTo(tagOf(original));
    }

    @Test
    void anEditedSpoor2DecisionDeployedAloneDecidesTheNextCaseAndEveryStepRecordsItsModelVersion() throws Exception {
        byte[] original = Files.readAllBytes(Path.of("processes/spoor-2-inzetten.dmn"));
        String tag = tagOf(original);
        String edited = new String(original, StandardCharsets.UTF_8)
                .replace("camunda:versionTag=\"" + tag + "\"", "camunda:versionTag=\"" + raise(latestDecisionTag())
                        + "\"")
                .replace("(Werkwijzer Poortwachter)", "(Werkwijzer Poortwachter, herzien)");
        HttpResponse<String> deployed = upload.deploy("hanna", "spoor-2-inzetten",
                Map.of("spoor-2-inzetten.dmn", utf8(edited)));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        DecisionDefinition decision = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("spoor-2-inzetten").latestVersion().singleResult();
        assertThat(decision.getDeploymentId()).isEqualTo(json.readTree(deployed.body()).path("id").asText());
        try {
            String caseId = new ApiCases(http, json, engine).reportAndPlay(LocalDate.of(2026, 1, 5),
                    LocalDate.of(2026, 1, 5).plusDays(345), SimulatedAnswers::onTime, 0);
            String caseInstance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(caseId).processDefinitionKey("poortwachter").singleResult().getId();
            List<HistoricDecisionInstance> decided = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                    .processInstanceId(caseInstance).decisionDefinitionKey("spoor-2-inzetten").list();
            assertThat(decided).as("the spoor 2 decision of the case").isNotEmpty()
                    .allSatisfy(instance -> assertThat(instance.getDecisionDefinitionId()).isEqualTo(decision.getId()));

            ProcessDefinition model = engine.getRepositoryService().getProcessDefinition(engine.getHistoryService()
                    .createHistoricProcessInstanceQuery().processInstanceId(caseInstance).singleResult()
                    .getProcessDefinitionId());
            String label = "poortwachter " + model.getVersionTag() + " (versie " + model.getVersion() + ")";
            JsonNode entries = json.readTree(http.get("/api/cases/" + caseId + "/dossier/readable", "anna", "anna")
                    .body());
            List<JsonNode> steps = entries.findParents("modelVersion").stream()
                    .filter(entry -> "TASK_COMPLETED".equals(entry.path("type").asText())).toList();
            assertThat(steps).as("completed steps").isNotEmpty();
            assertThat(steps).extracting(entry -> entry.path("modelVersion").asText())
                    .as("every step names its model version").allMatch(version -> version.startsWith("poortwachter ")
                            || version.startsWith("spoor-2-traject ")).contains(label);
            HttpResponse<String> report = http.send(http.request("/api/cases/" + caseId + "/reintegration-report")
                    .header("Authorization", HttpTestClient.basic("anna", "anna")).header("Accept", "text/html")
                    .GET().build());
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).contains("modelversie " + label);
        } finally {
            // The decision as it was, under its own tag (a return to an earlier version is allowed).
            HttpResponse<String> back = upload.deploy("hanna", "spoor-2-inzetten",
                    Map.of("spoor-2-inzetten.dmn", original));
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        }
    }

    /** The model with the form files the refusal named (one violation per file), read from forms/. */
    private static Map<String, byte[]> withNamedForms(byte[] model, JsonNode violations) throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        resources.put("poortwachter.bpmn", model);
        for (JsonNode violation : violations) {
            String form = violation.path("field").asText();
            resources.put(form, Files.readAllBytes(Path.of("forms", form)));
        }
        return resources;
    }

    /** poortwachter.bpmn with every form of the platform (as the forms/ folder is). */
    private static Map<String, byte[]> withItsForms(byte[] model) throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        resources.put("poortwachter.bpmn", model);
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                resources.put(form.getFileName().toString(), Files.readAllBytes(form));
            }
        }
        return resources;
    }

    private ProcessDefinition latest(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
    }

    private String latestDecisionTag() {
        return engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("spoor-2-inzetten")
                .latestVersion().singleResult().getVersionTag();
    }

    private static String tagOf(ProcessDefinition definition) {
        return definition.getVersionTag();
    }

    private static String tagOf(byte[] model) {
        Matcher tag = VERSION_TAG.matcher(new String(model, StandardCharsets.UTF_8));
        assertThat(tag.find()).isTrue();
        return tag.group(1);
    }

    /** The next patch version: 1.5.0 → 1.5.1. */
    static String raise(String tag) {
        String[] parts = (tag + ".0.0").split("\\.");
        return parts[0] + "." + parts[1] + "." + (Integer.parseInt(parts[2]) + 1);
    }
}
