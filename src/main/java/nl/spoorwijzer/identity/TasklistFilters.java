package nl.spoorwijzer.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.spoorwijzer.process.ProcessVariables;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.util.JsonUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters: what every role needs to work its deadlines. Each lists only what the user may see
 * anyway (authorizations and tenants), sorted by legal due date, with whose case each task is as list columns (the
 * task-local variables of {@code process/TaskCaseLabels}). Kept up to date on every start: a filter of an existing
 * database that differs (an older query or columns) is brought to this definition; one that matches is not written.
 * <p>
 * Sorting: the engine puts a filter's own ordering before the ordering Tasklist asks for
 * ({@code AbstractQuery#mergeOrdering}), so these lists are in due-date order whatever Tasklist's sort header says;
 * Tasklist's choice (default "created", hard-coded in its frontend) only breaks ties. Tasks without a due date come
 * last (PostgreSQL's NULL order; H2 is told the same with {@code DEFAULT_NULL_ORDERING=HIGH} in its URL).
 */
@Component
class TasklistFilters {

    /** The list columns: Tasklist shows these variables of each task under its name ("variables" property). */
    static final List<Map<String, String>> CASE_COLUMNS = List.of(
            column(ProcessVariables.WERKNEMER_NAAM, "Werknemer"),
            column(ProcessVariables.ZAAK_ID, "Zaak"),
            column(ProcessVariables.WERKGEVER_NAAM, "Werkgever"),
            column(ProcessVariables.ZIEKTEWEEK, "Ziekteweek"));

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    void ensureFilters() {
        ensure("Mijn taken", -10, "Taken die aan mij zijn toegewezen",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensure("Taken van mijn groep", -5, "Taken voor mijn rol, ook als een collega ze heeft opgepakt",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        ensure("Termijn verstreken", 0, "Taken waarvan de wettelijke termijn voorbij is",
                taskService.createTaskQuery().dueBeforeExpression("${now()}"));
        ensure("Deze week", 5, "Taken met een termijn in de komende 7 dagen",
                taskService.createTaskQuery().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        Filter wanted = filterService.newTaskFilter(name);
        // Tasks of a recovered case are paused (suspended) until a relapse or the case closes: not work for anyone.
        wanted.setQuery(query.active().orderByDueDate().asc());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", CASE_COLUMNS);
        wanted.setProperties(properties);
        Filter existing = filterService.createTaskFilterQuery().filterName(name).list().stream().findFirst()
                .orElse(null);
        if (existing == null) {
            filterService.saveFilter(wanted);
            return;
        }
        if (!Objects.equals(queryOf(existing), queryOf(wanted))
                || !Objects.equals(propertiesOf(existing), propertiesOf(wanted))) {
            existing.setQuery(wanted.getQuery());
            existing.setProperties(wanted.getProperties());
            filterService.saveFilter(existing);
        }
    }

    /** The stored form of a filter's query (JSON), to compare a stored filter with the wanted one. */
    private static String queryOf(Filter filter) {
        return ((FilterEntity) filter).getQueryInternal();
    }

    /** The properties as JSON, compared as JSON (a stored filter's numbers and key order come back as JSON's). */
    private static Object propertiesOf(Filter filter) {
        return JsonUtil.asObject(((FilterEntity) filter).getPropertiesInternal());
    }

    private static Map<String, String> column(String variable, String label) {
        Map<String, String> column = new LinkedHashMap<>();
        column.put("name", variable);
        column.put("label", label);
        return column;
    }
}
