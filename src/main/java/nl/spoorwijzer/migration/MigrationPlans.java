package nl.spoorwijzer.migration;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.modelling.LegalTasks;
import nl.spoorwijzer.process.AsPlatform;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Service;

/**
 * Builds Camunda's migration plan for a {@link MigrationRequest}: activities with the same id map to each other
 * ({@code mapEqualActivities}) and the procesbeheerder's mappings are added. Timers keep their trigger in the plan
 * ({@code updateEventTriggers} would restart a duration timer — "every 6 weeks" — from the day of the migration);
 * after each case moved, {@link MigratedCaseFollowUp} evaluates every date timer and due date again with the target
 * version's expressions. A mapped event that waits for something else than time (a message) takes the target
 * version's trigger. Every field is checked first: a 400 names the field.
 */
@Service
class MigrationPlans {

    /** More mappings than this are refused: a version that renames more steps is a new model, not a new version. */
    static final int MAX_MAPPINGS = 200;
    /** The task properties that place a step in the case: its phase and its part of the re-integratieverslag. */
    private static final List<String> PLACE_PROPERTIES = List.of(CasePhase.MODEL_PROPERTY, "rivOnderdeel");

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    MigrationPlans(ProcessEngineConfigurationImpl engineConfiguration, RepositoryService repositoryService,
                   RuntimeService runtimeService) {
        this.engineConfiguration = engineConfiguration;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    ResolvedPlan build(MigrationRequest request) {
        return build(request, null);
    }

    /** As {@link #build(MigrationRequest)}; {@code variables} are set on every migrated instance. */
    ResolvedPlan build(MigrationRequest request, Map<String, Object> variables) {
        if (request == null) {
            throw RuleViolationException.invalid("processKey", "moet een van " + String.join(", ",
                    ProcessVersions.MIGRATABLE.stream().sorted().toList()) + " zijn");
        }
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> AsPlatform.inCommand(() -> {
            String key = processKey(request.processKey());
            ProcessDefinition source = definition(key, request.sourceDefinitionId(), request.sourceVersion(),
                    request.tenantId(), "source", false);
            ProcessDefinition target = definition(key, request.targetDefinitionId(), request.targetVersion(),
                    request.tenantId(), "target", true);
            String targetField = request.targetDefinitionId() != null ? "targetDefinitionId" : "targetVersion";
            if (source.getId().equals(target.getId())) {
                throw RuleViolationException.invalid(targetField, "moet een andere versie zijn dan de bronversie "
                        + source.getVersion());
            }
            if (Objects.equals(source.getTenantId(), target.getTenantId())
                    && target.getVersion() < source.getVersion()) {
                throw RuleViolationException.invalid(targetField, "moet een nieuwere versie zijn dan de bronversie "
                        + source.getVersion() + ": zaken gaan niet terug naar een oudere versie");
            }
            BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
            BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
            List<MigrationRequest.ActivityMapping> mappings = request.mappings();
            if (mappings.size() > MAX_MAPPINGS) {
                throw RuleViolationException.invalid("extraMappings", "mag hoogstens " + MAX_MAPPINGS
                        + " koppelingen bevatten");
            }
            for (int i = 0; i < mappings.size(); i++) {
                checkMapping(mappings.get(i), "extraMappings[" + i + "]", source, target, sourceModel, targetModel);
            }
            MigrationInstructionsBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities();
            for (MigrationRequest.ActivityMapping mapping : mappings) {
                var instruction = builder.mapActivities(mapping.from(), mapping.to());
                if (ModelElements.isWaitingEvent(sourceModel, mapping.from())
                        && ModelElements.isWaitingEvent(targetModel, mapping.to())
                        && !ModelElements.hasRelativeTimer(sourceModel, mapping.from())) {
                    instruction.updateEventTrigger();
                }
            }
            if (variables != null) {
                builder.setVariables(variables);
            }
            try {
                return new ResolvedPlan(source, target, builder.build());
            } catch (MigrationPlanValidationException e) {
                throw RuleViolationException.invalid("extraMappings", "maken geen geldig plan: " + String.join(" ",
                        MigrationFailures.ofPlan(e.getValidationReport(), sourceModel, targetModel,
                                ResolvedPlan.versionLabel(target))));
            }
        }));
    }

    /**
     * A mapping moves a case from a step that the target version lacks to another step. A legal task stays itself (a
     * case in the probleemanalyse does not continue as plan van aanpak, its legal record would be lost), and a step
     * stays in its phase and RIV part.
     */
    private static void checkMapping(MigrationRequest.ActivityMapping mapping, String field, ProcessDefinition source,
                                     ProcessDefinition target, BpmnModelInstance sourceModel,
                                     BpmnModelInstance targetModel) {
        if (mapping == null || !ModelElements.isFlowNode(sourceModel, mapping.from())) {
            throw RuleViolationException.invalid(field + ".from",
                    "moet een stap (activiteit-id) van versie " + source.getVersion() + " zijn");
        }
        if (!ModelElements.isFlowNode(targetModel, mapping.to())) {
            throw RuleViolationException.invalid(field + ".to",
                    "moet een stap (activiteit-id) van versie " + target.getVersion() + " zijn");
        }
        String from = ModelElements.label(sourceModel, mapping.from());
        String to = ModelElements.label(targetModel, mapping.to());
        if (LegalTasks.isLegalTask(mapping.from()) || LegalTasks.isLegalTask(mapping.to())) {
            throw RuleViolationException.invalid(field, "stap " + from + " kan niet worden gekoppeld aan " + to
                    + ": een stap met een wettelijke termijn gaat alleen over naar dezelfde stap");
        }
        if (ModelElements.isFlowNode(targetModel, mapping.from())) {
            throw RuleViolationException.invalid(field + ".from", "stap " + from + " bestaat ook in versie "
                    + target.getVersion() + " en gaat vanzelf naar dezelfde stap: koppel alleen stappen die in versie "
                    + target.getVersion() + " ontbreken");
        }
        Map<String, String> fromProperties = ModelElements.properties(sourceModel, mapping.from(), PLACE_PROPERTIES);
        Map<String, String> toProperties = ModelElements.properties(targetModel, mapping.to(), PLACE_PROPERTIES);
        if (!fromProperties.equals(toProperties)) {
            throw RuleViolationException.invalid(field, "stap " + from + " kan niet worden gekoppeld aan " + to
                    + ": de stappen horen bij een andere fase of een ander onderdeel van het re-integratieverslag ("
                    + describe(fromProperties) + " tegenover " + describe(toProperties) + ")");
        }
    }

    private static String describe(Map<String, String> properties) {
        return properties.isEmpty() ? "geen" : properties.entrySet().stream()
                .map(property -> property.getKey() + " " + property.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String processKey(String key) {
        if (key == null || !ProcessVersions.MIGRATABLE.contains(key)) {
            throw RuleViolationException.invalid("processKey", "moet een van " + String.join(", ",
                    ProcessVersions.MIGRATABLE.stream().sorted().toList()) + " zijn");
        }
        return key;
    }

    /**
     * The version by definition id, else by number (of the shared model, or the tenant's own when {@code tenantId}
     * is given); the latest when {@code latestIfNone} and neither is given.
     */
    private ProcessDefinition definition(String key, String definitionId, Integer version, String tenantId,
                                         String side, boolean latestIfNone) {
        if (definitionId != null) {
            ProcessDefinition definition;
            try {
                definition = repositoryService.getProcessDefinition(definitionId);
            } catch (NotFoundException e) {
                definition = null;
            }
            if (definition == null || !definition.getKey().equals(key)) {
                throw RuleViolationException.invalid(side + "DefinitionId", "moet een gedeployde versie van " + key + " zijn");
            }
            return definition;
        }
        String field = side + "Version";
        if (version == null && !latestIfNone) {
            throw RuleViolationException.invalid(field, "is verplicht: het versienummer van " + key
                    + " waarvan zaken overgaan (of " + side + "DefinitionId)");
        }
        ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key);
        query = tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId);
        query = version == null ? query.latestVersion() : query.processDefinitionVersion(version);
        List<ProcessDefinition> found = query.list();
        if (found.isEmpty() && tenantId != null && repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(key).tenantIdIn(tenantId).count() == 0) {
            throw RuleViolationException.invalid("tenantId", "moet een werkgever (tenant) zijn met een eigen versie van "
                    + key + ", of weggelaten voor de versies voor alle werkgevers");
        }
        if (found.size() != 1) {
            throw RuleViolationException.invalid(field, "moet een gedeployde versie van " + key
                    + (tenantId == null ? "" : " voor tenant " + tenantId) + " zijn");
        }
        return found.get(0);
    }
}
