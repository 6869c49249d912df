package nl.spoorwijzer.risks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.spoorwijzer.modelling.FeelOnlyDecisions;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The decision table {@code processes/loonsanctie-risico.dmn} as deployed now: the newest version, so a table a
 * process owner deploys from Modeler judges the next evaluation. Evaluated in memory by the engine's DMN engine —
 * once per open case in the nightly sweep, so without writing decision history for every case every night (the
 * outcome is kept in {@code case_risk}).
 *
 * <p>A process owner deploys this table, so it is not trusted: a version with an expression in any language but FEEL
 * (JUEL, Groovy, JavaScript would run code in this process) is refused when deployed (modelling/DeploymentRules) and,
 * for a version deployed before that rule, again when it is loaded: then the newest valid version judges on, and
 * {@link #status()} names the refused one. Each evaluation gets {@code spoorwijzer.risks.evaluation-timeout-millis}:
 * a runaway expression fails that case (which keeps its earlier risks) instead of stalling the nightly sweep.
 */
@Component
class LoonsanctieRiskTable {

    static final String DECISION_KEY = FeelOnlyDecisions.LOONSANCTIE_RISICO;
    private static final Logger LOG = LoggerFactory.getLogger(LoonsanctieRiskTable.class);
    /** How many older versions are looked at for a valid one when the newest is refused. */
    private static final int FALLBACK_VERSIONS = 20;

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final AtomicReference<Choice> chosen = new AtomicReference<>();
    private final BoundedEvaluations evaluations;
    /**
     * A DMN engine of its own (FEEL, as the engine's): the engine's DMN engine writes decision history, which needs a
     * command context and would store one evaluation per case per night.
     */
    private final DmnEngine dmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration()).feelEngineFactory(ParsedOnceFeelEngine::new).buildEngine();

    LoonsanctieRiskTable(ProcessEngineConfigurationImpl engineConfiguration, RiskSettings settings,
                         MeterRegistry meters) {
        this.engineConfiguration = engineConfiguration;
        this.evaluations = new BoundedEvaluations(Duration.ofMillis(settings.evaluationTimeoutMillis()), meters);
    }

    @PreDestroy
    void stop() {
        evaluations.stop();
    }

    /**
     * The newest deployed table that holds FEEL only, parsed once per version; ask once per batch of cases. A newest
     * version that is refused leaves the newest valid one judging (and is named in {@link #status()}).
     */
    Table current() {
        DecisionDefinition latest = query(0, 1).stream().findFirst().orElseThrow(() ->
                new IllegalStateException("Decision '" + DECISION_KEY + "' is not deployed"));
        Choice known = chosen.get();
        if (known != null && known.latestId().equals(latest.getId())) {
            return known.table();
        }
        Integer refused = null;
        for (DecisionDefinition version : query(0, FALLBACK_VERSIONS)) {
            DmnDecision decision = engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                    context.getProcessEngineConfiguration().getDeploymentCache()
                            .findDeployedDecisionDefinitionById(version.getId()));
            try {
                feelOnly(decision, version.getVersion());
            } catch (IllegalStateException notFeel) {
                LOG.error("Loonsanctie risks: {}; the newest valid version judges on", notFeel.getMessage());
                refused = refused == null ? version.getVersion() : refused;
                continue;
            }
            Table table = new Table(dmn, decision, version.getVersion(), evaluations);
            chosen.set(new Choice(latest.getId(), table, refused));
            return table;
        }
        throw new IllegalStateException("Decision '" + DECISION_KEY + "': no version of the last " + FALLBACK_VERSIONS
                + " holds FEEL only");
    }

    /** The version that judges now and the newer one refused for it (null when the newest judges). */
    TableStatus status() {
        try {
            current();
        } catch (IllegalStateException noValidVersion) {
            return new TableStatus(null, null);
        }
        Choice known = chosen.get();
        return new TableStatus(known.table().version(), known.refusedVersion());
    }

    private List<DecisionDefinition> query(int first, int count) {
        return engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                context.runWithoutAuthorization(() -> repository().createDecisionDefinitionQuery()
                        .decisionDefinitionKey(DECISION_KEY).withoutTenantId().orderByDecisionDefinitionVersion()
                        .desc().listPage(first, count)));
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
        if (language != null && !FeelOnlyDecisions.isFeel(language)) {
            refused.add("'" + language + "' in " + where);
        }
    }

    private RepositoryService repository() {
        return engineConfiguration.getRepositoryService();
    }

    private record Choice(String latestId, Table table, Integer refusedVersion) {
    }

    record TableStatus(Integer version, Integer refusedVersion) {
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
     * Evaluations with a time limit, each on a thread of its own pool. A FEEL evaluation cannot be stopped from outside
     * (it does not look at interrupts), so one past its time is abandoned: its caller fails that case, the
     * evaluation's slot is given back (the next case gets a new thread, so the pool does not shrink) and the abandoned
     * one is counted ({@value #ABANDONED}) and watched while it runs on ({@value #STUCK}). At most
     * {@code MAX_THREADS} evaluations run within their time; at most {@code MAX_STUCK} abandoned ones may run on — past
     * that every next case fails at once (logged as an error) rather than adding threads without end: a table whose
     * expressions never end needs a new version, and such a node a restart. A FEEL expression that allocates a huge
     * list cannot be bounded in this process; the deploy-time FEEL-only rule and the time limit are the mitigations.
     */
    static final class BoundedEvaluations {

        static final int MAX_THREADS = 4;
        static final int MAX_STUCK = 16;
        static final String ABANDONED = "spoorwijzer.risks.evaluations.abandoned";
        static final String STUCK = "spoorwijzer.risks.evaluations.stuck";
        private static final AtomicInteger THREADS = new AtomicInteger();

        private final Duration timeout;
        private final Semaphore live = new Semaphore(MAX_THREADS);
        private final AtomicInteger stuck = new AtomicInteger();
        private final Counter abandoned;
        private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_THREADS + MAX_STUCK, 60,
                TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "loonsanctie-risico-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });

        BoundedEvaluations(Duration timeout) {
            this(timeout, new SimpleMeterRegistry());
        }

        BoundedEvaluations(Duration timeout, MeterRegistry meters) {
            this.timeout = timeout;
            this.abandoned = Counter.builder(ABANDONED)
                    .description("Risk table evaluations abandoned past their time").register(meters);
            Gauge.builder(STUCK, stuck, AtomicInteger::get)
                    .description("Abandoned risk table evaluations still running").register(meters);
        }

        <T> T run(Callable<T> evaluation) {
            if (stuck.get() >= MAX_STUCK || !live.tryAcquire()) {
                throw new IllegalStateException("decision '" + DECISION_KEY + "' not evaluated: " + MAX_THREADS
                        + " evaluations are running or " + stuck.get() + " earlier ones are still running past their"
                        + " time");
            }
            // 0 running, 1 done in time, 2 abandoned: exactly one of the two ends gives the slot back
            AtomicInteger state = new AtomicInteger();
            Future<T> result;
            try {
                result = pool.submit(() -> {
                    try {
                        return evaluation.call();
                    } finally {
                        if (!state.compareAndSet(0, 1)) {
                            stuck.decrementAndGet();
                        }
                        // a slot is given back by whoever ended first; an abandoned one already gave it back
                        if (state.get() == 1) {
                            live.release();
                        }
                    }
                });
            } catch (RejectedExecutionException noThreadLeft) {
                live.release();
                throw new IllegalStateException("decision '" + DECISION_KEY + "' not evaluated: no thread left, "
                        + stuck.get() + " earlier evaluations are still running past their time");
            }
            try {
                return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException tooLong) {
                abandon(state, result);
                throw new IllegalStateException("decision '" + DECISION_KEY + "' took longer than "
                        + timeout.toMillis() + " ms for this case and was abandoned");
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                abandon(state, result);
                throw new IllegalStateException("interrupted while evaluating decision '" + DECISION_KEY + "'");
            }
        }

        private void abandon(AtomicInteger state, Future<?> result) {
            stuck.incrementAndGet();
            if (state.compareAndSet(0, 2)) {
                live.release();
                abandoned.increment();
                LOG.error("Loonsanctie risks: an evaluation ran past {} ms and was abandoned; {} abandoned ones"
                        + " still run (at most {})", timeout.toMillis(), stuck.get(), MAX_STUCK);
                result.cancel(true);
            } else {
                stuck.decrementAndGet(); // it ended just in time
            }
        }

        int stuck() {
            return stuck.get();
        }

        double abandoned() {
            return abandoned.count();
        }

        void stop() {
            pool.shutdownNow();
        }
    }
}
