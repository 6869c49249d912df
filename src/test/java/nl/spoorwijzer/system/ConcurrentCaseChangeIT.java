package nl.spoorwijzer.system;

import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.EmbeddedPostgresEnvironment;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A UWV decision that meets a concurrent change of the same case (here: another transaction that changes the end of
 * the waiting period while the decision waits for its row, as the job executor does when it catches up a backdated
 * case's overdue timers) is rolled back and retried: the caller gets 200, and the decision is applied exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentCaseChangeIT {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;
    @Autowired DossierRepository dossier;

    @AfterEach
    void cleanUp() {
        new ApiCases(new HttpTestClient(port), json, engine).deleteAll("spoor-2-traject", "poortwachter");
    }

    @Test
    void aDecisionThatMeetsAConcurrentChangeIsRetriedAndAppliedOnce() throws Exception {
        HttpTestClient http = new HttpTestClient(port);
        onDay(TODAY);
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(TODAY.minusDays(399)),
                "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).path("caseId").asText();
        new CasePlayer(engine, caseId).fireDueTimers();
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();

        HttpResponse<String> response;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            String variableId = lockVariable(other, instance, "eindeWachttijd");
            CompletableFuture<HttpResponse<String>> decision = CompletableFuture.supplyAsync(() -> http.post(
                    "/api/cases/" + caseId + "/uwv-decisions", """
                            {"type": "LOONSANCTIE", "decisionDate": "%s", "weeks": 12, "shortcomings": ["Geen spoor 2"]}"""
                            .formatted(TODAY), "anna", "anna"));
            awaitBlockedTransaction(other);
            try (PreparedStatement bump = other.prepareStatement(
                    "UPDATE ACT_RU_VARIABLE SET REV_ = REV_ + 1 WHERE ID_ = ?")) {
                bump.setString(1, variableId);
                assertThat(bump.executeUpdate()).isEqualTo(1);
            }
            other.commit();
            response = decision.get(60, TimeUnit.SECONDS);
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("timeline").path("einde-wachttijd").asText())
                .isEqualTo(TODAY.minusDays(399).plusDays(727).plusWeeks(12).toString());
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.UWV_DECISION)
                .hasSize(1);
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.TIMELINE_UPDATED)
                .hasSize(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("tekortkomingHerstellen").count()).isEqualTo(1);
    }

    private static String lockVariable(Connection connection, String instance, String name) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ? AND NAME_ = ? FOR UPDATE")) {
            lock.setString(1, instance);
            lock.setString(2, name);
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).as("variable " + name).isTrue();
                return row.getString(1);
            }
        }
    }

    /** Waits (at most 20 s) until another session waits for a lock this one holds. */
    private void awaitBlockedTransaction(Connection holder) throws Exception {
        String waiting = EmbeddedPostgresEnvironment.active()
                ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection observer = dataSource.getConnection();
             PreparedStatement query = observer.prepareStatement(waiting)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet count = query.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the decision never waited for the locked row");
    }
}
