package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees what over Camunda's REST API (the same checks Tasklist and Cockpit use): each party sees the tasks of
 * its role in the cases it is a party of (the werkgever: its employer's), the employee only his own, and nobody more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RolesAndTenantsIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired FilterService filterService;
    @Autowired ObjectMapper objectMapper;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
    }

    private final List<ProcessInstance> started = new ArrayList<>();

    /** Starts a case as the system: its first task is the werkgever's. */
    private ProcessInstance newCase(String employer, String employee) {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("poortwachter",
                "ZV-IT-" + UUID.randomUUID(),
                Map.of("werknemerId", employee, "werkgeverId", employer, "eersteZiektedag", today()));
        started.add(instance);
        return instance;
    }

    /** An employee has one open case at a time, so every test closes the cases it opened. */
    @AfterEach
    void deleteCases() {
        started.forEach(instance -> engine.getRuntimeService().deleteProcessInstanceIfExists(instance.getId(),
                "test", false, true, false, false));
    }

    @Test
    void authorizationChecksUseTheCallersOwnGroupsWithoutReadingEveryAuthorization() {
        List<String> few = List.of("werkgever", "a-group-without-authorizations");
        List<String> many = new ArrayList<>(IntStream.range(0, 30).mapToObj(i -> "directory-group-" + i).toList());
        many.add("werkgever");
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    AuthorizationManager manager = context.getAuthorizationManager();
                    assertThat(manager).isInstanceOf(CallerGroupsAuthorizationManager.class);
                    assertThat(manager.filterAuthenticatedGroupIds(few)).containsExactlyElementsOf(few);
                    assertThat(manager.filterAuthenticatedGroupIds(many)).as("a large directory: the engine's way")
                            .containsExactly("werkgever");
                    return null;
                });
    }

    /** The case's task that moves it forward. */
    private String openTask(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .findFirst().orElseThrow().getId();
    }

    /** A case whose werkgever reported it to the bedrijfsarts: the probleemanalyse is open. */
    private ProcessInstance caseAtProbleemanalyse(String employer, String employee) {
        ProcessInstance instance = newCase(employer, employee);
        engine.getTaskService().complete(openTask(instance),
                Map.of("meldingBedrijfsartsDatum", today(), "bedrijfsarts", "Eva"));
        return instance;
    }

    /** A case whose plan van aanpak waits for the employee's review (a task assigned to the employee). */
    private ProcessInstance caseAtPlanReview(String employer, String employee) {
        ProcessInstance instance = caseAtProbleemanalyse(employer, employee);
        engine.getTaskService().complete(openTask(instance), Map.of("dreigendLangdurigVerzuim", "ja"));
        engine.getTaskService().complete(openTask(instance), Map.of("casemanager", "Anna Jansen"));
        return instance;
    }

    private List<JsonNode> tasksVisibleTo(String user) throws Exception {
        HttpResponse<String> response = http.get("/engine-rest/task?maxResults=1000", user, user);
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> tasks = new ArrayList<>();
        objectMapper.readTree(response.body()).forEach(tasks::add);
        return tasks;
    }

    @Test
    void eachCaseCarriesItsEmployersTenant() {
        ProcessInstance acme = caseAtProbleemanalyse("acme-bouw", "bram");

        assertThat(acme.getTenantId()).isEqualTo("acme-bouw");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(acme.getId()).list())
                .isNotEmpty().allSatisfy(task -> assertThat(task.getTenantId()).isEqualTo("acme-bouw"));
    }

    @Test
    void theWerkgeverSeesOnlyItsOwnEmployersCasesAndEachBedrijfsartsThoseOfItsArbodienst() throws Exception {
        ProcessInstance acmeReport = newCase("acme-bouw", "bram");
        ProcessInstance zorgReport = newCase("zorggroep-noord", "carla");
        ProcessInstance acme = caseAtProbleemanalyse("acme-bouw", "piet");
        ProcessInstance zorg = caseAtProbleemanalyse("zorggroep-noord", "sanne");

        assertThat(tasksVisibleTo("eva")).extracting(t -> t.path("processInstanceId").asText())
                .as("eva's arbodienst serves acme-bouw").contains(acme.getId())
                .as("not zorggroep-noord, and the bedrijfsarts does not see the werkgever's tasks")
                .doesNotContain(zorg.getId(), acmeReport.getId(), zorgReport.getId());
        assertThat(tasksVisibleTo("wim")).extracting(t -> t.path("processInstanceId").asText())
                .as("wim's arbodienst serves zorggroep-noord").contains(zorg.getId()).doesNotContain(acme.getId());
        List<JsonNode> annasTasks = tasksVisibleTo("anna");
        assertThat(annasTasks).extracting(t -> t.path("id").asText())
                .as("anna works the werkgever tasks of acme-bouw").contains(openTask(acmeReport))
                .as("not the bedrijfsarts's, not zorggroep-noord's")
                .doesNotContain(openTask(acme), openTask(zorgReport), openTask(zorg));
        assertThat(annasTasks).allSatisfy(t -> assertThat(t.path("tenantId").asText()).isEqualTo("acme-bouw"));
        assertThat(tasksVisibleTo("daan")).extracting(t -> t.path("id").asText())
                .contains(openTask(zorgReport)).doesNotContain(openTask(acmeReport));
    }

    @Test
    void theEmployeeSeesOnlyTasksAssignedToHimAndNoOtherCasesData() throws Exception {
        ProcessInstance bramsCase = caseAtPlanReview("acme-bouw", "bram");
        ProcessInstance colleaguesCase = caseAtPlanReview("acme-bouw", "piet");
        engine.getRuntimeService().setVariable(colleaguesCase.getId(), "visieWerknemer", "vertrouwelijk");

        List<JsonNode> bramsTasks = tasksVisibleTo("bram");
        assertThat(bramsTasks).extracting(t -> t.path("processInstanceId").asText())
                .contains(bramsCase.getId()).doesNotContain(colleaguesCase.getId());
        assertThat(bramsTasks).allSatisfy(t -> assertThat(t.path("assignee").asText()).isEqualTo("bram"));
        HttpResponse<String> variables = http.get(
                "/engine-rest/process-instance/" + colleaguesCase.getId() + "/variables", "bram", "bram");
        assertThat(variables.statusCode()).isIn(403, 404);
        assertThat(variables.body()).doesNotContain("vertrouwelijk");
        assertThat(bramsCase.getTenantId()).isEqualTo("acme-bouw");
    }

    @Test
    void managementSeesNoTaskAndCannotCompleteOne() throws Exception {
        ProcessInstance acme = caseAtProbleemanalyse("acme-bouw", "bram");
        String taskId = openTask(acme);

        assertThat(tasksVisibleTo("ivo")).extracting(t -> t.path("id").asText()).doesNotContain(taskId);
        HttpResponse<String> complete = http.post("/engine-rest/task/" + taskId + "/complete", "{}", "ivo", "ivo");
        assertThat(complete.statusCode()).isIn(403, 404);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void theProcessOwnerDeploysAModelLikeCamundaModelerButAWerkgeverMayNot() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="proefmodel" name="Proefmodel" isExecutable="true"
                      camunda:historyTimeToLive="P1D" camunda:versionTag="1">
                    <bpmn:startEvent id="start" name="Start"/>
                  </bpmn:process>
                </bpmn:definitions>""";

        assertThat(deploy(model, "hanna").statusCode()).isEqualTo(200);
        assertThat(deploy(model, "anna").statusCode()).isEqualTo(403);
        assertThat(http.get("/engine-rest/process-instance", "hanna", "hanna").body())
                .as("the process owner reads no case data").isEqualTo("[]");
    }

    @Test
    void everyRoleHasTheSharedTasklistFiltersOnce() {
        for (String name : List.of("Mijn taken", "Taken van mijn groep", "Termijn verstreken", "Deze week")) {
            assertThat(filterService.createTaskFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
        assertThat(http.get("/engine-rest/filter", "anna", "anna").body()).contains("Termijn verstreken");
    }

    private HttpResponse<String> deploy(String bpmn, String user) {
        String boundary = "----spoorwijzer" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nproefmodel\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"proefmodel.bpmn\"; filename=\"proefmodel.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest request = http.request("/engine-rest/deployment/create")
                .header("Authorization", HttpTestClient.basic(user, user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request);
    }
}
