package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.process.SicknessWeekRefresh;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every task of a case says whose case it is — the case id, the employee's and the employer's names, the week of
 * sickness — as task-local variables that exactly the task's own people may read, shown as columns by the seeded
 * Tasklist filters, which list by legal due date. A missed deadline's task is due on that deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasksCarryTheirCaseIT {

    private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final List<String> LABELS = List.of("werknemerNaam", "zaakId", "werkgeverNaam", "ziekteweek");

    /** Left open by the simulated people: the probleemanalyse, and so the werkgever's task about missing it. */
    private static final Set<String> OPEN = Set.of("probleemanalyseOpstellen", "termijnOverschredenAfhandelen");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired SicknessWeekRefresh weeks;
    @Autowired TasklistFilters filters;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        new ApiCases(new HttpTestClient(port), json, engine).deleteAll("poortwachter");
    }

    @Test
    void everyTaskOfACaseNamesTheCaseAndTheWeekOfSicknessStaysCurrent() {
        LocalDate firstSickDay = LocalDate.of(2026, 3, 2);
        // Nothing answered: the tasks of day 1 stay open.
        String caseId = new ApiCases(new HttpTestClient(port), json, engine).reportAndPlay(firstSickDay,
                firstSickDay, key -> null, 0);
        List<Task> firstTasks = tasksOf(caseId);
        assertThat(firstTasks).isNotEmpty();
        for (Task task : firstTasks) {
            assertThat(engine.getTaskService().getVariablesLocal(task.getId(), LABELS)).as(task.getName())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("zaakId", caseId, "werknemerNaam", "Tim Vermeulen",
                            "werkgeverNaam", "Acme Bouw B.V.", "ziekteweek", 1));
        }

        // Day 17 is in week 3: the refresh after midnight moves the week on, on every open task.
        ApiCases.onDay(firstSickDay.plusDays(16));
        assertThat(weeks.refresh()).isEqualTo(firstTasks.size());
        for (Task task : tasksOf(caseId)) {
            assertThat(engine.getTaskService().getVariableLocal(task.getId(), "ziekteweek")).as(task.getName())
                    .isEqualTo(3);
        }
        assertThat(weeks.refresh()).as("nothing to write when the week is current").isZero();

        // A task of an existing database, made before tasks named their case, gets the names when the platform starts.
        Task older = firstTasks.get(0);
        engine.getTaskService().removeVariablesLocal(older.getId(), LABELS);
        assertThat(weeks.labelOpenTasksWithoutLabels()).isEqualTo(1);
        assertThat(engine.getTaskService().getVariablesLocal(older.getId(), LABELS))
                .containsExactlyInAnyOrderEntriesOf(Map.of("zaakId", caseId, "werknemerNaam", "Tim Vermeulen",
                        "werkgeverNaam", "Acme Bouw B.V.", "ziekteweek", 3));
    }

    @Test
    void aWerkgeverListsItsTasksByDueDateWithTheCaseAsColumnsAndOthersReadNothingOfIt() throws Exception {
        LocalDate today = LocalDate.now(ApiCases.AMSTERDAM);
        LocalDate firstSickDay = today.minusDays(50);
        HttpTestClient http = new HttpTestClient(port);
        String caseId = new ApiCases(http, json, engine).reportAndPlay(firstSickDay, today,
                key -> OPEN.contains(key) ? null : SimulatedAnswers.onTime(key), 0);
        ClockUtil.reset();
        weeks.refresh();
        long week = 50 / 7 + 1;

        // The missed probleemanalyse (week 6) raised the werkgever's escalation task, due on that very deadline.
        Task escalation = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("termijnOverschredenAfhandelen").singleResult();
        assertThat(escalation.getName()).isEqualTo("Termijn overschreden: Probleemanalyse opstellen");
        assertThat(escalation.getDueDate()).isEqualTo(ApiCases.endOf(firstSickDay.plusDays(41)));
        assertThat(engine.getTaskService().getVariableLocal(escalation.getId(), "zaakId")).isEqualTo(caseId);

        // As Tasklist asks for a list: sorted by "created", descending — the filter's due-date order comes first.
        for (String filter : List.of("Taken van mijn groep", "Termijn verstreken")) {
            List<JsonNode> listed = listAs("anna", filter, """
                    {"sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""");
            assertThat(listed).as(filter).isNotEmpty();
            assertThat(listed.stream().map(task -> task.path("id").asText())).as(filter)
                    .contains(escalation.getId());
            List<OffsetDateTime> dues = listed.stream().map(task -> task.path("due").isNull() ? null
                    : OffsetDateTime.parse(task.path("due").asText(), REST_DATE)).toList();
            assertThat(dues.stream().filter(due -> due != null).toList()).as("due dates in %s", filter).isSorted();
            assertThat(dues.indexOf(null) < 0 || dues.subList(dues.indexOf(null), dues.size()).stream()
                    .allMatch(due -> due == null)).as("tasks without a due date last in %s: %s", filter, dues)
                    .isTrue();
            JsonNode ours = listed.stream().filter(task -> task.path("id").asText().equals(escalation.getId()))
                    .findFirst().orElseThrow();
            assertThat(columns(ours)).as("columns of the escalation in %s", filter)
                    .containsExactlyInAnyOrderEntriesOf(Map.of("zaakId", caseId, "werknemerNaam", "Tim Vermeulen",
                            "werkgeverNaam", "Acme Bouw B.V.", "ziekteweek", String.valueOf(week)));
        }
        Filter group = engine.getFilterService().createTaskFilterQuery().filterName("Taken van mijn groep")
                .singleResult();
        assertThat(group.getProperties().get("variables")).isEqualTo(TasklistFilters.CASE_COLUMNS);

        // The bedrijfsarts of the case reads them on its own task; management and another employer read none.
        assertThat(labelsReadableBy("eva", caseId)).contains(caseId);
        assertThat(labelsReadableBy("anna", caseId)).contains(caseId);
        assertThat(labelsReadableBy("ivo", caseId)).isEmpty();
        assertThat(labelsReadableBy("daan", caseId)).isEmpty();
        HttpResponse<String> managementList = listResponse("ivo", "Taken van mijn groep", "{}");
        assertThat(managementList.statusCode() == 403 || !managementList.body().contains(caseId))
                .as("management lists no task of the case: %s", managementList.body()).isTrue();
        for (String outsider : List.of("ivo", "daan")) {
            HttpResponse<String> direct = http.get("/engine-rest/task/" + escalation.getId() + "/localVariables",
                    outsider, outsider);
            assertThat(direct.statusCode()).as("%s reads the task's variables: %s", outsider, direct.body())
                    .isIn(403, 404);
        }

        // Nobody sets them but the platform: not by a form submission, not by a direct write.
        HttpResponse<String> submitted = http.post("/engine-rest/task/" + escalation.getId() + "/submit-form", """
                {"variables": {"maatregel": {"value": "Alsnog opgesteld"}, "herstelGeplandOp": {"value": "%s"},
                 "zaakId": {"value": "ZV-ANDERS"}}}""".formatted(today), "anna", "anna");
        assertThat(submitted.statusCode()).as(submitted.body()).isBetween(400, 403);
        HttpResponse<String> written = http.send(http.request("/engine-rest/task/" + escalation.getId()
                        + "/localVariables/werknemerNaam").header("Authorization", HttpTestClient.basic("anna", "anna"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"Iemand anders\"}")).build());
        assertThat(written.statusCode()).as(written.body()).isBetween(400, 403);
        assertThat(engine.getTaskService().getVariablesLocal(escalation.getId(), List.of("zaakId", "werknemerNaam")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("zaakId", caseId, "werknemerNaam", "Tim Vermeulen"));
    }

    @Test
    void aSeededFilterOfAnOlderVersionIsBroughtUpToDateOnStartAndAnUpToDateOneIsNotWritten() {
        Filter group = engine.getFilterService().createTaskFilterQuery().filterName("Taken van mijn groep")
                .singleResult();
        // As an older version stored it: sorted by creation, without the case columns.
        group.setQuery(engine.getTaskService().createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().active()
                .orderByTaskCreateTime().desc());
        Map<String, Object> older = new LinkedHashMap<>(group.getProperties());
        older.remove("variables");
        group.setProperties(older);
        engine.getFilterService().saveFilter(group);

        filters.ensureFilters();
        Filter updated = engine.getFilterService().getFilter(group.getId());
        assertThat(updated.getProperties().get("variables")).isEqualTo(TasklistFilters.CASE_COLUMNS);
        assertThat(((FilterEntity) updated).getQueryInternal()).contains("DUE_DATE_").doesNotContain("CREATE_TIME_");
        int revision = ((FilterEntity) updated).getRevision();
        filters.ensureFilters();
        assertThat(((FilterEntity) engine.getFilterService().getFilter(group.getId())).getRevision())
                .as("an up-to-date filter is not written again").isEqualTo(revision);
        assertThat(engine.getFilterService().createTaskFilterQuery().filterName("Taken van mijn groep").count())
                .isEqualTo(1);
    }

    /** The case ids in the task labels the user can read through Camunda's variable-instance query. */
    private List<String> labelsReadableBy(String user, String caseId) throws Exception {
        HttpResponse<String> response = new HttpTestClient(port).get(
                "/engine-rest/variable-instance?variableName=zaakId", user, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).forEach(variable -> ids.add(variable.path("value").asText()));
        return ids.stream().filter(caseId::equals).toList();
    }

    /** The filter's list as Tasklist asks for it (HAL, with the filter's variables embedded per task). */
    private List<JsonNode> listAs(String user, String filterName, String body) throws Exception {
        HttpResponse<String> response = listResponse(user, filterName, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> tasks = new ArrayList<>();
        json.readTree(response.body()).path("_embedded").path("task").forEach(tasks::add);
        return tasks;
    }

    private HttpResponse<String> listResponse(String user, String filterName, String body) {
        String filterId = engine.getFilterService().createTaskFilterQuery().filterName(filterName).singleResult()
                .getId();
        HttpTestClient http = new HttpTestClient(port);
        HttpResponse<String> response = http.send(http.request("/engine-rest/filter/" + filterId
                        + "/list?firstResult=0&maxResults=50")
                .header("Authorization", HttpTestClient.basic(user, user)).header("Accept", "application/hal+json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        return response;
    }

    private static Map<String, String> columns(JsonNode task) {
        Map<String, String> values = new LinkedHashMap<>();
        task.path("_embedded").path("variable").forEach(variable ->
                values.put(variable.path("name").asText(), variable.path("value").asText()));
        return values;
    }

    private List<Task> tasksOf(String caseId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).list();
    }
}
