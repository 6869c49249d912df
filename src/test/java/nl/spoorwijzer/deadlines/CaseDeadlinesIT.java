package nl.spoorwijzer.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.spoorwijzer.casefile.CaseDeadlineBackfill;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.casefile.DeadlineParty;
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
 * The deadline read model and its figures (issue 27) on four played cases of acme-bouw, all sick since 7 January
 * 2030 and looked at on day 150 (a year no other test plays in):
 * <ul>
 *   <li>spoor 1 (tim): every step on time, nothing due: its next deadline is the 42e-weeksmelding;</li>
 *   <li>late (piet): every step 3 days late;</li>
 *   <li>missed (kees): the probleemanalyse left open, so it and the plan van aanpak are missed;</li>
 *   <li>closed (bram): every step at once (the plan van aanpak before day 30), recovered on day 30 and closed
 *       after the herstelperiode: the 42e-weeksmelding was not needed.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseDeadlinesIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2030, 1, 7);
    static final LocalDate TODAY = FIRST_SICK_DAY.plusDays(149);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseDeadlineBackfill backfill;
    @Autowired DeadlineFigures figures;
    @Autowired TimelinessSnapshot snapshot;
    HttpTestClient http;
    ApiCases cases;
    String spoor1;
    String late;
    String missed;
    String closed;

    @BeforeAll
    void playTheCases() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        cases.deleteAll(ProcessKeys.POORTWACHTER, ProcessKeys.SPOOR_2_TRAJECT); // only these cases are open
        // Rows other tests left behind: some remove their cases' read-model rows directly, not through the case.
        jdbc.update("DELETE FROM case_deadline");
        spoor1 = play("tim", TODAY, SimulatedAnswers::onTime, 0);
        late = play("piet", FIRST_SICK_DAY.plusDays(99), SimulatedAnswers::onTime, 3);
        missed = play("kees", FIRST_SICK_DAY.plusDays(59), task ->
                task.equals(ProcessKeys.Tasks.PROBLEEMANALYSE_OPSTELLEN) ? null : SimulatedAnswers.onTime(task), 0);
        closed = play("bram", FIRST_SICK_DAY.plusDays(29), SimulatedAnswers::onTime, 0);
        HttpResponse<String> recovered = http.post("/api/cases/" + closed + "/recovery",
                "{\"date\": \"" + FIRST_SICK_DAY.plusDays(29) + "\"}", "anna", "anna");
        assertThat(recovered.statusCode()).as(recovered.body()).isLessThan(300);
        new CasePlayer(engine, closed).playUntil(ApiCases.startOf(FIRST_SICK_DAY.plusDays(70)).toInstant(),
                SimulatedAnswers::onTime, 0);
        ApiCases.onDay(TODAY);
    }

    @AfterAll
    void cleanUp() {
        cases.deleteAll(ProcessKeys.POORTWACHTER, ProcessKeys.SPOOR_2_TRAJECT);
    }

    private String play(String employee, LocalDate until, Function<String, Map<String, Object>> answers, int late) {
        ApiCases.onDay(FIRST_SICK_DAY);
        String caseId = cases.report(employee, FIRST_SICK_DAY);
        new CasePlayer(engine, caseId).playUntil(until.atTime(9, 0).atZone(ApiCases.AMSTERDAM).toInstant(), answers,
                late);
        return caseId;
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

    private String timelineDate(String caseId, String milestone) {
        return get("/api/cases/" + caseId + "/timeline", "anna").path(milestone).asText();
    }

    @Test
    void aCaseInSpoor1ShowsTheFortySecondWeekReportAsItsNextDeadline() {
        JsonNode view = get("/api/cases/" + spoor1, "anna");

        assertThat(view.path("nextDeadline").asText()).isEqualTo(timelineDate(spoor1, "ziekmelding-uwv"));
        assertThat(view.path("nextDeadlineTask").asText()).isEqualTo("Ziekmelding bij UWV (42e week)");
        assertThat(view.path("overdue").asBoolean()).isFalse();
        assertThat(jdbc.queryForList("SELECT next_deadline_task FROM case_file WHERE case_id = ?", String.class,
                spoor1)).containsExactly("Ziekmelding bij UWV (42e week)");
    }

    @Test
    void anOverdueOpenTaskStaysTheNextDeadlineAndAClosedCaseHasNone() {
        JsonNode missedView = get("/api/cases/" + missed, "anna");
        assertThat(missedView.path("nextDeadline").asText()).isEqualTo(timelineDate(missed, "probleemanalyse"));
        assertThat(missedView.path("overdue").asBoolean()).isTrue();

        JsonNode closedView = get("/api/cases/" + closed, "anna");
        assertThat(closedView.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closedView.path("nextDeadline").asText(null)).isNull();
    }

    @Test
    void theReadModelHoldsEveryLegalStepWithItsPartyAndState() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT case_id, milestone, party, role, state, days_late, case_open FROM case_deadline
                WHERE case_id IN (?, ?, ?, ?) AND milestone IN ('ziekmelding-bedrijfsarts', 'probleemanalyse',
                    'plan-van-aanpak', 'ziekmelding-uwv') ORDER BY case_id, milestone""",
                spoor1, late, missed, closed);
        List<String> described = new ArrayList<>();
        rows.forEach(row -> described.add(name(row.get("CASE_ID")) + " " + row.get("MILESTONE") + " "
                + row.get("PARTY") + "/" + row.get("ROLE") + " " + row.get("STATE")
                + (row.get("DAYS_LATE") == null ? "" : " +" + row.get("DAYS_LATE"))
                + (Boolean.TRUE.equals(row.get("CASE_OPEN")) ? "" : " (gesloten)")));

        assertThat(described).containsExactlyInAnyOrder(
                "spoor1 ziekmelding-bedrijfsarts werkgever/werkgever OP_TIJD",
                "spoor1 probleemanalyse arbodienst/bedrijfsarts OP_TIJD",
                "spoor1 plan-van-aanpak werkgever/werkgever OP_TIJD",
                "spoor1 ziekmelding-uwv werkgever/werkgever KOMEND",
                "late ziekmelding-bedrijfsarts werkgever/werkgever TE_LAAT +3",
                "late probleemanalyse arbodienst/bedrijfsarts TE_LAAT +3",
                "late plan-van-aanpak werkgever/werkgever TE_LAAT +3",
                "late ziekmelding-uwv werkgever/werkgever KOMEND",
                "missed ziekmelding-bedrijfsarts werkgever/werkgever OP_TIJD",
                "missed probleemanalyse arbodienst/bedrijfsarts GEMIST",
                "missed plan-van-aanpak werkgever/werkgever KOMEND",
                "missed ziekmelding-uwv werkgever/werkgever KOMEND",
                "closed ziekmelding-bedrijfsarts werkgever/werkgever OP_TIJD (gesloten)",
                "closed probleemanalyse arbodienst/bedrijfsarts OP_TIJD (gesloten)",
                "closed plan-van-aanpak werkgever/werkgever OP_TIJD (gesloten)",
                "closed ziekmelding-uwv werkgever/werkgever NIET_NODIG (gesloten)");
    }

    @Test
    void theBackfillFillsACaseWithoutRowsAndItsNextDeadlineOnlyOnce() {
        jdbc.update("DELETE FROM case_deadline WHERE case_id = ?", spoor1);
        jdbc.update("UPDATE case_file SET next_deadline = NULL, next_deadline_task = NULL WHERE case_id = ?", spoor1);

        int filled = backfill.fillMissing();

        assertThat(filled).isPositive();
        assertThat(jdbc.queryForList("SELECT state FROM case_deadline WHERE case_id = ? ORDER BY due_date",
                String.class, spoor1)).startsWith("OP_TIJD", "OP_TIJD", "OP_TIJD", "KOMEND");
        assertThat(get("/api/cases/" + spoor1, "anna").path("nextDeadline").asText())
                .isEqualTo(timelineDate(spoor1, "ziekmelding-uwv"));
        // Cases that have no legal deadlines at all (no timeline yet) are tried again; the filled one is not.
        assertThat(backfill.fillMissing()).as("the case it filled is not filled again").isLessThan(filled);
    }

    private String name(Object caseId) {
        return caseId.equals(spoor1) ? "spoor1" : caseId.equals(late) ? "late" : caseId.equals(missed) ? "missed"
                : "closed";
    }

    @Test
    void overdueDeadlinesPerRoleAndPartyAndTheWerkgeversList() {
        JsonNode summary = get("/api/deadlines/summary?employer=acme-bouw", "anna");
        List<String> counts = new ArrayList<>();
        summary.forEach(row -> counts.add(row.path("party").asText() + "/" + row.path("role").asText() + " "
                + row.path("dueThisWeek").asLong() + " " + row.path("overdue").asLong()));
        // kees's probleemanalyse (missed) and plan van aanpak (its date passed, not done); the closed case not.
        assertThat(counts).containsExactlyInAnyOrder("WERKGEVER/werkgever 0 1", "ARBODIENST/bedrijfsarts 0 1");

        JsonNode list = get("/api/deadlines?employer=acme-bouw", "anna");
        List<String> rows = new ArrayList<>();
        list.forEach(row -> rows.add(row.path("caseId").asText() + " " + row.path("milestone").asText() + " "
                + row.path("dueDate").asText() + " " + row.path("overdue").asBoolean()));
        assertThat(rows).containsExactly(
                missed + " PROBLEEMANALYSE " + timelineDate(missed, "probleemanalyse") + " true",
                missed + " PLAN_VAN_AANPAK " + timelineDate(missed, "plan-van-aanpak") + " true");

        assertThat(get("/api/deadlines/summary?employer=acme-bouw&party=arbodienst", "anna").size()).isEqualTo(1);
    }

    @Test
    void dueThisWeekCountsTheStepsFromTodayToSunday() {
        LocalDate uwv = LocalDate.parse(timelineDate(spoor1, "ziekmelding-uwv"));
        try {
            ApiCases.onDay(uwv.with(DayOfWeek.MONDAY));
            JsonNode summary = get("/api/deadlines/summary?employer=acme-bouw&role=werkgever", "anna");
            assertThat(summary).hasSize(1);
            // The 42e-weeksmelding of the three open cases; kees's plan van aanpak still overdue.
            assertThat(summary.get(0).path("dueThisWeek").asLong()).isEqualTo(3);
            assertThat(summary.get(0).path("overdue").asLong()).isEqualTo(1);
        } finally {
            ApiCases.onDay(TODAY);
        }
    }

    @Test
    void perLegalStepTheShareOnTimeAndTheMedianDaysLate() {
        JsonNode timeliness = get("/api/deadlines/timeliness?employer=acme-bouw", "anna");
        List<Object[]> rows = new ArrayList<>();
        timeliness.forEach(row -> rows.add(new Object[] {row.path("milestone").asText(), row.path("employerId").asText(),
                row.path("party").asText(), row.path("total").asLong(), row.path("onTime").asLong(),
                row.path("late").asLong(), row.path("missed").asLong(), row.path("shareOnTime").asDouble(),
                row.path("medianDaysLate").isNull() ? null : row.path("medianDaysLate").asDouble()}));

        assertThat(rows).extracting(row -> tuple(row)).containsExactly(
                tuple("ZIEKMELDING_BEDRIJFSARTS", "acme-bouw", "WERKGEVER", 4L, 3L, 1L, 0L, 0.75, 3.0),
                tuple("PROBLEEMANALYSE", "acme-bouw", "ARBODIENST", 4L, 2L, 1L, 1L, 0.5, 3.0),
                tuple("PLAN_VAN_AANPAK", "acme-bouw", "WERKGEVER", 4L, 2L, 1L, 1L, 0.5, 3.0));
    }

    @Test
    void theSnapshotGivesTheLiveFiguresUnderEveryFilter() {
        OffsetDateTime computedAt = OffsetDateTime.of(2030, 6, 5, 8, 45, 0, 0, ZoneOffset.UTC);
        List<DeadlineFilter> filters = new ArrayList<>(List.of(new DeadlineFilter(null, null, null),
                new DeadlineFilter(List.of("acme-bouw"), null, null), new DeadlineFilter(List.of("elders-bv"), null, null),
                new DeadlineFilter(null, DeadlineParty.ARBODIENST, null), new DeadlineFilter(null, null, "werkgever"),
                new DeadlineFilter(List.of("acme-bouw"), DeadlineParty.WERKGEVER, "werkgever")));
        for (CasePhase phase : CasePhase.values()) {
            filters.add(new DeadlineFilter(null, null, null, phase));
        }
        try {
            assertThat(snapshot.refresh(TODAY, computedAt)).isPositive();
            for (DeadlineFilter filter : filters) {
                List<DeadlineFigures.StepTimeliness> live = figures.liveTimeliness(filter, TODAY);
                List<DeadlineFigures.StepTimeliness> read = snapshot.timeliness(filter, TODAY).orElseThrow();
                assertThat(read).as(filter.toString()).allSatisfy(step ->
                        assertThat(step.computedAt()).isEqualTo(computedAt));
                assertThat(read.stream().map(step -> withComputedAt(step, null)).toList()).as(filter.toString())
                        .isEqualTo(live);
            }
            assertThat(figures.liveTimeliness(filters.get(0), TODAY)).as("the known cases are counted").hasSize(3);

            // Over every employer (the administrator without a filter) the figure comes from the snapshot.
            JsonNode werkgever = get("/api/deadlines/timeliness?employer=acme-bouw", "anna");
            JsonNode everyEmployer = get("/api/deadlines/timeliness", "demo");
            assertThat(werkgever).allSatisfy(row -> assertThat(row.path("computedAt").isNull()).isTrue());
            assertThat(everyEmployer).hasSize(werkgever.size()).allSatisfy(row ->
                    assertThat(OffsetDateTime.parse(row.path("computedAt").asText()).toInstant())
                            .isEqualTo(computedAt.toInstant()));
            for (int i = 0; i < werkgever.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) everyEmployer.get(i)).putNull("computedAt");
            }
            assertThat(everyEmployer).isEqualTo(werkgever);

            // A snapshot of another day (the window moved at midnight) is not read: counted live until the refresh.
            snapshot.refresh(TODAY.minusDays(1), computedAt.minusDays(1));
            assertThat(snapshot.timeliness(filters.get(0), TODAY)).isEmpty();
            assertThat(get("/api/deadlines/timeliness", "demo")).isEqualTo(werkgever);
        } finally {
            jdbc.update("DELETE FROM deadline_timeliness");
        }
    }

    private static DeadlineFigures.StepTimeliness withComputedAt(DeadlineFigures.StepTimeliness step,
                                                                 OffsetDateTime computedAt) {
        return new DeadlineFigures.StepTimeliness(step.milestone(), step.name(), step.employerId(), step.party(),
                step.total(), step.onTime(), step.late(), step.missed(), step.shareOnTime(), step.medianDaysLate(),
                computedAt);
    }

    @Test
    void managementGetsCountsOnlyAndOthersNothing() {
        HttpResponse<String> counts = http.get("/api/deadlines/summary", "ivo", "ivo");
        assertThat(counts.statusCode()).as(counts.body()).isEqualTo(200);
        HttpResponse<String> timeliness = http.get("/api/deadlines/timeliness", "ivo", "ivo");
        assertThat(timeliness.statusCode()).isEqualTo(200);
        for (String caseId : List.of(spoor1, late, missed, closed)) {
            assertThat(counts.body()).doesNotContain(caseId);
            assertThat(timeliness.body()).doesNotContain(caseId);
        }
        assertThat(counts.body() + timeliness.body()).doesNotContain("tim", "piet", "kees", "bram");
        assertThat(http.get("/api/deadlines", "ivo", "ivo").statusCode()).as("no list for management")
                .isEqualTo(403);
        assertThat(http.get("/api/deadlines/timeliness?employer=elders-bv", "ivo", "ivo").statusCode())
                .as("management counts only over the employers it belongs to").isEqualTo(403);
        jdbc.update("INSERT INTO case_deadline (case_id, milestone, employer_id, party, role, due_date, state,"
                + " case_open) VALUES ('ZV-ELDERS', 'PROBLEEMANALYSE', 'elders-bv', 'ARBODIENST', 'bedrijfsarts',"
                + " ?, 'GEMIST', TRUE)", java.sql.Date.valueOf(TODAY.minusDays(10)));
        try {
            assertThat(http.get("/api/deadlines/timeliness", "ivo", "ivo").body()).as("not even in the totals")
                    .doesNotContain("elders-bv");
            assertThat(http.get("/api/deadlines/summary", "ivo", "ivo").body()).isEqualTo(counts.body());
        } finally {
            jdbc.update("DELETE FROM case_deadline WHERE case_id = 'ZV-ELDERS'");
        }
        assertThat(http.get("/api/deadlines/summary?employer=acme-bouw", "daan", "daan").statusCode())
                .as("another employer's werkgever").isEqualTo(403);
        assertThat(http.get("/api/deadlines", "daan", "daan").body()).doesNotContain(missed);
        for (String user : List.of("eva", "frank", "bram", "hanna")) {
            assertThat(http.get("/api/deadlines/summary", user, user).statusCode()).as(user).isEqualTo(403);
            assertThat(http.get("/api/deadlines", user, user).statusCode()).as(user).isEqualTo(403);
        }
    }
}
