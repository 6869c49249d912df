package nl.spoorwijzer.uwv;

import static nl.spoorwijzer.support.ApiCases.endOf;
import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The early IVA over HTTP (domain reference §3.5): a grant ends the re-integration at once and closes the case on
 * UWV's end of the shortened waiting period; a refusal is recorded and the case runs on; the employee applies once;
 * an application outside weeks 3-68 or a waiting period outside 13-78 weeks is refused naming field and rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EarlyIvaIT {

    /** Monday 5 January 2026. */
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
        cases.deleteAll("poortwachter");
    }

    static LocalDate day(int n) {
        return FIRST_SICK_DAY.plusDays(n - 1L);
    }

    private String caseRunningUntil(int lastDay) {
        return cases.reportAndPlay(FIRST_SICK_DAY, day(lastDay), SimulatedAnswers::onTime, 0);
    }

    private HttpResponse<String> decide(String caseId, String json) {
        return http.post("/api/cases/" + caseId + "/uwv-decisions", json, "anna", "anna");
    }

    private static String ivaDecision(int applicationDay, int decisionDay, boolean granted, Integer endDay) {
        return """
                {"type": "VERVROEGDE_IVA", "applicationDate": "%s", "decisionDate": "%s", "granted": %s%s}"""
                .formatted(day(applicationDay), day(decisionDay), granted,
                        endDay == null ? "" : ", \"waitingPeriodEnd\": \"" + day(endDay) + "\"");
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return objectMapper.readTree(response.body());
    }

    private void assertRefused(HttpResponse<String> response, int status, String field, String rule)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).contains(rule);
    }

    private long openTasks(String caseId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).count();
    }

    private DossierEntry entry(String caseId, DossierEntryType type) {
        return dossier.findByCase(caseId).stream().filter(entry -> entry.type() == type).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " in the dossier of " + caseId));
    }

    @Test
    void aGrantWhoseWaitingPeriodHasEndedClosesTheCaseAtOnceWithUwvsDate() throws Exception {
        String caseId = caseRunningUntil(200);
        assertThat(new CasePlayer(engine, caseId).isEnded()).as("running on day 200").isFalse();

        JsonNode closed = ok(decide(caseId, ivaDecision(100, 200, true, 180)));

        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closedReason").asText()).isEqualTo("vervroegdeIva");
        assertThat(closed.path("timeline").path("einde-wachttijd").asText()).isEqualTo(day(180).toString());
        assertThat(new CasePlayer(engine, caseId).isEnded()).isTrue();
        assertThat(openTasks(caseId)).as("re-integration obligations end for both parties").isZero();
        assertThat(entry(caseId, DossierEntryType.UWV_DECISION).content())
                .containsEntry("type", "VERVROEGDE_IVA").containsEntry("toegekend", true)
                .containsEntry("aanvraagdatum", day(100).toString())
                .containsEntry("eindeWachttijd", day(180).toString());
        assertThat(entry(caseId, DossierEntryType.CASE_CLOSED).content())
                .containsEntry("afsluitreden", "vervroegdeIva").containsEntry("eindeWachttijd", day(180).toString());
    }

    @Test
    void aGrantEndsTheWorkAtOnceAndClosesTheCaseAtTheEndOfUwvsDate() throws Exception {
        String caseId = caseRunningUntil(120);

        JsonNode granted = ok(decide(caseId, ivaDecision(100, 120, true, 200)));

        assertThat(granted.path("status").asText()).as("open until the shortened waiting period ends")
                .isEqualTo("OPEN");
        assertThat(openTasks(caseId)).isZero();
        assertThat(cases.timer(caseId, "wachttijdVerstreken")).as("the 104-week end no longer applies").isNull();
        assertThat(cases.timer(caseId, "verkorteWachttijdVerstreken")).isEqualTo(endOf(day(200)));
        assertRefused(decide(caseId, """
                {"type": "VVL", "decisionDate": "%s", "weeks": 13, "employerAgreed": true, "employeeAgreed": true}"""
                .formatted(day(120))), 409, "type", "early IVA");
        assertRefused(http.post("/api/cases/" + caseId + "/recovery", "{\"date\": \"" + day(120) + "\"}", "anna",
                "anna"), 409, "caseId", "early IVA");

        CasePlayer player = new CasePlayer(engine, caseId);
        onDay(day(200));
        player.fireDueTimers();
        assertThat(player.isEnded()).isFalse();
        onDay(day(201));
        player.fireDueTimers();
        assertThat(player.isEnded()).isTrue();
        JsonNode closed = objectMapper.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closedReason").asText()).isEqualTo("vervroegdeIva");
    }

    @Test
    void aRefusalIsRecordedTheCaseRunsOnAndASecondApplicationIsRefused() throws Exception {
        String caseId = caseRunningUntil(150);
        long before = openTasks(caseId);

        JsonNode refused = ok(decide(caseId, ivaDecision(60, 150, false, null)));

        assertThat(refused.path("status").asText()).isEqualTo("OPEN");
        assertThat(openTasks(caseId)).isEqualTo(before);
        assertThat(cases.timer(caseId, "wachttijdVerstreken")).isEqualTo(endOf(day(728)));
        assertThat(entry(caseId, DossierEntryType.UWV_DECISION).content())
                .containsEntry("type", "VERVROEGDE_IVA").containsEntry("toegekend", false);

        assertRefused(decide(caseId, ivaDecision(140, 150, true, 250)), 409, "type", "only once");
        assertThat(new CasePlayer(engine, caseId).isEnded()).isFalse();
    }

    @Test
    void anApplicationOrWaitingPeriodOutsideTheWindowsIsRefusedNamingFieldAndRule() throws Exception {
        String caseId = caseRunningUntil(120);

        assertRefused(decide(caseId, ivaDecision(10, 120, false, null)), 400, "applicationDate", "weeks 3 to 68");
        assertRefused(decide(caseId, ivaDecision(100, 120, true, 150)), 400, "waitingPeriodEnd",
                "at least 10 weeks after the application");
        assertRefused(decide(caseId, ivaDecision(100, 120, true, null)), 400, "waitingPeriodEnd", "required");
        assertRefused(decide(caseId, ivaDecision(100, 90, false, null)), 400, "decisionDate", "after it was made");
        assertRefused(decide(caseId, """
                {"type": "VERVROEGDE_IVA", "applicationDate": "%s", "decisionDate": "%s"}"""
                .formatted(day(100), day(120))), 400, "granted", "required");

        assertThat(dossier.findByCase(caseId)).noneMatch(entry -> entry.type() == DossierEntryType.UWV_DECISION);
        assertThat(ok(decide(caseId, ivaDecision(100, 120, false, null))).path("status").asText())
                .as("a refused attempt did not count").isEqualTo("OPEN");
    }
}
