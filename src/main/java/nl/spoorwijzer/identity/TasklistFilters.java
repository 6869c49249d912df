package nl.spoorwijzer.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created once (by name): what every role needs to work its deadlines. Each lists only
 * what the user may see anyway (authorizations and tenants), sorted by legal due date.
 */
@Component
class TasklistFilters {

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
        if (filterService.createTaskFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name);
        // Tasks of a recovered case are paused (suspended) until a relapse or the case closes: not work for anyone.
        filter.setQuery(query.active().orderByDueDate().asc());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        filter.setProperties(properties);
        filterService.saveFilter(filter);
    }
}
