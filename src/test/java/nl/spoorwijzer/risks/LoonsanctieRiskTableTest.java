package nl.spoorwijzer.risks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.spoorwijzer.risks.LoonsanctieRiskTable.BoundedEvaluations;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The risk table is deployed by process owners, so it is untrusted: only FEEL is evaluated, and no evaluation may hold
 * the nightly sweep longer than its time.
 */
class LoonsanctieRiskTableTest {

    private static final Path TABLE = Path.of("processes", "loonsanctie-risico.dmn");

    @Test
    void theShippedTableIsFeelOnly() throws IOException {
        assertThatCode(() -> LoonsanctieRiskTable.feelOnly(parse(Files.readString(TABLE)), 1))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"juel", "groovy", "javascript", "JUEL"})
    void aTableWithAnInputInAnotherLanguageIsRefused(String language) throws IOException {
        String changed = Files.readString(TABLE).replaceFirst("expressionLanguage=\"feel\"",
                "expressionLanguage=\"" + language + "\"");

        assertThatThrownBy(() -> LoonsanctieRiskTable.feelOnly(parse(changed), 7))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 7 is not used: only FEEL expressions are allowed")
                .hasMessageContaining("'" + language + "' in input 'Gemiste wettelijke stap'");
    }

    @Test
    void aTableWhoseDefaultLanguageIsNotFeelIsRefused() throws IOException {
        // A language on the definitions is inherited by every expression without one of its own.
        String changed = Files.readString(TABLE).replace("expressionLanguage=\"feel\"", "")
                .replaceFirst("exporter=\"Spoorwijzer\"", "expressionLanguage=\"juel\" exporter=\"Spoorwijzer\"");

        assertThatThrownBy(() -> LoonsanctieRiskTable.feelOnly(parse(changed), 2))
                .hasMessageContaining("'juel' in input");
    }

    @Test
    void aRuleEntryInAnotherLanguageIsRefused() throws IOException {
        String changed = Files.readString(TABLE).replaceFirst("<outputEntry id=\"([^\"]+)\">",
                "<outputEntry id=\"$1\" expressionLanguage=\"javascript\">");

        assertThatThrownBy(() -> LoonsanctieRiskTable.feelOnly(parse(changed), 3))
                .hasMessageContaining("'javascript' in rule ");
    }

    @Test
    void anEvaluationPastItsTimeFailsThatCaseAndTheNextGoesOn() throws Exception {
        BoundedEvaluations evaluations = new BoundedEvaluations(Duration.ofMillis(100));
        CountDownLatch runaway = new CountDownLatch(1);
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> evaluations.run(() -> {
                runaway.await(); // an expression that never ends by itself
                return "too late";
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("took longer than 100 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            assertThat(evaluations.run(() -> "next case")).isEqualTo("next case");
        } finally {
            runaway.countDown();
            evaluations.stop();
        }
    }

    @Test
    void whenEveryThreadIsHeldByARunawayEvaluationTheNextCaseFailsAtOnce() throws Exception {
        BoundedEvaluations evaluations = new BoundedEvaluations(Duration.ofSeconds(30));
        CountDownLatch runaway = new CountDownLatch(1);
        CountDownLatch allRunning = new CountDownLatch(BoundedEvaluations.MAX_THREADS);
        ExecutorService callers = Executors.newFixedThreadPool(BoundedEvaluations.MAX_THREADS);
        try {
            List<Future<?>> held = new ArrayList<>();
            for (int i = 0; i < BoundedEvaluations.MAX_THREADS; i++) {
                held.add(callers.submit(() -> evaluations.run(() -> {
                    allRunning.countDown();
                    runaway.await();
                    return null;
                })));
            }
            assertThat(allRunning.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> evaluations.run(() -> "queued"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still running past their time");
            runaway.countDown();
            for (Future<?> call : held) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            runaway.countDown();
            callers.shutdownNow();
            evaluations.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"feel", "FEEL", "Feel", "http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/"})
    void everyFeelNamespaceCamundaAcceptsPasses(String language) throws IOException {
        String changed = Files.readString(TABLE).replace("expressionLanguage=\"feel\"",
                "expressionLanguage=\"" + language + "\"");
        assertThat(changed).contains(language);

        assertThatCode(() -> LoonsanctieRiskTable.feelOnly(parse(changed), 4)).doesNotThrowAnyException();
    }

    @Test
    void anAbandonedEvaluationIsCountedAndReplacedSoThePoolNeverShrinks() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BoundedEvaluations evaluations = new BoundedEvaluations(Duration.ofMillis(50), meters);
        CountDownLatch runaway = new CountDownLatch(1);
        try {
            // more runaway evaluations than the pool has live slots: each is abandoned and its slot given back
            for (int i = 0; i < BoundedEvaluations.MAX_THREADS + 2; i++) {
                assertThatThrownBy(() -> evaluations.run(() -> {
                    ignoringInterrupts(runaway);
                    return null;
                })).hasMessageContaining("was abandoned");
            }
            assertThat(evaluations.run(() -> "next case")).as("a new thread takes the abandoned ones' place")
                    .isEqualTo("next case");
            assertThat(meters.get(BoundedEvaluations.ABANDONED).counter().count())
                    .isEqualTo(BoundedEvaluations.MAX_THREADS + 2);
            assertThat(meters.get(BoundedEvaluations.STUCK).gauge().value())
                    .isEqualTo(BoundedEvaluations.MAX_THREADS + 2);

            runaway.countDown();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(meters.get(BoundedEvaluations.STUCK).gauge().value()).isZero());
        } finally {
            runaway.countDown();
            evaluations.stop();
        }
    }

    @Test
    void pastTheMostStuckEvaluationsTheNextCaseFailsAtOnce() throws Exception {
        BoundedEvaluations evaluations = new BoundedEvaluations(Duration.ofMillis(20));
        CountDownLatch runaway = new CountDownLatch(1);
        try {
            for (int i = 0; i < BoundedEvaluations.MAX_STUCK; i++) {
                assertThatThrownBy(() -> evaluations.run(() -> {
                    ignoringInterrupts(runaway);
                    return null;
                })).hasMessageContaining("was abandoned");
            }
            assertThat(evaluations.stuck()).isEqualTo(BoundedEvaluations.MAX_STUCK);
            assertThatThrownBy(() -> evaluations.run(() -> "next"))
                    .hasMessageContaining(BoundedEvaluations.MAX_STUCK + " earlier ones are still running");

            runaway.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> evaluations.stuck() == 0);
            assertThat(evaluations.run(() -> "next")).isEqualTo("next");
        } finally {
            runaway.countDown();
            evaluations.stop();
        }
    }

    @Test
    void theParseCacheKeepsAtMostItsBoundAcrossTableVersions() {
        ParsedOnceFeelEngine feel = new ParsedOnceFeelEngine(10);
        org.camunda.bpm.engine.variable.context.VariableContext none =
                org.camunda.bpm.engine.variable.Variables.emptyVariableContext();
        for (int version = 0; version < 50; version++) {
            // each version of a table brings expressions of its own
            assertThat((Object) feel.evaluateSimpleExpression(version + " + 1", none)).isEqualTo((long) version + 1);
            assertThat(feel.evaluateSimpleUnaryTests("> " + version, "x",
                    org.camunda.bpm.engine.variable.Variables.createVariables().putValue("x", 100)
                            .asVariableContext())).isTrue();
        }
        assertThat(feel.cached()).isEqualTo(20);
        assertThat((Object) feel.evaluateSimpleExpression("49 + 1", none)).as("the newest still cached and right")
                .isEqualTo(50L);
    }

    /** A FEEL evaluation does not look at interrupts: nor does this one. */
    private static void ignoringInterrupts(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException ignored) {
                // runs on
            }
        }
    }

    private static DmnDecision parse(String xml) {
        return DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine()
                .parseDecision(LoonsanctieRiskTable.DECISION_KEY,
                        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
