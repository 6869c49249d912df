package nl.spoorwijzer.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.AsPlatform;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.CaseRescheduling;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.TimelineChange;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Service;

/**
 * What follows the migration of one case instance, in the migration's own transaction: a dossier entry
 * ("Zaak overgezet naar versie X (versionTag Y) door …") and the case's timeline applied again through
 * {@link CaseRescheduling} — every timer and task due date that the new version takes from a legal date is evaluated
 * again, so a timer the new version adds or moves lands exactly on the calendar's date.
 */
@Service
class MigratedCaseFollowUp {

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final CaseDossier dossier;
    private final CaseRescheduling rescheduling;

    MigratedCaseFollowUp(ProcessEngineConfigurationImpl engineConfiguration, RuntimeService runtimeService,
                         RepositoryService repositoryService, CaseDossier dossier, CaseRescheduling rescheduling) {
        this.engineConfiguration = engineConfiguration;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.dossier = dossier;
        this.rescheduling = rescheduling;
    }

    /**
     * After the instance moved; {@code startedBy} is who ran a synchronous migration (null in a batch job),
     * {@code sourceActivities} the steps the instance was in before it moved.
     */
    void afterMigration(String processInstanceId, String startedBy, Set<String> sourceActivities) {
        Moved moved = engineConfiguration.getCommandExecutorTxRequired().execute(context -> AsPlatform.inCommand(
                () -> record(processInstanceId, startedBy, sourceActivities)));
        if (moved != null) {
            rescheduling.apply(moved.caseInstanceId(), new TimelineChange.ModelMigrated(moved.target().getKey(),
                    moved.target().getVersion(), moved.target().getVersionTag()));
        }
    }

    /** The plan's own mappings as the marker variable holds them: "van->naar", one a line. */
    static String formatMappings(List<MigrationRequest.ActivityMapping> mappings) {
        return mappings.stream().map(mapping -> mapping.from() + "->" + mapping.to())
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, String> parseMappings(Object marker) {
        Map<String, String> mappings = new LinkedHashMap<>();
        if (marker != null) {
            for (String line : marker.toString().split("\n")) {
                String[] parts = line.split("->", 2);
                if (parts.length == 2) {
                    mappings.put(parts[0], parts[1]);
                }
            }
        }
        return mappings;
    }

    private record Moved(String caseInstanceId, ProcessDefinition target) {
    }

    private Moved record(String processInstanceId, String startedBy, Set<String> sourceActivities) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        if (instance == null) {
            return null;
        }
        // The plan's markers go first, whatever follows: they are no part of the case.
        Object by = runtimeService.getVariableLocal(processInstanceId, MigrationStart.MIGRATED_BY);
        Object from = runtimeService.getVariableLocal(processInstanceId, MigrationStart.MIGRATED_FROM);
        Object mappings = runtimeService.getVariableLocal(processInstanceId, MigrationStart.MIGRATED_MAPPINGS);
        runtimeService.removeVariablesLocal(processInstanceId, List.of(MigrationStart.MIGRATED_BY,
                MigrationStart.MIGRATED_FROM, MigrationStart.MIGRATED_MAPPINGS));
        ProcessDefinition target = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
        if (!ProcessVersions.MIGRATABLE.contains(target.getKey())) {
            return null;
        }
        String recordedBy = by != null ? by.toString() : startedBy != null ? startedBy : CaseDossier.SYSTEM;
        String caseInstanceId = rootOf(instance);
        Map<String, String> steps = new LinkedHashMap<>();
        parseMappings(mappings).forEach((oldStep, newStep) -> {
            if (sourceActivities.contains(oldStep)) {
                steps.put(oldStep, newStep);
            }
        });
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("proces", target.getKey());
        if (from != null) {
            content.put("vanVersie", from);
        }
        content.put("naarVersie", target.getVersion());
        content.put("versionTag", target.getVersionTag() == null ? "" : target.getVersionTag());
        content.put("procesdefinitie", target.getId());
        String moves = "";
        if (!steps.isEmpty()) {
            content.put("stappen", steps);
            BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
            moves = steps.entrySet().stream().map(step -> "stap '" + step.getKey() + "' gaat verder als "
                    + ModelElements.label(targetModel, step.getValue())).collect(Collectors.joining(", ", "; ", ""));
        }
        dossier.recordForCase(instance.getBusinessKey(), caseInstanceId, instance.getTenantId(),
                DossierEntryType.MODEL_MIGRATED, "Zaak overgezet naar " + ResolvedPlan.versionLabel(target)
                        + (target.getKey().equals(ProcessKeys.POORTWACHTER) ? ""
                        : " van " + target.getKey()) + " door " + recordedBy + moves, recordedBy, content);
        return new Moved(caseInstanceId, target);
    }

    /** The case's own process instance: a migrated spoor 2 trajectory belongs to the case that called it. */
    private String rootOf(ProcessInstance instance) {
        ProcessInstance current = instance;
        while (true) {
            ProcessInstance parent = runtimeService.createProcessInstanceQuery()
                    .subProcessInstanceId(current.getId()).singleResult();
            if (parent == null) {
                return current.getId();
            }
            current = parent;
        }
    }
}
