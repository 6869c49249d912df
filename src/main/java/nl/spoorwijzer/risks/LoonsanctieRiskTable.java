package nl.spoorwijzer.risks;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The decision table {@code processes/loonsanctie-risico.dmn} as deployed now: the newest version, so a table a
 * process owner deploys from Modeler judges the next evaluation. Evaluated in memory by the engine's DMN engine —
 * once per open case in the nightly sweep, so without writing decision history for every case every night (the
 * outcome is kept in {@code case_risk}).
 *
 * <p>A process owner deploys this table, so it is not trusted: a version with an expression in any language but FEEL
 * (JUEL, Groovy, JavaScript would run code in this process) is refused when it is loaded, and each evaluation gets
 * {@code spoorwijzer.risks.evaluation-timeout-millis}: a runaway expression fails that case (which keeps its earlier
 * risks) instead of stalling the nightly sweep.
 */
@Component
class LoonsanctieRiskTable {

    static final String DECISION_KEY = "loonsanctie-risico";

    /** FEEL as the DMN specifications name it, and Camunda's short name (DefaultDmnEngineConfiguration). */
    private static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final AtomicReference<Parsed> parsed = new AtomicReference<>();
    private final BoundedEvaluations evaluations;
    /**
     * A DMN engine of its own (FEEL, as the engine's): the engine's DMN engine writes decision history, which needs a
     * command context and would store one evaluation per case per night.
     */
    private final DmnEngine dmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration()).feelEngineFactory(ParsedOnceFeelEngine::new).buildEngine();

    LoonsanctieRiskTable(ProcessEngineConfigurationImpl engineConfiguration, RiskSettings settings) {
        this.engineConfiguration = engineConfiguration;
        this.evaluations = new BoundedEvaluations(Duration.ofMillis(settings.evaluationTimeoutMillis()));
    }

    @PreDestroy
    void stop() {
        evaluations.stop();
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
        feelOnly(decision, latest.getVersion());
        Table table = new Table(dmn, decision, latest.getVersion(), evaluations);
        parsed.set(new Parsed(latest.getId(), table));
        return table;
    }

    /**
     * Refuses a version of the table with an expression in another language than FEEL (an expression without a
     * language is FEEL: the default of this DMN engine), naming the version and the expressions.
     */
    static void feelOnly(DmnDecision decision, int version) {
        List<String> refused = new ArrayList<>();
        collectOtherLanguages(decision, refused);
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Decision '" + decision.getKey() + "' version " + version
                    + " is not used: only FEEL expressions are allowed in this table, found " + String.join(", ",
                    refused));
        }
    }

    private static void collectOtherLanguages(DmnDecision decision, List<String> refused) {
        if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
            for (DmnDecisionTableInputImpl input : table.getInputs()) {
                checkLanguage(input.getExpression(), "input '" + input.getName() + "'", refused);
            }
            for (DmnDecisionTableRuleImpl rule : table.getRules()) {
                rule.getConditions().forEach(e -> checkLanguage(e, "rule " + rule.getId(), refused));
                rule.getConclusions().forEach(e -> checkLanguage(e, "rule " + rule.getId(), refused));
            }
        } else if (decision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
            checkLanguage(literal.getExpression(), "literal expression", refused);
        }
        decision.getRequiredDecisions().forEach(required -> collectOtherLanguages(required, refused));
    }

    private static void checkLanguage(DmnExpressionImpl expression, String where, List<String> refused) {
        String language = expression == null ? null : expression.getExpressionLanguage();
        if (language != null && !FEEL.contains(language.toLowerCase(Locale.ROOT))) {
            refused.add("'" + language + "' in " + where);
        }
    }

    private RepositoryService repository() {
        return engineConfiguration.getRepositoryService();
    }

    private record Parsed(String definitionId, Table table) {
    }

    /** One version of the table. */
    record Table(DmnEngine dmn, DmnDecision decision, int version, BoundedEvaluations evaluations) {

        /**
         * Every rule that fires (hit policy COLLECT), as code, short name and the reason for this case.
         *
         * @throws IllegalStateException when the evaluation fails or takes longer than its time
         */
        List<RiskFinding> evaluate(Map<String, Object> facts) {
            DmnDecisionTableResult result = evaluations.run(() -> dmn.evaluateDecisionTable(decision, facts));
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

    /**
     * Evaluations with a time limit, each on a thread of a small pool. A FEEL evaluation cannot be stopped from outside
     * (it does not look at interrupts), so a runaway one keeps its thread until it ends; the pool holds at most
     * {@code MAX_THREADS}, and when every thread is taken by such an evaluation the next case fails at once rather
     * than queueing behind them.
     */
    static final class BoundedEvaluations {

        static final int MAX_THREADS = 4;
        private static final AtomicInteger THREADS = new AtomicInteger();

        private final Duration timeout;
        private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "loonsanctie-risico-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });

        BoundedEvaluations(Duration timeout) {
            this.timeout = timeout;
        }

        <T> T run(Callable<T> evaluation) {
            Future<T> result;
            try {
                result = pool.submit(evaluation);
            } catch (RejectedExecutionException everyThreadBusy) {
                throw new IllegalStateException("decision '" + DECISION_KEY + "' not evaluated: " + MAX_THREADS
                        + " earlier evaluations are still running past their time");
            }
            try {
                return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException tooLong) {
                result.cancel(true);
                throw new IllegalStateException("decision '" + DECISION_KEY + "' took longer than "
                        + timeout.toMillis() + " ms for this case and was abandoned");
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                result.cancel(true);
                throw new IllegalStateException("interrupted while evaluating decision '" + DECISION_KEY + "'");
            }
        }

        void stop() {
            pool.shutdownNow();
        }
    }
}
