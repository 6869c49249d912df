package nl.spoorwijzer.recovery;

import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recovery and relapse over HTTP (BW 7:629 lid 10): a relapse whose first sick day is less than 28 days after the
 * recovery date continues the case and moves every pending timer and due date by exactly the healthy days — also when
 * it is reported after the herstelperiode closed the case; 28 days without one close it as hersteld. A structural
 * return to (adapted) own work starts the same herstelperiode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecoveryAndRelapseIT {

    /** Monday 5 January 2026; day 42 = Sunday 15 February 2026, day 728 = Sunday 2 January 2028. */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

    @LocalServerPort int port;
    @Autowired ObjectMapper objectMapper;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    @Autowired CaseFileRepository caseFiles;
    @Autowired JdbcTemplate jdbc;
    HttpTestClient http;
    ApiCases cases;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, objectMapper, engine);
    }

    @AfterEach
    void cleanUp() {
        cases.deleteAll("herstelperiode", "poortwachter");
        // A case that ended after a recovery claims a relapse of tim in the 28 days after it (BW 7:629 lid 10):
        // no later test should meet the ones these tests leave.
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
    }

    static LocalDate day(int n) {
        return FIRST_SICK_DAY.plusDays(n - 1L);
    }

    private JsonNode report(LocalDate firstSickDay, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(firstSickDay),
                "anna", "anna");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return objectMapper.readTree(response.body());
    }

    private HttpResponse<String> recover(String caseId, String body) {
        return http.post("/api/cases/" + caseId + "/recovery", body, "anna", "anna");
    }

    /** Opens a case on its first sick day and lets everyone do their tasks on time until the given day. */
    private String caseRunningUntil(int lastDay) throws Exception {
        return caseRunningUntil(lastDay, SimulatedAnswers::onTime);
    }

    private String caseRunningUntil(int lastDay, Function<String, Map<String, Object>> answers) {
        return cases.reportAndPlay(FIRST_SICK_DAY, day(lastDay), answers, 0);
    }

    /** Recovers on one day, relapses on another and checks that every pending date moved by exactly the gap. */
    private JsonNode recoverAndRelapse(String caseId, int recoveryDay, int relapseDay, Consumer<JsonNode> whilePaused)
            throws Exception {
        Map<String, Date> tasksBefore = taskDueDates(caseId);
        Map<String, Date> timersBefore = timerDueDates(caseId);
        onDay(day(recoveryDay));
        HttpResponse<String> recovered = recover(caseId, "{\"date\": \"" + day(recoveryDay) + "\"}");
        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
        whilePaused.accept(objectMapper.readTree(recovered.body()));
        onDay(day(relapseDay));
        JsonNode continued = report(day(relapseDay), 200);
        assertMovedBy(caseId, tasksBefore, timersBefore, relapseDay - recoveryDay);
        return continued;
    }

    /**
     * Every due date and timer of the case moved by exactly the gap — the 42e-weeksmelding and the timer two weeks
     * before it on to the next working day, as its own rule says (day 295 moved by the gap, on a weekend, moves on) —
     * and the work runs again.
     */
    private void assertMovedBy(String caseId, Map<String, Date> tasksBefore, Map<String, Date> timersBefore, int gap) {
        int uwvGap = gap + daysToWorkingDay(day(295).plusDays(gap));
        Map<String, Date> tasksAfter = taskDueDates(caseId);
        assertThat(tasksAfter.keySet()).isEqualTo(tasksBefore.keySet());
        tasksBefore.forEach((task, due) -> assertThat(tasksAfter.get(task)).as("due date of " + task)
                .isEqualTo(plusDays(due, task.equals("ziekmeldingUwvDoen") ? uwvGap : gap)));
        Map<String, Date> timersAfter = timerDueDates(caseId);
        assertThat(timersAfter.keySet()).isEqualTo(timersBefore.keySet());
        timersBefore.forEach((timer, due) -> assertThat(timersAfter.get(timer)).as("timer " + timer)
                .isEqualTo(plusDays(due, timer.equals("uwvMeldingVoorbereiden") ? uwvGap : gap)));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).suspended().count())
                .as("the work resumed").isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(caseInstance(caseId)).suspended()
                .count()).as("the timers run again").isZero();
    }

    private Map<String, Date> taskDueDates(String caseId) {
        Map<String, Date> due = new HashMap<>();
        for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).list()) {
            if (task.getDueDate() != null) {
                due.put(task.getTaskDefinitionKey(), task.getDueDate());
            }
        }
        return due;
    }

    private Map<String, Date> timerDueDates(String caseId) {
        Map<String, Date> due = new HashMap<>();
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").list().forEach(instance -> {
                    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                            .timers().list()) {
                        String activity = engine.getManagementService().createJobDefinitionQuery()
                                .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
                        due.put(activity, job.getDuedate());
                    }
                });
        return due;
    }

    private String caseInstance(String caseId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();
    }

    /** Days from {@code date} to the first day that is no Saturday or Sunday (no holidays fall in these tests). */
    private static int daysToWorkingDay(LocalDate date) {
        int days = 0;
        while (date.plusDays(days).getDayOfWeek().getValue() > 5) {
            days++;
        }
        return days;
    }

    private static Date plusDays(Date date, int days) {
        return Date.from(ZonedDateTime.ofInstant(date.toInstant(), ApiCases.AMSTERDAM).plusDays(days).toInstant());
    }

    private long entries(String caseId, DossierEntryType type) {
        return dossier.findByCase(caseId).stream().filter(entry -> entry.type() == type).count();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRelapseWithinFourWeeksContinuesTheCaseAndMovesEveryDateByTheHealthyDays() throws Exception {
        // The bedrijfsarts has not made the probleemanalyse yet (due day 42).
        String caseId = caseRunningUntil(20,
                task -> task.equals("probleemanalyseOpstellen") ? null : SimulatedAnswers.onTime(task));
        assertThat(taskDueDates(caseId)).containsKey("probleemanalyseOpstellen");
        assertThat(timerDueDates(caseId)).containsKeys("probleemanalyseOpstellenTermijnVerstreken",
                "wachttijdVerstreken");

        // Recovered on day 21, sick again on day 31: 10 healthy days.
        JsonNode continued = recoverAndRelapse(caseId, 21, 31, paused -> {
            assertThat(paused.path("status").asText()).isEqualTo("RECOVERED");
            assertThat(paused.path("recoveredOn").asText()).isEqualTo(day(21).toString());
            assertThat(paused.path("openTasks")).as("paused work is nobody's task").isEmpty();
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(caseInstance(caseId))
                    .active().count()).as("paused timers").isZero();
        });
        assertThat(continued.path("caseId").asText()).isEqualTo(caseId);
        assertThat(continued.path("status").asText()).isEqualTo("OPEN");
        JsonNode timeline = continued.path("timeline");
        assertThat(timeline.path("ziekmelding-bedrijfsarts").asText()).as("before the gap").isEqualTo("2026-01-11");
        assertThat(timeline.path("probleemanalyse").asText()).isEqualTo("2026-02-25");   // day 42 + 10
        assertThat(timeline.path("plan-van-aanpak").asText()).isEqualTo("2026-03-11");   // day 56 + 10
        assertThat(timeline.path("ziekmelding-uwv").asText()).isEqualTo("2026-11-05");   // day 295 + 10, a Thursday
        assertThat(timeline.path("eerstejaarsevaluatie").asText()).isEqualTo("2027-01-13"); // day 364 + 10
        assertThat(timeline.path("wia-aanvraag").asText()).isEqualTo("2027-10-27");      // day 651 + 10
        assertThat(timeline.path("einde-wachttijd").asText()).isEqualTo("2028-01-12");   // day 728 + 10
        assertThat(continued.path("nextDeadline").asText()).isEqualTo("2026-02-25");
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.RELAPSE)
                .singleElement().satisfies(entry -> {
                    assertThat(entry.recordedBy()).as("who reported the relapse").isEqualTo("anna");
                    assertThat(entry.content()).containsEntry("hersteldagen", 10);
                });
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.TIMELINE_UPDATED
                        && entry.subject().startsWith("Wettelijke termijnen verschoven"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.subject()).isEqualTo("Wettelijke termijnen verschoven: terugval na 10 hersteldagen");
                    assertThat(entry.recordedBy()).as("the platform moved the dates").isEqualTo("systeem");
                    assertThat(entry.content()).containsEntry("hersteldagen", 10).containsEntry("verschuivingDagen", 10)
                            .containsKeys("herstelDatum", "terugvalDatum");
                    assertThat((Map<String, Object>) entry.content().get("termijnen"))
                            .containsEntry("einde-wachttijd", "2028-01-12");
                });
        assertThat(entries(caseId, DossierEntryType.RECOVERY)).isEqualTo(1);

        // The probleemanalyse deadline is missed on its new date, not on the old one.
        CasePlayer player = new CasePlayer(engine, caseId);
        onDay(day(43));
        player.fireDueTimers();
        assertThat(entries(caseId, DossierEntryType.DEADLINE_MISSED)).isZero();
        onDay(LocalDate.parse("2026-02-26"));
        player.fireDueTimers();
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.DEADLINE_MISSED)
                .extracting(DossierEntry::dueDate).containsExactly(LocalDate.parse("2026-02-25"));
    }

    @Test
    void aRelapseDuringSpoor1MovesThePeriodicEvaluationsToo() throws Exception {
        String caseId = caseRunningUntil(120);
        assertThat(timerDueDates(caseId)).as("evaluation and UWV report timers are pending")
                .containsKeys("wachttijdVerstreken", "uwvMeldingVoorbereiden");

        // 17 healthy days; the 42e-weeksmelding moves from Monday 26 October to Thursday 12 November.
        JsonNode continued = recoverAndRelapse(caseId, 121, 138, paused -> { });

        assertThat(continued.path("timeline").path("einde-wachttijd").asText())
                .isEqualTo(day(728).plusDays(17).toString());
        assertThat(continued.path("timeline").path("ziekmelding-uwv").asText()).isEqualTo("2026-11-12");
    }

    @Test
    void fourWeeksWithoutRelapseCloseTheCaseAsHersteld() throws Exception {
        String caseId = caseRunningUntil(10);
        onDay(day(12));
        assertThat(recover(caseId, "{\"date\": \"" + day(12) + "\"}").statusCode()).isEqualTo(200);

        CasePlayer player = new CasePlayer(engine, caseId);
        onDay(day(39)); // day 12 + 27: still within the window
        player.fireDueTimers();
        assertThat(caseStatus(caseId)).isEqualTo("RECOVERED");
        onDay(day(40)); // day 12 + 28
        player.fireDueTimers();

        JsonNode closed = objectMapper.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closedReason").asText()).isEqualTo("hersteld");
        assertThat(player.isEnded()).as("the paused work is kept for a late relapse report").isFalse();
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.CASE_CLOSED)
                .singleElement().satisfies(entry -> assertThat(entry.content())
                        .containsEntry("herstelDatum", day(12).toString())
                        .containsEntry("lateTerugvalGemeldTot", day(67).toString()));

        // Sick again later, from the 34th day after the recovery: a new case with a fresh timeline.
        onDay(day(46));
        JsonNode fresh = report(day(46), 201);
        assertThat(fresh.path("caseId").asText()).isNotEqualTo(caseId);
        assertThat(fresh.path("timeline").path("probleemanalyse").asText()).isEqualTo(day(46).plusDays(41).toString());
        assertThat(player.isEnded()).as("the recovery is definitive").isTrue();
        assertThat(caseFiles.findOpen("acme-bouw", "tim")).get().extracting(CaseFile::caseId)
                .isEqualTo(fresh.path("caseId").asText());
    }

    @Test
    void aRelapseReportedAfterTheHerstelperiodeClosedStillContinuesTheSameCase() throws Exception {
        String caseId = caseRunningUntil(20,
                task -> task.equals("probleemanalyseOpstellen") ? null : SimulatedAnswers.onTime(task));
        Map<String, Date> tasksBefore = taskDueDates(caseId);
        Map<String, Date> timersBefore = timerDueDates(caseId);
        onDay(day(21));
        assertThat(recover(caseId, "{\"date\": \"" + day(21) + "\"}").statusCode()).isEqualTo(200);

        // Nobody reported anything for 28 days: on day 49 the herstelperiode closes the case as hersteld.
        onDay(day(52));
        new CasePlayer(engine, caseId).fireDueTimers();
        JsonNode closed = objectMapper.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closedReason").asText()).isEqualTo("hersteld");
        assertThat(closedOn(caseId)).as("closed when the herstelperiode ended, not the day its timer ran")
                .isEqualTo(day(49));
        long casesOfTim = casesOf("tim");

        // Reported on day 52, three days later: sick since day 48, 27 healthy days after the recovery date. The
        // relapse is judged on that date (BW 7:629 lid 10), so the same case continues, every date moved by 27 days.
        JsonNode continued = report(day(48), 200);
        assertThat(continued.path("caseId").asText()).isEqualTo(caseId);
        assertThat(continued.path("status").asText()).isEqualTo("OPEN");
        assertThat(continued.path("closedReason").isNull() || continued.path("closedReason").isMissingNode())
                .as("reopened: " + continued.path("closedReason")).isTrue();
        assertMovedBy(caseId, tasksBefore, timersBefore, 27);
        assertThat(continued.path("timeline").path("probleemanalyse").asText())
                .isEqualTo(day(42).plusDays(27).toString());
        assertThat(continued.path("timeline").path("einde-wachttijd").asText())
                .isEqualTo(day(728).plusDays(27).toString());
        assertThat(continued.path("timeline").path("ziekmelding-uwv").asText())
                .as("day 295 + 27 is Sunday 22 November: the next working day").isEqualTo("2026-11-23");

        // One case: the same row, open again; no second case for the same sickness period.
        assertThat(casesOf("tim")).isEqualTo(casesOfTim);
        assertThat(caseFiles.findOpen("acme-bouw", "tim")).get().satisfies(file -> {
            assertThat(file.caseId()).isEqualTo(caseId);
            assertThat(file.status()).isEqualTo("OPEN");
            assertThat(file.nextDeadline()).isEqualTo(day(42).plusDays(27));
        });
        assertThat(closedOn(caseId)).as("open again: no longer counted as closed").isNull();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("herstelperiode").count()).isZero();
        assertThat(entries(caseId, DossierEntryType.CASE_CLOSED)).isEqualTo(1);
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.RELAPSE)
                .singleElement().satisfies(entry -> {
                    assertThat(entry.subject()).startsWith("Terugval binnen 4 weken na herstel, later gemeld: de zaak"
                            + " is heropend");
                    assertThat(entry.recordedBy()).isEqualTo("anna");
                    assertThat(entry.content()).containsEntry("hersteldagen", 27)
                            .containsEntry("terugvalDatum", day(48).toString())
                            .containsEntry("gemeldOp", day(52).toString())
                            .containsEntry("heropendNaAfsluitreden", "hersteld");
                });
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.TIMELINE_UPDATED
                && entry.subject().equals("Wettelijke termijnen verschoven: terugval na 27 hersteldagen")).hasSize(1);
    }

    @Test
    void aSicknessFromTheTwentyEighthHealthyDayIsANewCaseAlsoWhenReportedLate() throws Exception {
        String caseId = caseRunningUntil(10);
        onDay(day(12));
        assertThat(recover(caseId, "{\"date\": \"" + day(12) + "\"}").statusCode()).isEqualTo(200);
        onDay(day(43));
        CasePlayer player = new CasePlayer(engine, caseId);
        player.fireDueTimers();
        assertThat(caseStatus(caseId)).isEqualTo("CLOSED");

        JsonNode fresh = report(day(40), 201); // 28 healthy days (12 to 39): a new sickness period
        assertThat(fresh.path("caseId").asText()).isNotEqualTo(caseId);
        assertThat(fresh.path("timeline").path("probleemanalyse").asText()).isEqualTo(day(40).plusDays(41).toString());
        assertThat(player.isEnded()).isTrue();
        assertThat(caseStatus(caseId)).isEqualTo("CLOSED");
        assertThat(entries(caseId, DossierEntryType.RELAPSE)).isZero();
    }

    @Test
    void aRelapseReportedAfterTheLateReportWindowIsRefusedNotOpenedAsASecondCase() throws Exception {
        String caseId = caseRunningUntil(10);
        onDay(day(12));
        assertThat(recover(caseId, "{\"date\": \"" + day(12) + "\"}").statusCode()).isEqualTo(200);
        CasePlayer player = new CasePlayer(engine, caseId);
        onDay(day(67)); // closed on day 40; late reports until day 67
        player.fireDueTimers();
        assertThat(player.isEnded()).isFalse();
        onDay(day(68));
        player.fireDueTimers();
        assertThat(player.isEnded()).isTrue();
        long casesOfTim = casesOf("tim");

        onDay(day(70));
        assertRefused(http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(day(39)),
                "anna", "anna"), 409, "firstSickDay", "ended for good");
        assertThat(casesOf("tim")).isEqualTo(casesOfTim);
        assertThat(caseFiles.findOpen("acme-bouw", "tim")).isEmpty();

        JsonNode fresh = report(day(40), 201); // 28 healthy days: a new sickness period is a new case
        assertThat(fresh.path("caseId").asText()).isNotEqualTo(caseId);
    }

    @Test
    void aStructuralReturnStartsTheSameHerstelperiodeAndARelapseWithinItContinuesTheCase() throws Exception {
        String caseId = caseRunningUntil(40,
                task -> task.equals("voortgangEvalueren") ? null : SimulatedAnswers.onTime(task));
        Task evaluation = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("voortgangEvalueren").singleResult();
        assertThat(evaluation).as("the first evaluation is open").isNotNull();

        // A return date before the current sickness period began is refused and the evaluation stays open.
        HttpResponse<String> refused = evaluate(evaluation.getId(), day(1));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("hervatOp");
        assertThat(caseStatus(caseId)).isEqualTo("OPEN");

        HttpResponse<String> returned = evaluate(evaluation.getId(), day(38));
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(204);

        // The same herstelperiode as a full recovery, from the return date: the work pauses, 28 days to day 66.
        JsonNode paused = objectMapper.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(paused.path("status").asText()).isEqualTo("RECOVERED");
        assertThat(paused.path("recoveredOn").asText()).isEqualTo(day(38).toString());
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).active().count())
                .as("paused work is nobody's task").isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(caseInstance(caseId)).active()
                .count()).as("paused timers").isZero();
        String herstelperiode = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).processDefinitionKey("herstelperiode").singleResult().getId();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(herstelperiode).timers()
                .singleResult().getDuedate()).isEqualTo(ApiCases.startOf(day(66)));
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.RECOVERY)
                .singleElement().satisfies(entry -> {
                    assertThat(entry.subject()).startsWith("Structureel hervat in eigen of aangepast werk op "
                            + day(38));
                    assertThat(entry.recordedBy()).isEqualTo("anna");
                    assertThat(entry.content()).containsEntry("herstelSoort", "structureelHervat")
                            .containsEntry("herstelDatum", day(38).toString())
                            .containsEntry("zaakGeslotenOp", day(66).toString());
                });
        Map<String, Date> tasksBefore = taskDueDates(caseId);
        Map<String, Date> timersBefore = timerDueDates(caseId);
        assertThat(timersBefore).as("the next evaluation is planned, paused").containsKey("evaluatiemomentBereikt");

        // Sick again from day 44: 6 healthy days, the same case continues with every date moved by them.
        onDay(day(45));
        JsonNode continued = report(day(44), 200);
        assertThat(continued.path("caseId").asText()).isEqualTo(caseId);
        assertThat(continued.path("status").asText()).isEqualTo("OPEN");
        assertMovedBy(caseId, tasksBefore, timersBefore, 6);
        assertThat(continued.path("timeline").path("einde-wachttijd").asText())
                .isEqualTo(day(728).plusDays(6).toString());
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.RELAPSE)
                .singleElement().satisfies(entry -> assertThat(entry.content()).containsEntry("hersteldagen", 6));
    }

    /** The werkgever submits the evaluation form over /engine-rest: the employee returned structurally. */
    private HttpResponse<String> evaluate(String taskId, LocalDate returnedOn) {
        return http.post("/engine-rest/task/" + taskId + "/submit-form", """
                {"variables": {
                  "watGingGoed": {"value": "Werkt weer volledig in de aangepaste functie."},
                  "watGingNietGoed": {"value": "Niets."},
                  "afsprakenVolgendePeriode": {"value": "Geen: structureel hervat."},
                  "arbeidsdeskundigOnderzoekNodig": {"value": false},
                  "evaluatieVervolg": {"value": "structureelHervat"},
                  "hervatOp": {"value": "%s"}}}""".formatted(returnedOn), "anna", "anna");
    }

    private long casesOf(String employee) {
        return jdbc.queryForObject("SELECT count(*) FROM case_file WHERE employee_id = ?", Long.class, employee);
    }

    @Test
    void aRelapseAfterFourWeeksNotYetProcessedClosesTheOldCaseAndOpensANewOne() throws Exception {
        String caseId = caseRunningUntil(10);
        onDay(day(12));
        assertThat(recover(caseId, "{\"date\": \"" + day(12) + "\"}").statusCode()).isEqualTo(200);

        onDay(day(41)); // the 28-day timer is due but has not run yet
        JsonNode fresh = report(day(40), 201); // 28 healthy days: a new sickness period
        assertThat(fresh.path("caseId").asText()).isNotEqualTo(caseId);
        assertThat(caseStatus(caseId)).isEqualTo("CLOSED");
    }

    @Test
    void partialRecoveryIsRecordedAndTheClockKeepsRunning() throws Exception {
        String caseId = caseRunningUntil(20);
        Map<String, Date> before = taskDueDates(caseId);
        onDay(day(22));
        HttpResponse<String> response = recover(caseId, "{\"date\": \"" + day(22) + "\", \"percentage\": 50}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = objectMapper.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("OPEN");
        assertThat(body.path("partialRecoveryPercentage").asInt()).isEqualTo(50);
        assertThat(body.path("timeline").path("einde-wachttijd").asText()).isEqualTo(day(728).toString());
        assertThat(taskDueDates(caseId)).isEqualTo(before);
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.RECOVERY)
                .singleElement().satisfies(entry ->
                        assertThat(entry.content()).containsEntry("deelherstelPercentage", 50));
    }

    @Test
    void badRecoveryReportsAreRefusedNamingFieldAndRule() throws Exception {
        String caseId = caseRunningUntil(20);
        onDay(day(21));
        assertRefused(recover(caseId, "{}"), 400, "date", "required");
        assertRefused(recover(caseId, "{\"date\": \"21-01-2026\"}"), 400, "date", "YYYY-MM-DD");
        assertRefused(recover(caseId, "{\"date\": \"" + day(22) + "\"}"), 400, "date", "future");
        assertRefused(recover(caseId, "{\"date\": \"" + day(1) + "\"}"), 400, "date", "BW 7:629 lid 10");
        assertRefused(recover(caseId, "{\"date\": \"" + day(21) + "\", \"percentage\": 0}"), 400, "percentage",
                "between 1 and 100");
        assertRefused(recover(caseId, "{\"date\": \"" + day(21) + "\", \"percentage\": 101}"), 400, "percentage",
                "between 1 and 100");
        assertRefused(http.post("/api/cases/" + caseId + "/recovery", "{\"date\": \"" + day(21) + "\"}", "daan",
                "daan"), 404, "caseId", "may see");
        assertThat(dossier.findByCase(caseId)).noneMatch(entry -> entry.type() == DossierEntryType.RECOVERY);

        assertThat(recover(caseId, "{\"date\": \"" + day(21) + "\"}").statusCode()).isEqualTo(200);
        assertRefused(recover(caseId, "{\"date\": \"" + day(21) + "\"}"), 409, "caseId", "already recovered");
        assertRefused(http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(day(20)),
                "anna", "anna"), 400, "firstSickDay", "recovery date");
    }

    private String caseStatus(String caseId) throws Exception {
        return objectMapper.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body()).path("status").asText();
    }

    private LocalDate closedOn(String caseId) {
        return jdbc.queryForObject("SELECT closed_on FROM case_file WHERE case_id = ?", LocalDate.class, caseId);
    }

    private void assertRefused(HttpResponse<String> response, int status, String field, String rule)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).contains(rule);
    }
}
