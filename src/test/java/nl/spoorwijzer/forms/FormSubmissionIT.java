package nl.spoorwijzer.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierRepository;
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
 * The exploit of issue 21 over /engine-rest — a task completion that rewrites the case's employee, employer and legal
 * dates — and every other way a person could write into a case without a form: all refused, nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormSubmissionIT {

    /** The werkgever's first task of a new case. */
    private static final String ZIEKMELDING = "ziekmeldingDoorgeven";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    HttpTestClient http;
    String caseId;
    String processInstanceId;

    @BeforeEach
    void openCase() throws Exception {
        http = new HttpTestClient(port);
        String firstSickDay = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(3).toString();
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(firstSickDay),
                "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        caseId = json.readTree(opened.body()).path("caseId").asText();
        processInstanceId = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).processDefinitionKey("poortwachter").singleResult().getId();
    }

    @AfterEach
    void deleteCases() {
        engine.getRuntimeService().createProcessInstanceQuery().list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
    }

    @Test
    void aCompletionThatRewritesTheCasesIdentityAndDatesIsRefusedAndNothingIsStored() throws Exception {
        Map<String, Object> before = engine.getRuntimeService().getVariables(processInstanceId);
        int entriesBefore = dossier.findByCase(caseId).size();
        String taskId = task(ZIEKMELDING).getId();

        HttpResponse<String> exploit = http.post("/engine-rest/task/" + taskId + "/submit-form", """
                {"variables": {"bedrijfsarts": {"value": "Arbodienst West"},
                               "werknemerId": {"value": "bram"}, "werkgeverId": {"value": "zorggroep-noord"},
                               "eindeWachttijdDatum": {"value": "2099-12-31"},
                               "meldingBedrijfsartsDatum": {"value": "gisteren"}}}""", "anna", "anna");

        assertThat(exploit.statusCode()).as(exploit.body()).isEqualTo(400);
        assertThat(exploit.body()).contains("werknemerId", "werkgeverId", "eindeWachttijdDatum",
                "meldingBedrijfsartsDatum");
        assertThat(engine.getRuntimeService().getVariables(processInstanceId)).isEqualTo(before);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(dossier.findByCase(caseId)).hasSize(entriesBefore);
        assertThat(engine.getTaskService().createTaskQuery().taskAssignee("bram").processInstanceId(processInstanceId)
                .count()).isZero();
    }

    @Test
    void aSelectValueOutsideItsOptionsAndAMissingRequiredFieldAreRefusedOnEveryRoute() {
        engine.getTaskService().complete(task(ZIEKMELDING).getId(), SimulatedAnswers.defaults(ZIEKMELDING));
        String taskId = task("probleemanalyseOpstellen").getId();
        String outsideOptions = """
                {"variables": {"dreigendLangdurigVerzuim": {"value": "ja"}, "prognose": {"value": "ontslag"},
                               "functioneleBeperkingen": {"value": "x"}, "mogelijkheden": {"value": "x"},
                               "advies": {"value": "x"}}}""";
        for (String route : new String[] {"/submit-form", "/complete", "/resolve"}) {
            HttpResponse<String> refused = http.post("/engine-rest/task/" + taskId + route, outsideOptions,
                    "eva", "eva");
            assertThat(refused.statusCode()).as(route + " " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).as(route).contains("\"field\":\"prognose\"", "must be one of");
        }
        HttpResponse<String> empty = http.post("/engine-rest/task/" + taskId + "/complete", "{}", "eva", "eva");
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
        assertThat(empty.body()).contains("functioneleBeperkingen", "is required");
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void aTaskCannotBeEndedWithoutItsFormByABpmnErrorOrEscalation() {
        String taskId = task(ZIEKMELDING).getId();
        HttpResponse<String> error = http.post("/engine-rest/task/" + taskId + "/bpmnError", """
                {"errorCode": "x", "variables": {"werknemerId": {"value": "bram"},
                                                 "eindeWachttijdDatum": {"value": "2099-12-31"}}}""", "anna", "anna");
        assertThat(error.statusCode()).as(error.body()).isEqualTo(403);
        HttpResponse<String> escalation = http.post("/engine-rest/task/" + taskId + "/bpmnEscalation", """
                {"escalationCode": "x"}""", "anna", "anna");
        assertThat(escalation.statusCode()).as(escalation.body()).isEqualTo(403);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "werknemerId")).isEqualTo("tim");
    }

    @Test
    void noOneWipesCasesOrTheirHistoryInBulk() {
        long running = engine.getRuntimeService().createProcessInstanceQuery().count();
        long history = engine.getHistoryService().createHistoricVariableInstanceQuery().count();
        HttpResponse<String> batch = http.post("/engine-rest/process-instance/delete", """
                {"processInstanceQuery": {"processDefinitionKey": "poortwachter"}, "deleteReason": "weg"}""",
                "demo", "demo");
        // Camunda's REST resource re-wraps this refusal as a "bad request" with its text.
        assertThat(batch.statusCode()).as(batch.body()).isIn(400, 403);
        assertThat(batch.body()).contains("cases are not deleted in bulk");
        HttpResponse<String> historic = http.post("/engine-rest/history/process-instance/delete", """
                {"historicProcessInstanceQuery": {"processDefinitionKey": "poortwachter"}, "deleteReason": "weg"}""",
                "demo", "demo");
        assertThat(historic.statusCode()).as(historic.body()).isIn(400, 403);
        assertThat(historic.body()).contains("retention period");
        assertThat(engine.getManagementService().createBatchQuery().count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(running);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().count()).isEqualTo(history);
    }

    @Test
    void anUnknownTaskHasNoFormToShow() {
        HttpResponse<String> form = http.get("/engine-rest/task/00000000-0000-0000-0000-000000000000/deployed-form",
                "anna", "anna");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(404);
    }

    @Test
    void aSubmissionByTheFormsRulesIsStored() {
        String taskId = task(ZIEKMELDING).getId();
        HttpResponse<String> done = http.post("/engine-rest/task/" + taskId + "/submit-form", """
                {"variables": {"meldingBedrijfsartsDatum": {"value": "%s"},
                               "bedrijfsarts": {"value": "Arbodienst West, dr. Eva de Vries"}}}"""
                        .formatted(LocalDate.now(ZoneId.of("Europe/Amsterdam"))), "anna", "anna");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "bedrijfsarts"))
                .isEqualTo("Arbodienst West, dr. Eva de Vries");
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "werknemerId")).isEqualTo("tim");
    }

    @Test
    void nobodyWritesTheCasesIdentityOrLegalDatesThroughTheVariableApis() {
        String taskId = task(ZIEKMELDING).getId();
        Object due = engine.getRuntimeService().getVariable(processInstanceId, "probleemanalyseDue");
        String body = """
                {"value": "bram", "type": "String"}""";
        for (String user : new String[] {"anna", "demo"}) {
            HttpResponse<String> taskVariable = put("/engine-rest/task/" + taskId + "/variables/werknemerId", body,
                    user);
            assertThat(taskVariable.statusCode()).as(user + " " + taskVariable.body()).isEqualTo(403);
            HttpResponse<String> modify = http.post("/engine-rest/process-instance/" + processInstanceId
                    + "/variables", """
                    {"modifications": {"probleemanalyseDue": {"value": "2099-01-01T00:00:00.000+0100",
                                                              "type": "Date"}}}""", user, user);
            assertThat(modify.statusCode()).as(user + " " + modify.body()).isEqualTo(403);
            HttpResponse<String> message = http.post("/engine-rest/message", """
                    {"messageName": "LoonsanctieOpgelegd", "businessKey": "%s",
                     "processVariables": {"loonsanctieWeken": {"value": 52}}}""".formatted(caseId), user, user);
            assertThat(message.statusCode()).as(user + " " + message.body()).isEqualTo(403);
        }
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "loonsanctieWeken")).isNull();
        String activity = task(ZIEKMELDING).getTaskDefinitionKey();
        HttpResponse<String> modification = http.post("/engine-rest/process-instance/" + processInstanceId
                + "/modification", """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "%s",
                                   "variables": {"werknemerId": {"value": "ivo", "local": false}}}]}"""
                .formatted(activity), "demo", "demo");
        assertThat(modification.statusCode()).as(modification.body()).isEqualTo(403);
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "werknemerId")).isEqualTo("tim");
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "werknemerId")).isEqualTo("tim");
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "probleemanalyseDue")).isEqualTo(due);
    }

    @Test
    void aCaseStartedOverRestFollowsTheStartFormAndStartsAtItsStartEvent() throws Exception {
        long cases = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .count();
        String valid = """
                "werknemerId": {"value": "noor"}, "werknemerNaam": {"value": "Noor"},
                "werkgeverId": {"value": "zorggroep-noord"}, "eersteZiektedag": {"value": "%s"},
                "verwachteDuur": {"value": "onbekend"}""".formatted(LocalDate.now(ZoneId.of("Europe/Amsterdam")));

        HttpResponse<String> extra = http.post("/engine-rest/process-definition/key/poortwachter/start",
                "{\"variables\": {" + valid + ", \"eindeWachttijdDatum\": {\"value\": \"2099-12-31\"}}}",
                "daan", "daan");
        assertThat(extra.statusCode()).as(extra.body()).isEqualTo(400);
        assertThat(extra.body()).contains("eindeWachttijdDatum");

        HttpResponse<String> skipping = http.post("/engine-rest/process-definition/key/poortwachter/start",
                "{\"variables\": {" + valid + "}, \"startInstructions\": [{\"type\": \"startBeforeActivity\","
                        + " \"activityId\": \"wiaAanvraagIndienen\"}]}", "daan", "daan");
        assertThat(skipping.statusCode()).as(skipping.body()).isEqualTo(403);

        HttpResponse<String> chosenCaseId = http.post("/engine-rest/process-definition/key/poortwachter/submit-form",
                "{\"businessKey\": \"" + caseId + "\", \"variables\": {" + valid + "}}", "daan", "daan");
        assertThat(chosenCaseId.statusCode()).as(chosenCaseId.body()).isEqualTo(400);
        assertThat(chosenCaseId.body()).contains("businessKey");

        HttpResponse<String> otherEmployersEmployee = http.post(
                "/engine-rest/process-definition/key/poortwachter/submit-form",
                "{\"variables\": {" + valid.replace("\"noor\"", "\"bram\"") + "}}", "daan", "daan");
        assertThat(otherEmployersEmployee.statusCode()).as(otherEmployersEmployee.body()).isEqualTo(400);
        assertThat(otherEmployersEmployee.body()).contains("bram");

        HttpResponse<String> badOption = http.post("/engine-rest/process-definition/key/poortwachter/submit-form",
                "{\"variables\": {" + valid.replace("\"onbekend\"", "\"eeuwig\"") + "}}", "daan", "daan");
        assertThat(badOption.statusCode()).as(badOption.body()).isEqualTo(400);
        assertThat(badOption.body()).contains("verwachteDuur");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .count()).isEqualTo(cases);

        HttpResponse<String> started = http.post("/engine-rest/process-definition/key/poortwachter/submit-form",
                "{\"variables\": {" + valid + "}}", "daan", "daan");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode instance = json.readTree(started.body());
        assertThat(engine.getRuntimeService().getVariable(instance.path("id").asText(), "werknemerId"))
                .isEqualTo("noor");
    }

    private Task task(String definitionKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(definitionKey).singleResult();
    }

    private HttpResponse<String> put(String path, String body, String user) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .header("Authorization", HttpTestClient.basic(user, user))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
