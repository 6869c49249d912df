package nl.spoorwijzer.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.spoorwijzer.process.AsPlatform;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Starts the migration of the cases the procesbeheerder selected as one Camunda batch ({@code executeAsync}): the job
 * executor migrates them one by one, Cockpit shows the batch and any failed job as an incident, and after each case
 * {@link MigratedCaseFollowUp} applies its legal dates again and writes its dossier entry. The target version is
 * named (by definition id, as the dry run answered, or by number): a version deployed after the dry run is not taken.
 */
@Service
class MigrationStart {

    /** Set on each migrated instance with the plan, read and removed by {@link MigratedCaseFollowUp}. */
    static final String MIGRATED_BY = "modelMigratieDoor";
    static final String MIGRATED_FROM = "modelMigratieVanVersie";
    /** The plan's own mappings ("van->naar", one a line), so that a case's dossier names the step it moved from. */
    static final String MIGRATED_MAPPINGS = "modelMigratieKoppelingen";
    /** More case ids than this are refused in one request. */
    static final int MAX_CASES = 5_000;

    /** The batch that moves the cases; its jobs run in the background. */
    public record Started(String batchId, String processKey, int sourceVersion, int targetVersion,
                          String targetVersionTag, int cases) {
    }

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RuntimeService runtimeService;
    private final MigrationPlans plans;

    MigrationStart(ProcessEngineConfigurationImpl engineConfiguration, RuntimeService runtimeService,
                   MigrationPlans plans) {
        this.engineConfiguration = engineConfiguration;
        this.runtimeService = runtimeService;
        this.plans = plans;
    }

    Started start(MigrationRequest request, String startedBy) {
        if (request == null || !Boolean.TRUE.equals(request.confirm())) {
            throw RuleViolationException.invalid("confirm", "moet true zijn: de gekozen zaken gaan echt over naar de"
                    + " nieuwe versie");
        }
        if (request.targetDefinitionId() == null && request.targetVersion() == null) {
            throw RuleViolationException.invalid("targetDefinitionId", "is verplicht bij het starten: de doelversie"
                    + " die de proefrun noemde (targetDefinitionId of targetVersion), zodat de zaken niet naar een"
                    + " later gedeployde versie gaan");
        }
        List<String> caseIds = request.caseIds();
        if (caseIds == null || caseIds.isEmpty()) {
            throw RuleViolationException.invalid("caseIds", "is verplicht: de zaak-id's die overgaan (minstens één)");
        }
        if (caseIds.size() > MAX_CASES) {
            throw RuleViolationException.invalid("caseIds", "mag hoogstens " + MAX_CASES + " zaken noemen: zet meer"
                    + " zaken over in meer batches");
        }
        if (new HashSet<>(caseIds).size() != caseIds.size()) {
            throw RuleViolationException.invalid("caseIds", "moet elke zaak één keer noemen");
        }
        // Built twice: the variables set with the plan name the source version, known once the request is resolved.
        ResolvedPlan probe = plans.build(request);
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put(MIGRATED_BY, startedBy);
        marker.put(MIGRATED_FROM, probe.source().getVersion());
        if (!request.mappings().isEmpty()) {
            marker.put(MIGRATED_MAPPINGS, MigratedCaseFollowUp.formatMappings(request.mappings()));
        }
        ResolvedPlan resolved = plans.build(request, marker);
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> AsPlatform.inCommand(() -> {
            // One query for the whole selection (Camunda's query has no business-key list): the source version's instances.
            Map<String, List<ProcessInstance>> running = new HashMap<>();
            Set<String> named = new HashSet<>(caseIds);
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                    .processDefinitionId(resolved.source().getId()).list()) {
                if (named.contains(instance.getBusinessKey())) {
                    running.computeIfAbsent(instance.getBusinessKey(), key -> new ArrayList<>()).add(instance);
                }
            }
            List<String> instanceIds = new ArrayList<>();
            for (int i = 0; i < caseIds.size(); i++) {
                List<ProcessInstance> found = caseIds.get(i) == null ? null : running.get(caseIds.get(i));
                if (found == null) {
                    throw RuleViolationException.invalid("caseIds[" + i + "]", "moet een lopende zaak zijn op versie "
                            + resolved.source().getVersion() + " van " + resolved.source().getKey());
                }
                String employer = resolved.target().getTenantId();
                if (employer != null && found.stream().anyMatch(instance -> !employer.equals(instance.getTenantId()))) {
                    throw RuleViolationException.invalid("caseIds[" + i + "]", "moet een zaak van " + employer
                            + " zijn: versie " + resolved.target().getVersion() + " is het protocol van die werkgever");
                }
                found.forEach(instance -> instanceIds.add(instance.getId()));
            }
            Set<String> unique = new HashSet<>(instanceIds);
            Batch batch = runtimeService.newMigration(resolved.plan()).processInstanceIds(List.copyOf(unique))
                    .executeAsync();
            return new Started(batch.getId(), resolved.source().getKey(), resolved.source().getVersion(),
                    resolved.target().getVersion(), resolved.target().getVersionTag(), caseIds.size());
        }));
    }
}
