package nl.spoorwijzer.risks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases at risk of a loonsanctie (issue 27): a known set of open cases, each with the dossier facts of exactly one
 * rule of {@code processes/loonsanctie-risico.dmn} (and one with none), judged by the nightly sweep; a changed table
 * deployed changes the outcome; a dossier entry re-judges its case at once; the werkgever sees his own employer's
 * cases with their reasons and management only the numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoonsanctieRisksIT {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired DossierRepository dossier;
    @Autowired LegalTime time;
    @Autowired NightlyRiskSweep sweep;
    @Autowired RiskEvaluation evaluation;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired PlatformTransactionManager transactions;
    HttpTestClient http;

    final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    /** Case id → the one risk code it must run (empty: none). */
    final Map<String, String> expected = new LinkedHashMap<>();
    final List<String> created = new ArrayList<>();
    String zorggroepCase;
    String quietCase;
    String noEvaluationCase;

    @BeforeAll
    void setUpCases() {
        http = new HttpTestClient(port);
        zorggroepCase = open("zorggroep-noord", "wettelijkeStapGemist", id ->
                entry(id, DossierEntryType.DEADLINE_MISSED, "planVanAanpakOpstellen", "werkgever", 3, false, Map.of()));
        open("acme-bouw", "rivOnderdeelOntbreekt", id -> entry(id, DossierEntryType.TIMELINE_COMPUTED, null, null, 50,
                null, Map.of(DossierEntry.TIMELINE, Map.of("probleemanalyse", today().minusDays(10).toString()))));
        open("acme-bouw", "spoor2NietGestart", id -> {
            entry(id, DossierEntryType.TASK_COMPLETED, "eerstejaarsevaluatieHouden", "werkgever", 50, true, Map.of());
            entry(id, DossierEntryType.TASK_COMPLETED, "voortgangEvalueren", "werkgever", 5, true, Map.of());
        });
        open("acme-bouw", "bureaurapportageTeLaat", id -> entry(id, DossierEntryType.TASK_COMPLETED,
                "voortgangsrapportageOpstellen", "re-integratiebureau", 5, false, Map.of()));
        noEvaluationCase = open("acme-bouw", "geenEvaluatie", id ->
                entry(id, DossierEntryType.TASK_COMPLETED, "planVanAanpakOpstellen", "werkgever", 50, true, Map.of()));
        open("acme-bouw", "adviesZonderActie", id -> entry(id, DossierEntryType.TASK_COMPLETED,
                "probleemanalyseOpstellen", "bedrijfsarts", 20, true, Map.of("terugkeerEigenWerkTwijfelachtig", false)));
        open("acme-bouw", "spoor1NietHerbeoordeeld", id -> entry(id, DossierEntryType.SPOOR1_CHANGE,
                "spoor1WijzigingMelden", "werkgever", 20, null, Map.of("soort", "BELASTBAARHEID")));
        open("acme-bouw", "geenArbeidsdeskundigOnderzoek", id -> {
            entry(id, DossierEntryType.TASK_COMPLETED, "probleemanalyseOpstellen", "bedrijfsarts", 70, true,
                    Map.of("terugkeerEigenWerkTwijfelachtig", true));
            entry(id, DossierEntryType.TASK_COMPLETED, "planVanAanpakOpstellen", "werkgever", 10, true, Map.of());
        });
        open("acme-bouw", "geenZoekprofiel", id -> entry(id, DossierEntryType.TASK_COMPLETED, "planSpoor2Opstellen",
                "re-integratiebureau", 5, true, Map.of()));
        open("acme-bouw", "geenSollicitaties", id -> {
            entry(id, DossierEntryType.TASK_COMPLETED, "zoekprofielOpstellen", "re-integratiebureau", 40, true,
                    Map.of());
            entry(id, DossierEntryType.TASK_COMPLETED, "planSpoor2Opstellen", "re-integratiebureau", 35, true,
                    Map.of());
        });
        quietCase = open("acme-bouw", "", id ->
                entry(id, DossierEntryType.TASK_COMPLETED, "planVanAanpakOpstellen", "werkgever", 10, true, Map.of()));
        assertThat(sweep.run()).as("the sweep judged the open cases").isGreaterThanOrEqualTo(expected.size());
    }

    @AfterAll
    void removeCases() {
        for (String id : created) {
            jdbc.update("DELETE FROM case_risk WHERE case_id = ?", id);
            jdbc.update("DELETE FROM dossier_entry WHERE case_id = ?", id);
            jdbc.update("DELETE FROM case_file WHERE case_id = ?", id);
        }
    }

    @Test
    void eachCaseRunsExactlyTheRiskOfItsFacts() {
        Map<String, Set<String>> found = storedCodes();
        expected.forEach((caseId, code) -> assertThat(found.getOrDefault(caseId, Set.of()))
                .as("risks of %s", caseId).isEqualTo(code.isEmpty() ? Set.of() : Set.of(code)));
    }

    @Test
    void aChangedTableDeployedChangesTheOutcome() throws IOException {
        String model = Files.readString(Path.of("processes/loonsanctie-risico.dmn"), StandardCharsets.UTF_8);
        String tuned = model.replace("dagenSindsEvaluatie &gt; maxDagenTussenEvaluaties",
                "dagenSindsEvaluatie &gt; 60").replace("camunda:versionTag=\"1.0.0\"", "camunda:versionTag=\"1.0.1\"");
        assertThat(tuned).isNotEqualTo(model);
        Deployment deployment = engine.getRepositoryService().createDeployment().name("tuned risk table")
                .addString("loonsanctie-risico.dmn", tuned).deploy();
        try {
            evaluation.evaluateCase(noEvaluationCase);
            assertThat(storedCodes().getOrDefault(noEvaluationCase, Set.of()))
                    .as("50 days without evaluation is no risk when the owner allows 60").isEmpty();
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
            evaluation.evaluateCase(noEvaluationCase);
        }
        assertThat(storedCodes().get(noEvaluationCase)).containsExactly("geenEvaluatie");
    }

    @Test
    void aDossierEntryJudgesItsCaseAgainAtOnce() {
        String caseId = open("acme-bouw", "", id -> { });
        assertThat(storedCodes().get(caseId)).isNull();
        entry(caseId, DossierEntryType.DEADLINE_MISSED, "probleemanalyseOpstellen", "bedrijfsarts", 1, false,
                Map.of());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(storedCodes().get(caseId)).containsExactly("wettelijkeStapGemist"));
        OffsetDateTime firstFound = jdbc.queryForObject("SELECT since FROM case_risk WHERE case_id = ?",
                java.sql.Date.class, caseId).toLocalDate().atStartOfDay(AMSTERDAM).toOffsetDateTime();
        assertThat(firstFound.toLocalDate()).isEqualTo(today());
        jdbc.update("UPDATE case_file SET status = 'CLOSED', open_case_key = NULL WHERE case_id = ?", caseId);
        evaluation.evaluateCase(caseId);
        assertThat(storedCodes().get(caseId)).as("a closed case runs no risk").isNull();
    }

    @Test
    void theStepReturnsWithoutWaitingForTheJudgement() throws Exception {
        String caseId = open("acme-bouw", "", id -> { });
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // Another transaction holds the case's row, as a long step of the case would: judging waits for it.
            Future<?> holder = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.queryForList("SELECT case_id FROM case_file WHERE case_id = ? FOR UPDATE", String.class, caseId);
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            Future<?> step = threads.submit(() -> entry(caseId, DossierEntryType.SPOOR1_CHANGE,
                    "spoor1WijzigingMelden", "werkgever", 20, null, Map.of("soort", "BELASTBAARHEID")));
            step.get(10, TimeUnit.SECONDS); // would wait for the row when the judgement ran in the step's thread
            assertThat(storedCodes().get(caseId)).as("not judged while the row is held").isNull();

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    assertThat(storedCodes().get(caseId)).containsExactly("spoor1NietHerbeoordeeld"));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void theWerkgeverSeesHisOwnCasesWithTheirReasons() throws IOException {
        JsonNode anna = body(http.get("/api/overview/risks", "anna", "anna"), 200);
        Map<String, JsonNode> shown = new LinkedHashMap<>();
        anna.forEach(row -> shown.put(row.path("caseId").asText(), row));
        expected.forEach((caseId, code) -> {
            if (caseId.equals(zorggroepCase) || code.isEmpty()) {
                assertThat(shown).as("anna does not see %s", caseId).doesNotContainKey(caseId);
            } else {
                JsonNode row = shown.get(caseId);
                assertThat(row).as("anna sees %s", caseId).isNotNull();
                assertThat(row.path("link").asText()).isEqualTo("/zaken/" + caseId);
                assertThat(row.path("risks").get(0).path("code").asText()).isEqualTo(code);
                assertThat(row.path("risks").get(0).path("reason").asText()).isNotBlank();
            }
        });
        assertThat(shown.get(noEvaluationCase).path("risks").get(0).path("reason").asText())
                .isEqualTo("De laatste evaluatie van het plan van aanpak is 50 dagen geleden");
        JsonNode daan = body(http.get("/api/overview/risks", "daan", "daan"), 200);
        assertThat(daan.toString()).contains(zorggroepCase).doesNotContain(noEvaluationCase);
        JsonNode filtered = body(http.get("/api/overview/risks?code=geenZoekprofiel", "anna", "anna"), 200);
        filtered.forEach(row -> assertThat(row.path("risks").get(0).path("code").asText())
                .isEqualTo("geenZoekprofiel"));
    }

    @Test
    void managementGetsNumbersOnly() {
        assertThat(http.get("/api/overview/risks", "ivo", "ivo").statusCode()).isEqualTo(403);
        HttpResponse<String> counts = http.get("/api/overview/risks/counts", "ivo", "ivo");
        JsonNode rows = body(counts, 200);
        Map<String, Long> perCode = new LinkedHashMap<>();
        // small counts (1 to 4) reach management suppressed (overview/SmallCounts): as null, marked "suppressed"
        rows.forEach(row -> perCode.put(row.path("code").asText(), row.path("suppressed").asBoolean()
                && row.path("cases").isNull() ? -1L : row.path("cases").asLong()));
        Map<String, Long> stored = new LinkedHashMap<>();
        jdbc.query("""
                SELECT r.code, COUNT(*) AS n FROM case_risk r JOIN case_file c ON c.case_id = r.case_id
                WHERE c.status = 'OPEN' AND r.employer_id IN ('acme-bouw', 'zorggroep-noord') GROUP BY r.code""",
                rs -> {
                    stored.put(rs.getString("code"), rs.getLong("n"));
                });
        stored.replaceAll((code, n) -> n > 0 && n < 5 ? -1L : n);
        assertThat(perCode).isEqualTo(stored);
        assertThat(perCode.keySet()).containsAll(new TreeSet<>(expected.values().stream()
                .filter(code -> !code.isEmpty()).toList()));
        for (String caseId : expected.keySet()) {
            assertThat(counts.body()).doesNotContain(caseId);
        }
        assertThat(counts.body()).doesNotContain("reason").doesNotContain("dagen");
    }

    @Test
    void partiesOfSingleCasesGetNeither() {
        for (String user : List.of("bram", "eva", "gert", "frank", "hanna")) {
            assertThat(http.get("/api/overview/risks", user, user).statusCode()).as(user).isEqualTo(403);
            assertThat(http.get("/api/overview/risks/counts", user, user).statusCode()).as(user).isEqualTo(403);
        }
    }

    // ---- the known cases ----

    private String open(String employer, String code, java.util.function.Consumer<String> facts) {
        String caseId = "ZV-RISK-" + run + "-" + (created.size() + 1);
        jdbc.update("""
                INSERT INTO case_file (case_id, process_instance_id, employer_id, employee_id, first_sick_day, status,
                    phase, open_case_key, opened_at)
                VALUES (?, ?, ?, ?, ?, 'OPEN', 'SPOOR_1', ?, ?)""", caseId, "pi-" + caseId, employer,
                "risk-" + caseId, today().minusDays(200), employer + "/" + caseId, OffsetDateTime.now());
        created.add(caseId);
        expected.put(caseId, code);
        facts.accept(caseId);
        return caseId;
    }

    @Test
    void evaluatingHoldsNoCaseRowAndTheNewerFactsOfAStepWin() throws Exception {
        String held = open("acme-bouw", "", id -> { });
        String stepped = open("acme-bouw", "", id -> { });
        expected.remove(held);
        expected.remove(stepped);
        Set<String> evaluated = ConcurrentHashMap.newKeySet();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            // 1. Another transaction holds one case's row: every case of the page is still evaluated.
            evaluation.beforeEachEvaluation(evaluated::add);
            Future<?> holder = threads.submit(() -> holdRow(held, locked, release));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Integer> sweepRun = threads.submit(evaluation::evaluateAllOpenCases);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                    assertThat(evaluated).containsAll(expected.keySet()).contains(held, stepped));
            assertThat(sweepRun).as("only the short write waits for the held row").isNotDone();
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(sweepRun.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(expected.size() + 2);

            // 2. While the sweep evaluates a case, a step on it takes its row and records a change at once; the
            //    re-judgement after the step (newer facts) wins over the sweep's judgement of the facts before it.
            CountDownLatch evaluating = new CountDownLatch(1);
            CountDownLatch goOn = new CountDownLatch(1);
            AtomicBoolean first = new AtomicBoolean(true);
            evaluation.beforeEachEvaluation(caseId -> {
                if (caseId.equals(stepped) && first.compareAndSet(true, false)) {
                    evaluating.countDown();
                    try {
                        goOn.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            Future<Integer> secondRun = threads.submit(evaluation::evaluateAllOpenCases);
            assertThat(evaluating.await(30, TimeUnit.SECONDS)).isTrue();
            threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.queryForList("SELECT case_id FROM case_file WHERE case_id = ? FOR UPDATE", String.class,
                        stepped);
                entry(stepped, DossierEntryType.SPOOR1_CHANGE, "spoor1WijzigingMelden", "werkgever", 20, null,
                        Map.of("soort", "BELASTBAARHEID"));
            })).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    assertThat(storedCodes().get(stepped)).containsExactly("spoor1NietHerbeoordeeld"));
            goOn.countDown();
            secondRun.get(30, TimeUnit.SECONDS);
            assertThat(storedCodes().get(stepped)).as("the sweep read the facts before the step: not written")
                    .containsExactly("spoor1NietHerbeoordeeld");
        } finally {
            evaluation.beforeEachEvaluation(null);
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aTableWithJuelIsRefusedAtDeployNamingTheElement() throws IOException {
        String juel = Files.readString(Path.of("processes/loonsanctie-risico.dmn"), StandardCharsets.UTF_8)
                .replaceFirst("expressionLanguage=\"feel\"", "expressionLanguage=\"juel\"");
        HttpResponse<String> refused = http.postMultipart("/engine-rest/deployment/create", List.of(
                HttpTestClient.Part.field("deployment-name", "risico juel"),
                new HttpTestClient.Part("loonsanctie-risico.dmn", "loonsanctie-risico.dmn",
                        "application/octet-stream", juel.getBytes(StandardCharsets.UTF_8))), "hanna", "hanna");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("gemisteStapExpressie", "loonsanctie-risico", "FEEL only");
    }

    @Test
    void aVersionRefusedAtLoadLeavesTheLastValidOneJudgingAndTheStatusNamesBoth() throws IOException {
        JsonNode before = body(http.get("/api/overview/risks/status", "ivo", "ivo"), 200);
        int valid = before.path("tableVersion").asInt();
        assertThat(before.path("refusedVersion").isNull()).isTrue();
        assertThat(before.path("judgedAt").isNull()).as("the sweep ran in setUp").isFalse();
        String model = Files.readString(Path.of("processes/loonsanctie-risico.dmn"), StandardCharsets.UTF_8)
                .replace("camunda:versionTag=\"1.0.0\"", "camunda:versionTag=\"1.0.9\"");
        Deployment deployment = engine.getRepositoryService().createDeployment().name("risk table before the rule")
                .addString("loonsanctie-risico.dmn", model).deploy();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try {
            // As a version deployed before the FEEL-only rule: its stored XML holds JUEL.
            jdbc.update("UPDATE ACT_GE_BYTEARRAY SET BYTES_ = ? WHERE DEPLOYMENT_ID_ = ?",
                    model.replaceFirst("expressionLanguage=\"feel\"", "expressionLanguage=\"juel\"")
                            .getBytes(StandardCharsets.UTF_8), deployment.getId());
            configuration.getDeploymentCache().discardDecisionDefinitionCache();

            assertThat(sweep.run()).as("the sweep goes on with the last valid version").isPositive();
            JsonNode status = body(http.get("/api/overview/risks/status", "anna", "anna"), 200);
            assertThat(status.path("tableVersion").asInt()).isEqualTo(valid);
            assertThat(status.path("refusedVersion").asInt()).isEqualTo(valid + 1);
            assertThat(storedCodes().get(noEvaluationCase)).containsExactly("geenEvaluatie");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
            configuration.getDeploymentCache().discardDecisionDefinitionCache();
        }
        assertThat(body(http.get("/api/overview/risks/status", "demo", "demo"), 200).path("refusedVersion").isNull())
                .isTrue();
        assertThat(http.get("/api/overview/risks/status", "eva", "eva").statusCode()).isEqualTo(403);
    }

    private void holdRow(String caseId, CountDownLatch locked, CountDownLatch release) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.queryForList("SELECT case_id FROM case_file WHERE case_id = ? FOR UPDATE", String.class, caseId);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void entry(String caseId, DossierEntryType type, String element, String role, int daysAgo, Boolean met,
                       Map<String, Object> content) {
        OffsetDateTime at = today().minusDays(daysAgo).atTime(LocalTime.of(10, 0)).atZone(AMSTERDAM)
                .toOffsetDateTime();
        dossier.append(new DossierEntry(null, caseId, "pi-" + caseId, null, type, "test", element, "test", role, at,
                null, met, content));
    }

    private LocalDate today() {
        return time.today();
    }

    private Map<String, Set<String>> storedCodes() {
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        jdbc.query("SELECT case_id, code FROM case_risk WHERE case_id LIKE ?", rs -> {
            codes.computeIfAbsent(rs.getString("case_id"), id -> new TreeSet<>()).add(rs.getString("code"));
        }, "ZV-RISK-" + run + "-%");
        return codes;
    }

    private JsonNode body(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
