package nl.spoorwijzer.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database from before issue 25: a case on the models with the standing tasks "Loonwaarde of proefplaatsing
 * vastleggen" and "Sollicitatie registreren" (src/test/resources/upgrade: the models as they were), then the new
 * models are deployed and the upgrade runs. The tasks leave everyone's list, the trajectory moves to the new model
 * and counts job applications recorded on the case, and the case runs on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StandingTasksUpgradeIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    static final Set<String> STANDING = Set.of("loonwaardeOfProefplaatsingVastleggen", "sollicitatieRegistreren");

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired StandingTasksUpgrade upgrade;
    @Autowired JdbcTemplate jdbc;

    /**
     * The deployments stay (they have history, which the deletion policy keeps); the test deploys today's models
     * last, so they remain the latest for the tests that follow.
     */
    @AfterEach
    void removeCase() {
        new ApiCases(null, json, engine).deleteAll("spoor-2-traject", "poortwachter");
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
    }

    @Test
    void runningCasesLoseTheStandingTasksAndRunOn() throws IOException {
        deploy("modellen van voor issue 25", "classpath:upgrade/*.bpmn", "classpath:processes/*.dmn",
                "classpath:forms/*.form");
        HttpTestClient http = new HttpTestClient(port);
        ApiCases cases = new ApiCases(http, json, engine);
        // The old models' people left the standing tasks open, as everyone did.
        Function<String, Map<String, Object>> answers = key -> STANDING.contains(key) ? null
                : SimulatedAnswers.onTime(key);
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(345), answers, 0);
        ProcessInstance trajectory = trajectory(caseId);
        assertThat(openStandingTasks(caseId)).as("the old models' standing tasks")
                .containsExactlyInAnyOrderElementsOf(STANDING);
        String oldCaseModel = caseInstance(caseId).getProcessDefinitionId();

        deploy("modellen van nu", "classpath:processes/*.bpmn", "classpath:processes/*.dmn",
                "classpath:forms/*.form");
        // At least the case and its trajectory: cases other test classes left running (on a shared database) may be
        // upgraded too; what matters for this case is asserted below.
        assertThat(upgrade.upgrade()).as("the case and its trajectory").isGreaterThanOrEqualTo(2);

        assertThat(openStandingTasks(caseId)).as("gone from everyone's list").isEmpty();
        String latestTrajectoryModel = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("spoor-2-traject").latestVersion().singleResult().getId();
        assertThat(trajectory(caseId).getProcessDefinitionId()).as("the trajectory runs on the new model")
                .isEqualTo(latestTrajectoryModel).isNotEqualTo(trajectory.getProcessDefinitionId());
        assertThat(caseInstance(caseId).getProcessDefinitionId()).as("the case keeps its version, without the task")
                .isEqualTo(oldCaseModel);
        assertThat(upgrade.upgrade()).as("nothing left to upgrade").isZero();
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(trajectory.getId())
                .eventName("PlaatsingGemeld").count()).as("a placement can be reported at once (issue 26)")
                .isEqualTo(1);

        Object counted = engine.getRuntimeService().getVariable(trajectory.getId(),
                "sollicitatiesSindsVorigeRapportage");
        HttpResponse<String> application = http.post("/api/cases/" + caseId + "/job-applications", """
                {"date": "2026-12-10", "employer": "Installatiebedrijf Noord", "function": "Planner",
                 "channel": "netwerk", "result": "afwachten"}""", "tim", "tim");
        assertThat(application.statusCode()).as(application.body()).isEqualTo(201);
        assertThat(engine.getRuntimeService().getVariable(trajectory.getId(), "sollicitatiesSindsVorigeRapportage"))
                .isEqualTo((counted instanceof Number n ? n.intValue() : 0) + 1);

        // The case runs on: the bureau's next progress report comes, is written and the cycle goes on.
        new CasePlayer(engine, caseId).playUntil(FIRST_SICK_DAY.plusDays(400).atTime(9, 0)
                .atZone(ApiCases.AMSTERDAM).toInstant(), answers, 0);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(trajectory.getId()).activityId("voortgangsrapportageOpstellen").finished().count())
                .isPositive();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(trajectory.getId()).count()
                + engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(caseInstance(caseId).getId()).count()).as("no incident").isZero();
        assertThat(openStandingTasks(caseId)).isEmpty();
    }

    private void deploy(String name, String... patterns) throws IOException {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name(name);
        for (String pattern : patterns) {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    byte[] content = in.readAllBytes();
                    if (pattern.startsWith("classpath:upgrade/")) {
                        content = asNewerVersion(resource.getFilename(), content);
                    }
                    builder.addInputStream(resource.getFilename(), new ByteArrayInputStream(content));
                }
            }
        }
        builder.deploy();
    }

    /**
     * The old model as a version after the deployed one (issue 28: a changed model raises its versionTag), as it
     * would have been deployed after the models before it; today's models return afterwards under their own tag.
     */
    private byte[] asNewerVersion(String file, byte[] model) {
        String key = file.replace(".bpmn", "");
        String[] latest = (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult().getVersionTag() + ".0.0").split("\\.");
        String raised = latest[0] + "." + latest[1] + "." + (Integer.parseInt(latest[2]) + 1);
        return new String(model, StandardCharsets.UTF_8).replaceFirst("camunda:versionTag=\"[^\"]*\"",
                "camunda:versionTag=\"" + raised + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private List<String> openStandingTasks(String caseId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(task -> task.getTaskDefinitionKey()).filter(STANDING::contains).toList();
    }

    private ProcessInstance caseInstance(String caseId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .processInstanceBusinessKey(caseId).singleResult();
    }

    private ProcessInstance trajectory(String caseId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("spoor-2-traject")
                .processInstanceBusinessKey(caseId).singleResult();
    }
}
