package nl.spoorwijzer.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.EmbeddedPostgresEnvironment;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two requests at the same moment that would both pass a "one of each kind" or "not yet" check are stored once:
 * each change takes the case's row lock ({@link CaseFileRepository#lockForChange}) before it checks. The test holds
 * that row itself, lets both requests leave together (a barrier) and releases the row only when both wait for it —
 * the moment at which, without the lock, both would check an empty case. Then exactly one is stored and the other is
 * refused with 409 (or, for the vaststellingsovereenkomst, stored as the correction it then is). Without the lock the
 * engine's optimistic lock on the case's execution often catches the second request too, as a rolled-back and
 * retried conflict; the row lock makes the order explicit, costs no retry, and also guards checks whose writes meet
 * in no engine row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimultaneousChangesIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    /** Week 12: spoor 2 may start early. */
    static final LocalDate WEEK_12 = FIRST_SICK_DAY.plusDays(77);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;
    @Autowired DossierRepository dossier;
    HttpTestClient http;
    ApiCases cases;
    ExecutorService requests;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        requests = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void cleanUp() {
        requests.shutdownNow();
        cases.deleteAll("spoor-2-traject", "herstelperiode", "poortwachter");
    }

    @Test
    void twoWarningsAtTheSameMomentAreStoredOnce() throws Exception {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(29), SimulatedAnswers::onTime, 0);
        String warning = """
                {"kind": "WAARSCHUWING", "ground": "Niet verschenen op het gesprek met de bedrijfsarts",
                 "startDate": "%s"}""".formatted(FIRST_SICK_DAY.plusDays(29));

        List<HttpResponse<String>> answers = atTheSameMoment(caseId,
                "/api/cases/" + caseId + "/cooperation-measures", warning);

        assertThat(answers).extracting(HttpResponse::statusCode).as(answers.stream().map(HttpResponse::body).toList().toString())
                .containsExactlyInAnyOrder(201, 409);
        assertThat(dossier.findByCase(caseId))
                .filteredOn(entry -> entry.type() == DossierEntryType.COOPERATION_MEASURE_TAKEN).hasSize(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("maatregelHerbeoordelen").count()).as("one review task").isEqualTo(1);
    }

    @Test
    void twoEarlyStartsOfSpoor2AtTheSameMomentStartOneTrajectory() throws Exception {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, WEEK_12, SimulatedAnswers::onTime, 0);
        String early = """
                {"occasion": "VROEG", "situationalIncapacity": true, "concludedBy": "bedrijfsarts",
                 "reason": "Terugkeer naar de eigen werkgever belemmert het herstel; eigen werk komt niet terug.",
                 "executor": "bureau", "bureau": "bureau-werkfit"}""";

        List<HttpResponse<String>> answers = atTheSameMoment(caseId, "/api/cases/" + caseId + "/spoor2", early);

        assertThat(answers).extracting(HttpResponse::statusCode).as(answers.stream().map(HttpResponse::body).toList().toString())
                .containsExactlyInAnyOrder(201, 409);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("spoor-2-traject")
                .processInstanceBusinessKey(caseId).count()).isEqualTo(1);
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.DECISION)
                .filteredOn(entry -> entry.subject().startsWith("Spoor 2")).hasSize(1);
    }

    @Test
    void twoVaststellingsovereenkomstenAtTheSameMomentAreOneAgreementAndItsCorrection() throws Exception {
        LocalDate signed = FIRST_SICK_DAY.plusDays(29);
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, signed, SimulatedAnswers::onTime, 0);
        String agreement = """
                {"signedOn": "%s", "employmentEndDate": "%s", "explanation": "Beëindiging met wederzijds goedvinden"}"""
                .formatted(signed, signed.plusDays(10));

        List<HttpResponse<String>> answers = atTheSameMoment(caseId, "/api/cases/" + caseId + "/settlement", agreement);

        assertThat(answers).extracting(HttpResponse::statusCode).as(answers.stream().map(HttpResponse::body).toList()
                .toString()).containsExactly(200, 200);
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.SETTLEMENT_AGREEMENT)
                .extracting(entry -> entry.subject().substring(0, entry.subject().indexOf(':')))
                .as("the second sees the first").containsExactly("Vaststellingsovereenkomst gesloten",
                        "Vaststellingsovereenkomst gecorrigeerd");
    }

    /**
     * Sends the same request twice as the werkgever, both leaving at once, while this test holds the case's row;
     * releases it when both wait for it and answers both responses.
     */
    private List<HttpResponse<String>> atTheSameMoment(String caseId, String path, String body) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT case_id FROM case_file WHERE case_id = ? FOR UPDATE")) {
                lock.setString(1, caseId);
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).isTrue();
                }
            }
            List<CompletableFuture<HttpResponse<String>>> sent = List.of(send(together, path, body),
                    send(together, path, body));
            awaitWaiting(holder, 2);
            holder.commit();
            return List.of(sent.get(0).get(60, TimeUnit.SECONDS), sent.get(1).get(60, TimeUnit.SECONDS));
        }
    }

    private CompletableFuture<HttpResponse<String>> send(CyclicBarrier together, String path, String body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                together.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other request never left", e);
            }
            return http.post(path, body, "anna", "anna");
        }, requests);
    }

    /** Waits (at most 20 s) until the given number of other sessions wait for a lock the holder has. */
    private void awaitWaiting(Connection holder, int sessions) throws Exception {
        String waiting = EmbeddedPostgresEnvironment.active()
                ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection observer = dataSource.getConnection();
             PreparedStatement query = observer.prepareStatement(waiting)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet count = query.executeQuery()) {
                    count.next();
                    if (count.getInt(1) >= sessions) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("the two requests never both waited for the case's row: no lock before the check?");
    }
}
