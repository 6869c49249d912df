package nl.spoorwijzer.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Parties per case: an organisation sees a case from the moment it has a part in it and sees nothing new once it
 * has left, while keeping what it wrote itself; management sees cases but none of their contents. Over
 * {@code /api} and {@code /engine-rest} alike, since both ask the engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CasePartiesIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired CasePartiesUpgrade upgrade;
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

    /** Every task answered on time, return to own work doubtful from the probleemanalyse on (an AD onderzoek). */
    private static Function<String, Map<String, Object>> answers(String... waitingAt) {
        return key -> {
            if (List.of(waitingAt).contains(key)) {
                return null;
            }
            Map<String, Object> answers = SimulatedAnswers.onTime(key);
            if (answers != null && key.startsWith("probleemanalyse")) {
                answers = new HashMap<>(answers);
                answers.put("terugkeerEigenWerkTwijfelachtig", true);
            }
            return answers;
        };
    }

    private void playOn(String caseId, int sickDay, Function<String, Map<String, Object>> answers) {
        new CasePlayer(engine, caseId).playUntil(FIRST_SICK_DAY.plusDays(sickDay - 1L).atTime(9, 0)
                .atZone(ApiCases.AMSTERDAM).toInstant(), answers, 0);
    }

    private Task task(String caseId, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key)
                .singleResult();
    }

    private int caseStatusFor(String user, String caseId) {
        return http.get("/api/cases/" + caseId, user, user).statusCode();
    }

    private HttpResponse<String> submit(Task task, Map<String, Object> values, String user) throws IOException {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
        return http.post("/engine-rest/task/" + task.getId() + "/submit-form",
                json.writeValueAsString(Map.of("variables", variables)), user, user);
    }

    private JsonNode get(String path, String user) throws IOException {
        HttpResponse<String> response = http.get(path, user, user);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void theArbeidsdeskundigeIsAPartyFromTheRequestUntilItsReportAndKeepsItsReport() throws IOException {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(199),
                answers("arbeidsdeskundigOnderzoekLatenUitvoeren"), 0);
        assertThat(caseStatusFor("gert", caseId)).as("no onderzoek requested yet").isEqualTo(404);

        playOn(caseId, 330, answers("arbeidsdeskundigRapportOpstellen", "eerstejaarsevaluatieHouden"));
        Task report = task(caseId, "arbeidsdeskundigRapportOpstellen");
        assertThat(report).as("the onderzoek was requested").isNotNull();
        assertThat(CaseDriver.candidateGroups(engine, report)).containsExactly("ad-oost");
        assertThat(caseStatusFor("gert", caseId)).isEqualTo(200);
        assertThat(get("/engine-rest/task?processInstanceBusinessKey=" + caseId, "gert").findValuesAsText("id"))
                .containsExactly(report.getId());
        assertThat(caseStatusFor("frank", caseId)).as("no bureau has been referred to").isEqualTo(404);

        HttpResponse<String> done = submit(report, SimulatedAnswers.defaults("arbeidsdeskundigRapportOpstellen"),
                "gert");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        assertThat(caseStatusFor("gert", caseId)).as("the report is done: nothing new for the AD").isEqualTo(404);
        assertThat(get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseId, "gert"))
                .isEmpty();
        assertThat(get("/engine-rest/history/task?processInstanceBusinessKey=" + caseId, "gert")
                .findValuesAsText("id")).as("but it keeps the task it did").containsExactly(report.getId());
        assertThat(caseStatusFor("eva", caseId)).as("the arbodienst stays a party").isEqualTo(200);
    }

    @Test
    void onlyTheChosenBureauSeesTheCaseAndAnotherChoiceMovesIt() throws IOException {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(379),
                answers("aanmeldingBeoordelen"), 0);
        Task application = task(caseId, "aanmeldingBeoordelen");
        assertThat(CaseDriver.candidateGroups(engine, application)).containsExactly("bureau-werkfit");
        assertThat(caseStatusFor("frank", caseId)).isEqualTo(200);
        assertThat(caseStatusFor("rosa", caseId)).isEqualTo(404);
        assertThat(get("/engine-rest/task?processInstanceBusinessKey=" + caseId, "rosa")).isEmpty();

        HttpResponse<String> declined = submit(application, Map.of("aanmeldingGeaccepteerd", "nee",
                "aanmeldingToelichting", "Geen capaciteit in de regio."), "frank");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(204);
        Task choice = task(caseId, "anderBureauKiezen");
        JsonNode options = get("/engine-rest/task/" + choice.getId() + "/form-variables?deserializeValues=false",
                "anna").path("beschikbareBureaus");
        assertThat(options.path("valueInfo").path("serializationDataFormat").asText())
                .as("Tasklist reads a select's options from a JSON variable").isEqualTo("application/json");
        assertThat(json.readTree(options.path("value").asText()).findValuesAsText("value"))
                .containsExactly("bureau-nieuwe-kansen", "bureau-werkfit");

        HttpResponse<String> unknown = submit(choice, Map.of("reintegratiebureau", "bureau-elders",
                "keuzeToelichting", "x"), "anna");
        assertThat(unknown.statusCode()).as("only a bureau serving the employer").isEqualTo(400);
        assertThat(unknown.body()).contains("reintegratiebureau");
        HttpResponse<String> moved = submit(choice, Map.of("reintegratiebureau", "bureau-nieuwe-kansen",
                "keuzeToelichting", "Ervaring met administratief werk."), "anna");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);

        assertThat(CaseDriver.candidateGroups(engine, task(caseId, "aanmeldingBeoordelen")))
                .containsExactly("bureau-nieuwe-kansen");
        assertThat(caseStatusFor("rosa", caseId)).isEqualTo(200);
        assertThat(caseStatusFor("frank", caseId)).as("the replaced bureau sees nothing new").isEqualTo(404);
        assertThat(get("/engine-rest/task?processInstanceBusinessKey=" + caseId, "frank")).isEmpty();
        assertThat(get("/engine-rest/history/task?processInstanceBusinessKey=" + caseId, "frank")
                .findValuesAsText("id")).as("but keeps what it did").containsExactly(application.getId());
    }

    @Test
    void managementSeesTheCaseButNoneOfItsContents() throws IOException {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(20),
                answers("probleemanalyseOpstellen"), 0);
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .singleResult().getId();
        Task analysis = task(caseId, "probleemanalyseOpstellen");

        JsonNode view = get("/api/cases/" + caseId, "ivo");
        assertThat(view.path("phase").asText()).isNotEmpty();
        assertThat(view.has("employeeId")).as("not who it is about").isFalse();
        assertThat(http.get("/api/cases/" + caseId + "/dossier", "ivo", "ivo").statusCode()).isEqualTo(403);
        assertThat(engine.getAuthorizationService().createAuthorizationQuery()
                .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(instance).list())
                .as("the parties from the start: the employee and the arbodienst").hasSize(2)
                .allSatisfy(grant -> assertThat(((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity)
                        grant).getRootProcessInstanceId()).as("removed with the case's history").isEqualTo(instance));
        assertThat(get("/engine-rest/process-instance?businessKey=" + caseId, "ivo").findValuesAsText("id"))
                .as("the running case").containsExactly(instance);
        assertThat(get("/engine-rest/task?processInstanceBusinessKey=" + caseId, "ivo"))
                .as("not its tasks, whose assignee would name the employee").isEmpty();
        assertThat(get("/engine-rest/history/task?processInstanceBusinessKey=" + caseId, "ivo")).isEmpty();
        assertThat(http.get("/engine-rest/task/" + analysis.getId() + "/form-variables", "ivo", "ivo").statusCode())
                .isIn(403, 404);
        for (String variables : List.of("/engine-rest/variable-instance?processInstanceIdIn=" + instance,
                "/engine-rest/history/variable-instance?processInstanceId=" + instance)) {
            assertThat(get(variables, "ivo")).as(variables).isEmpty();
            assertThat(get(variables, "demo")).as("the administrator's " + variables).isNotEmpty();
        }
        assertThat(get("/engine-rest/history/detail?processInstanceId=" + instance, "ivo")).isEmpty();
        assertThat(http.get("/engine-rest/process-instance/" + instance + "/variables", "ivo", "ivo").statusCode())
                .isIn(403, 404);
        assertThat(get("/engine-rest/task/" + analysis.getId() + "/form-variables", "eva").has("werknemerId"))
                .as("the task's candidates read what they work on").isTrue();

        // Filtering by a value would reveal it one guess at a time, to whoever may see the cases.
        for (String probe : List.of("/engine-rest/process-instance?variables=werknemerId_eq_tim",
                "/engine-rest/history/process-instance?variables=werknemerId_eq_tim",
                "/engine-rest/execution?processVariables=werknemerId_eq_tim",
                "/engine-rest/task?processVariables=werknemerId_eq_tim",
                "/engine-rest/history/task?processVariables=werknemerId_eq_tim")) {
            for (String user : List.of("ivo", "eva", "anna")) {
                HttpResponse<String> refused = http.get(probe, user, user);
                assertThat(refused.statusCode()).as(user + " " + probe).isEqualTo(403);
                assertThat(refused.body()).contains("variables").doesNotContain(instance);
            }
        }
        assertThat(get("/engine-rest/process-instance?variables=werknemerId_eq_tim", "demo").findValuesAsText("id"))
                .as("the administrator may").contains(instance);
    }

    @Test
    void aCaseFromBeforePartiesExistedGetsThemOnUpgrade() {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(20),
                answers("probleemanalyseOpstellen"), 0);
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .singleResult().getId();
        Task analysis = task(caseId, "probleemanalyseOpstellen");
        // As the case stood before: the role's group on the task, without READ_VARIABLE, and no party authorizations.
        var taskService = engine.getTaskService();
        var authorizations = engine.getAuthorizationService();
        taskService.deleteCandidateGroup(analysis.getId(), "arbo-west");
        taskService.addCandidateGroup(analysis.getId(), "bedrijfsarts");
        authorizations.createAuthorizationQuery().resourceId(instance).list()
                .forEach(old -> authorizations.deleteAuthorization(old.getId()));
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(analysis.getId()).list()
                .forEach(old -> authorizations.deleteAuthorization(old.getId()));
        var roleAuthorization = authorizations.createNewAuthorization(
                org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        roleAuthorization.setGroupId("bedrijfsarts");
        roleAuthorization.setResource(Resources.TASK);
        roleAuthorization.setResourceId(analysis.getId());
        roleAuthorization.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        authorizations.saveAuthorization(roleAuthorization);
        // And a case of the other employer that ended before, without the grants on its history.
        String endedCase = "ZV-IT-ENDED-" + System.nanoTime();
        String ended = engine.getRuntimeService().startProcessInstanceByKey("poortwachter", endedCase, Map.of(
                "werknemerId", "noor", "werkgeverId", "zorggroep-noord",
                "eersteZiektedag", FIRST_SICK_DAY.plusDays(20).toString())).getId();
        engine.getRuntimeService().deleteProcessInstance(ended, "test");
        authorizations.createAuthorizationQuery().resourceId(ended).list()
                .forEach(old -> authorizations.deleteAuthorization(old.getId()));
        engine.getManagementService().deleteProperty(CasePartiesUpgrade.DONE);
        assertThat(caseStatusFor("eva", caseId)).isEqualTo(404);
        assertThat(caseStatusFor("tim", caseId)).isEqualTo(404);
        assertThat(caseStatusFor("noor", endedCase)).isEqualTo(404);

        upgrade.run(null);

        assertThat(caseStatusFor("noor", endedCase)).as("the employee's own ended case (AVG art. 15)").isEqualTo(200);
        assertThat(caseStatusFor("wim", endedCase)).isEqualTo(200);
        assertThat(caseStatusFor("eva", endedCase)).isEqualTo(404);

        assertThat(CaseDriver.candidateGroups(engine, analysis)).containsExactly("arbo-west");
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(analysis.getId()).groupIdIn("bedrijfsarts").count())
                .as("every bedrijfsarts of the employer no longer sees the task").isZero();
        assertThat(caseStatusFor("eva", caseId)).isEqualTo(200);
        assertThat(caseStatusFor("tim", caseId)).isEqualTo(200);
        assertThat(caseStatusFor("wim", caseId)).isEqualTo(404);
        assertThat(http.get("/engine-rest/task/" + analysis.getId() + "/form-variables", "eva", "eva")
                .statusCode()).isEqualTo(200);
        assertThat(engine.getManagementService().getProperties()).containsKey(CasePartiesUpgrade.DONE);
    }
}
