package nl.spoorwijzer.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.spoorwijzer.casefile.CaseDeadlineBackfill;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The re-integratiebureau's reports in the deadline read model and the overview's figures (issue 27: "a bureau report
 * late"). One case of acme-bouw (tim) plays into spoor 2 with everyone on time except the bureau (WerkFit): its first
 * progress report is delivered days after its deadline, its second is not delivered at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BureauDeadlinesIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2032, 1, 5);
    static final String REPORT = ProcessKeys.Tasks.VOORTGANGSRAPPORTAGE_OPSTELLEN;

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseDeadlineBackfill backfill;
    HttpTestClient http;
    ApiCases cases;
    String caseId;
    LocalDate firstReportDue;
    List<LocalDate> toComeAfterTheLateReport;
    LocalDate lateReportDoneOn;
    List<LocalDate> plannedRightAfterTheLateReport;
    long reportTasksRightAfterTheLateReport;
    java.sql.Date nextDeadlineRightAfterTheLateReport;
    LocalDate today;

    @BeforeAll
    void playTheCase() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        cases.deleteAll(ProcessKeys.POORTWACHTER, ProcessKeys.SPOOR_2_TRAJECT);
        jdbc.update("DELETE FROM case_deadline");
        Function<String, Map<String, Object>> bureauSilent = task -> task.equals(REPORT) ? null
                : SimulatedAnswers.onTime(task);
        ApiCases.onDay(FIRST_SICK_DAY);
        caseId = cases.report("tim", FIRST_SICK_DAY);
        CasePlayer player = new CasePlayer(engine, caseId);
        LocalDate day = FIRST_SICK_DAY.plusDays(380);
        // into spoor 2, until the first progress report is past its deadline
        while (reportRows("GEMIST").isEmpty()) {
            day = day.plusDays(14);
            assertThat(day).as("a first progress report became due").isBefore(FIRST_SICK_DAY.plusDays(600));
            player.playUntil(ApiCases.startOf(day).toInstant(), bureauSilent, 0);
        }
        firstReportDue = reportRows("GEMIST").get(0);
        // the bureau delivers it days late; its next report appears (the lead days before its date) and is missed
        day = day.plusDays(1);
        player.playUntil(ApiCases.startOf(day).toInstant(), SimulatedAnswers::onTime, 0);
        lateReportDoneOn = jdbc.queryForObject("SELECT done_on FROM case_deadline WHERE case_id = ? AND milestone = ?"
                + " AND state = 'TE_LAAT'", LocalDate.class, caseId, "voortgangsrapportage-bureau");
        plannedRightAfterTheLateReport = reportRows("KOMEND");
        reportTasksRightAfterTheLateReport = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey(REPORT).count();
        nextDeadlineRightAfterTheLateReport = jdbc.queryForObject("SELECT next_deadline FROM case_file WHERE case_id = ?",
                java.sql.Date.class, caseId);
        toComeAfterTheLateReport = new ArrayList<>();
        while (reportRows("GEMIST").isEmpty()) {
            day = day.plusDays(7);
            assertThat(day).as("the next report became due").isBefore(firstReportDue.plusDays(120));
            player.playUntil(ApiCases.startOf(day).toInstant(), bureauSilent, 0);
            toComeAfterTheLateReport.addAll(reportRows("KOMEND"));
        }
        today = day;
        ApiCases.onDay(today);
    }

    @AfterAll
    void cleanUp() {
        cases.deleteAll(ProcessKeys.POORTWACHTER, ProcessKeys.SPOOR_2_TRAJECT);
    }

    private List<LocalDate> reportRows(String state) {
        return jdbc.queryForList("SELECT due_date FROM case_deadline WHERE case_id = ? AND milestone = ? AND state = ?"
                + " ORDER BY due_date", LocalDate.class, caseId, "voortgangsrapportage-bureau", state);
    }

    private JsonNode get(String path, String user) {
        HttpResponse<String> response = http.get(path, user, user);
        assertThat(response.statusCode()).as(path + " as " + user + ": " + response.body()).isEqualTo(200);
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theNextReportIsToComeAsSoonAsThePreviousOneIsDoneBeforeItsTaskExists() {
        assertThat(reportTasksRightAfterTheLateReport).as("the next report's task appears only the lead days before")
                .isZero();
        // planned one evaluation interval (42 days, Regeling procesgang art. 4 lid 2) after the late report was done
        LocalDate due = lateReportDoneOn.plusDays(42);
        assertThat(plannedRightAfterTheLateReport).containsExactly(due);
        assertThat(nextDeadlineRightAfterTheLateReport.toLocalDate()).as("the case's next deadline counts the"
                + " bureau's next report (or a step due before it)").isBeforeOrEqualTo(due);
    }

    @Test
    void theNextReportIsToComeAsSoonAsItsTaskIsThere() {
        assertThat(toComeAfterTheLateReport).as("the next report, due one interval after the late one, while its task"
                + " is open").isNotEmpty().allSatisfy(due -> assertThat(due).isAfter(firstReportDue.plusDays(30)));
    }

    @Test
    void eachReportIsARowOfTheBureauByItsDueDate() {
        List<String> rows = new ArrayList<>();
        jdbc.queryForList("""
                SELECT milestone, party, role, due_date, state, days_late FROM case_deadline
                WHERE case_id = ? AND party = 'bureau' ORDER BY due_date""", caseId).forEach(row -> rows.add(
                row.get("MILESTONE") + " " + row.get("PARTY") + "/" + row.get("ROLE") + " " + row.get("STATE")));

        assertThat(rows).containsExactly(
                "voortgangsrapportage-bureau bureau/re-integratiebureau TE_LAAT",
                "voortgangsrapportage-bureau bureau/re-integratiebureau GEMIST");
        assertThat(jdbc.queryForObject("SELECT days_late FROM case_deadline WHERE case_id = ? AND due_date = ?"
                + " AND milestone = 'voortgangsrapportage-bureau'", Integer.class, caseId,
                java.sql.Date.valueOf(firstReportDue))).isPositive();
    }

    @Test
    void theBureausMissedReportIsOverdueInTheSummaryAndTheWerkgeversList() {
        List<String> counts = new ArrayList<>();
        get("/api/deadlines/summary?employer=acme-bouw", "anna").forEach(row -> counts.add(
                row.path("party").asText() + "/" + row.path("role").asText() + " " + row.path("overdue").asLong()));
        assertThat(counts).contains("BUREAU/re-integratiebureau 1");

        JsonNode list = get("/api/deadlines?employer=acme-bouw&party=bureau", "anna");
        assertThat(list).hasSize(1);
        JsonNode row = list.get(0);
        assertThat(row.path("caseId").asText()).isEqualTo(caseId);
        assertThat(row.path("milestone").asText()).isEqualTo("VOORTGANGSRAPPORTAGE_BUREAU");
        assertThat(row.path("name").asText()).isEqualTo("Voortgangsrapportage re-integratiebureau");
        assertThat(row.path("party").asText()).isEqualTo("BUREAU");
        assertThat(row.path("role").asText()).isEqualTo("re-integratiebureau");
        assertThat(row.path("overdue").asBoolean()).isTrue();
        assertThat(row.path("employeeName").asText()).isEqualTo("Tim Vermeulen");
        assertThat(row.has("employeeId")).as("the name only, not the user id").isFalse();

        String csv = http.get("/api/deadlines?employer=acme-bouw&party=bureau&format=csv", "anna", "anna").body();
        assertThat(csv).contains("Werknemer").contains("Tim Vermeulen;Voortgangsrapportage re-integratiebureau");
    }

    @Test
    void theBureausTimelinessCountsItsLateAndMissedReports() {
        JsonNode timeliness = get("/api/deadlines/timeliness?employer=acme-bouw&party=bureau", "anna");
        assertThat(timeliness).hasSize(1);
        JsonNode row = timeliness.get(0);
        assertThat(row.path("milestone").asText()).isEqualTo("VOORTGANGSRAPPORTAGE_BUREAU");
        assertThat(row.path("party").asText()).isEqualTo("BUREAU");
        assertThat(row.path("total").asLong()).isEqualTo(2);
        assertThat(row.path("onTime").asLong()).isZero();
        assertThat(row.path("late").asLong()).isEqualTo(1);
        assertThat(row.path("missed").asLong()).isEqualTo(1);
        assertThat(row.path("medianDaysLate").asDouble()).isPositive();
    }

    @Test
    void theBackfillGivesACaseFromBeforeTheBureausRowsItsReports() {
        jdbc.update("DELETE FROM case_deadline WHERE case_id = ? AND party = 'bureau'", caseId);

        assertThat(backfill.fillBureauReports()).isPositive();

        assertThat(jdbc.queryForList("SELECT state FROM case_deadline WHERE case_id = ? AND party = 'bureau'"
                + " ORDER BY due_date", String.class, caseId)).containsExactly("TE_LAAT", "GEMIST");
        assertThat(backfill.fillBureauReports()).as("a case with its reports is not read again").isZero();
    }
}
