package nl.spoorwijzer.risks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The decision table {@code processes/loonsanctie-risico.dmn} as deployed now: the newest version, so a table a
 * process owner deploys from Modeler judges the next evaluation. Evaluated in memory by the engine's DMN engine —
 * once per open case in the nightly sweep, so without writing decision history for every case every night (the
 * outcome is kept in {@code case_risk}).
 */
@Component
class LoonsanctieRiskTable {

    static final String DECISION_KEY = "loonsanctie-risico";

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final AtomicReference<Parsed> parsed = new AtomicReference<>();
    /**
     * A DMN engine of its own (FEEL, as the engine's): the engine's DMN engine writes decision history, which needs a
     * command context and would store one evaluation per case per night.
     */
    private final DmnEngine dmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration()).feelEngineFactory(ParsedOnceFeelEngine::new).buildEngine();

    LoonsanctieRiskTable(ProcessEngineConfigurationImpl engineConfiguration) {
        this.engineConfiguration = engineConfiguration;
    }

    /** The newest deployed table, parsed once per version; ask once per batch of cases. */
    Table current() {
        DecisionDefinition latest = engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                context.runWithoutAuthorization(() -> repository().createDecisionDefinitionQuery()
                        .decisionDefinitionKey(DECISION_KEY).withoutTenantId().latestVersion().singleResult()));
        if (latest == null) {
            throw new IllegalStateException("Decision '" + DECISION_KEY + "' is not deployed");
        }
        Parsed known = parsed.get();
        if (known != null && known.definitionId().equals(latest.getId())) {
            return known.table();
        }
        // The engine's deployment cache holds the table parsed (a decision definition is a DmnDecision).
        DmnDecision decision = engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                context.getProcessEngineConfiguration().getDeploymentCache()
                        .findDeployedDecisionDefinitionById(latest.getId()));
        Table table = new Table(dmn, decision, latest.getVersion());
        parsed.set(new Parsed(latest.getId(), table));
        return table;
    }

    private RepositoryService repository() {
        return engineConfiguration.getRepositoryService();
    }

    private record Parsed(String definitionId, Table table) {
    }

    /** One version of the table. */
    record Table(DmnEngine dmn, DmnDecision decision, int version) {

        /** Every rule that fires (hit policy COLLECT), as code, short name and the reason for this case. */
        List<RiskFinding> evaluate(Map<String, Object> facts) {
            DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, facts);
            return result.getResultList().stream().map(row -> new RiskFinding(required(row.get("code"), "code", 64),
                    required(row.get("naam"), "naam", 200), required(row.get("reden"), "reden", 1000))).toList();
        }

        /** A table a process owner changed must still give each output as text: a rule without one is refused. */
        private String required(Object value, String output, int maxLength) {
            if (value == null || value.toString().isBlank() || value.toString().length() > maxLength) {
                throw new IllegalStateException("decision '" + decision.getKey() + "': a rule gave no output '"
                        + output + "' of 1 to " + maxLength + " characters");
            }
            return value.toString();
        }
    }

    record RiskFinding(String code, String label, String reason) {
    }
}
