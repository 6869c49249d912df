package nl.spoorwijzer.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * What the models declare on their user tasks with {@code <camunda:properties>} — e.g.
 * {@code <camunda:property name="fase" value="PROBLEEMANALYSE"/>} — as {@link CaseTaskParseListener} kept them on
 * the parsed activities. A task a process owner adds or renames in Modeler brings its declarations with it.
 */
@Component
public class DeclaredTaskProperties {

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RepositoryService repositoryService;
    /** By process definition id: a deployed definition never changes. */
    private final Map<String, Map<String, Map<String, String>>> byDefinition = new ConcurrentHashMap<>();

    public DeclaredTaskProperties(ProcessEngineConfigurationImpl engineConfiguration,
                                  RepositoryService repositoryService) {
        this.engineConfiguration = engineConfiguration;
        this.repositoryService = repositoryService;
    }

    /** The declarations of the task's own activity (its process definition version); empty when it has none. */
    public static Map<String, String> of(DelegateTask task) {
        if (task instanceof TaskEntity entity && entity.getExecution() != null
                && entity.getExecution().getActivity() != null) {
            return of(entity.getExecution().getActivity());
        }
        return Map.of();
    }

    /**
     * The declarations of the task's activity; for a task of a process version deployed before its model declared
     * any (a case started before an upgrade keeps running on it), those of the same task in the latest version of
     * that process, so such a case keeps its phase. Runs inside the engine's command (a task listener).
     */
    public Map<String, String> ofTaskOrLatestVersion(DelegateTask task) {
        Map<String, String> own = of(task);
        if (!own.isEmpty() || !(task instanceof TaskEntity entity) || entity.getExecution() == null) {
            return own;
        }
        ProcessDefinitionEntity definition = entity.getExecution().getProcessDefinition();
        if (definition == null || !byDefinition.computeIfAbsent(definition.getId(), id -> declaredIn(definition))
                .isEmpty()) {
            return own; // this version declares properties; the task has none
        }
        ProcessDefinitionEntity latest = Context.getCommandContext().getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedLatestProcessDefinitionByKeyAndTenantId(definition.getKey(), definition.getTenantId());
        if (latest == null || latest.getId().equals(definition.getId())) {
            return own;
        }
        return byDefinition.computeIfAbsent(latest.getId(), id -> declaredIn(latest))
                .getOrDefault(task.getTaskDefinitionKey(), Map.of());
    }

    /**
     * One declared property of every user task of the deployed processes, by task id, as the newest version that
     * declares the task says — the mapping for facts recorded by task id, such as dossier entries. (Definitions are
     * parsed, and so read, by the engine's deployment cache, also after a restart that deployed nothing new.)
     */
    public Map<String, String> latest(String property) {
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                () -> latestInContext(context, property)));
    }

    private Map<String, String> latestInContext(CommandContext context, String property) {
        Map<String, String> values = new HashMap<>();
        // Newest version first: a task renamed or removed later keeps the part its older versions declared, so
        // the dossier entries it left in running and closed cases keep counting.
        List<ProcessDefinition> newestFirst = repositoryService.createProcessDefinitionQuery()
                .orderByProcessDefinitionVersion().desc().list();
        for (ProcessDefinition definition : newestFirst) {
            byDefinition.computeIfAbsent(definition.getId(), id -> declaredIn(context.getProcessEngineConfiguration()
                    .getDeploymentCache().findDeployedProcessDefinitionById(id)))
                    .forEach((taskId, declared) -> {
                        if (declared.containsKey(property)) {
                            values.putIfAbsent(taskId, declared.get(property));
                        }
                    });
        }
        return values;
    }

    private static Map<String, Map<String, String>> declaredIn(ProcessDefinitionEntity definition) {
        Map<String, Map<String, String>> declared = new HashMap<>();
        collect(definition, declared);
        return declared;
    }

    /** Recurses into (event) subprocesses: a task keeps its declarations wherever the model nests it. */
    private static void collect(ScopeImpl scope, Map<String, Map<String, String>> declared) {
        for (ActivityImpl activity : scope.getActivities()) {
            Map<String, String> properties = of(activity);
            if (!properties.isEmpty()) {
                declared.put(activity.getId(), properties);
            }
            collect(activity, declared);
        }
    }

    private static Map<String, String> of(ActivityImpl activity) {
        Map<String, String> properties = activity.getProperties().get(BpmnProperties.EXTENSION_PROPERTIES);
        return properties == null ? Map.of() : properties;
    }
}
