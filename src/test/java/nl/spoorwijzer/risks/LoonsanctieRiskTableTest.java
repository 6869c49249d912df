package nl.spoorwijzer.risks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static DmnDecision parse(String xml) {
        return DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine()
                .parseDecision(LoonsanctieRiskTable.DECISION_KEY,
                        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
