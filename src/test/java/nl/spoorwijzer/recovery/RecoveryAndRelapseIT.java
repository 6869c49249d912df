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
import nl.spoorwijzer.demo.CasePlayer;
import nl.spoorwijzer.demo.SimulatedAnswers;
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

/**
 * Recovery and relapse over HTTP (BW 7:629 lid 10): a relapse within 28 days continues the case and moves every
 * pending timer and due date by exactly the healthy days; 28 days without one close it as hersteld.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecoveryAndRelapseIT {

    /** Monday 5 January 2026; day 42 = Sunday 15 February 2026, day 728 = Sunday 2 January 2028. */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

    @LocalServerPort int port;
    @Autowired ObjectMapper objectMapper;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
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
        int gap = relapseDay - recoveryDay;
        Map<String, Date> tasksAfter = taskDueDates(caseId);
        assertThat(tasksAfter.keySet()).isEqualTo(tasksBefore.keySet());
        tasksBefore.forEach((task, due) ->
                assertThat(tasksAfter.get(task)).as("due date of " + task).isEqualTo(plusDays(due, gap)));
        Map<String, Date> timersAfter = timerDueDates(caseId);
        assertThat(timersAfter.keySet()).isEqualTo(timersBefore.keySet());
        timersBefore.forEach((timer, due) ->
                assertThat(timersAfter.get(timer)).as("timer " + timer).isEqualTo(plusDays(due, gap)));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).suspended().count())
                .as("the work resumed").isZero();
        return continued;
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
        assertThat(player.isEnded()).isTrue();
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.CASE_CLOSED)
                .singleElement().satisfies(entry ->
                        assertThat(entry.content()).containsEntry("herstelDatum", day(12).toString()));

        // Sick again later: a new case with a fresh timeline.
        onDay(day(45));
        JsonNode fresh = report(day(45), 201);
        assertThat(fresh.path("caseId").asText()).isNotEqualTo(caseId);
        assertThat(fresh.path("timeline").path("probleemanalyse").asText()).isEqualTo(day(45).plusDays(41).toString());
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

    private void assertRefused(HttpResponse<String> response, int status, String field, String rule)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).contains(rule);
    }
}
