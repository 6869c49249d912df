package nl.spoorwijzer.agreements;

import static nl.spoorwijzer.support.ApiCases.endOf;
import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.demo.CasePlayer;
import nl.spoorwijzer.demo.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.report.ReintegrationReport.Part;
import nl.spoorwijzer.report.ReintegrationReport.Status;
import nl.spoorwijzer.report.ReintegrationReports;
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
 * Regeling procesgang art. 5 over HTTP: werkgever and werknemer agree, with a reason, on a later deadline for the
 * probleemanalyse or the plan van aanpak; the deadline, the task's due date and its miss watch move, the step done by
 * the agreed date is on time in the dossier and the re-integratieverslag; a deadline already passed stays missed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgreedDeviationsIT {

    /** Monday 5 January 2026; day 42 = Sunday 15 February 2026. */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    static final Function<String, Map<String, Object>> WITHOUT_PROBLEEMANALYSE = key ->
            key.equals("probleemanalyseOpstellen") ? null : SimulatedAnswers.onTime(key);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    @Autowired ReintegrationReports reports;
    @Autowired CaseFileRepository caseFiles;
    HttpTestClient http;
    ApiCases cases;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
    }

    @AfterEach
    void cleanUp() {
        cases.deleteAll("poortwachter");
    }

    static LocalDate day(int n) {
        return FIRST_SICK_DAY.plusDays(n - 1L);
    }

    private HttpResponse<String> agree(String caseId, String body, String user) {
        return http.post("/api/cases/" + caseId + "/agreed-deviations", body, user, user);
    }

    private static String agreement(String step, LocalDate newDeadline, LocalDate agreedOn, boolean employee) {
        return """
                {"step": "%s", "newDeadline": "%s", "agreedOn": "%s", "employerAgreed": true,
                 "employeeAgreed": %s,
                 "reason": "De werknemer start eerst met aangepast werk; daarna is duidelijk wat blijft."}"""
                .formatted(step, newDeadline, agreedOn, employee);
    }

    private Date timer(String caseId, String activityId) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance(caseId)).timers()
                .list()) {
            if (engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .singleResult().getActivityId().equals(activityId)) {
                return job.getDuedate();
            }
        }
        return null;
    }

    private String instance(String caseId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();
    }

    private long entries(String caseId, DossierEntryType type) {
        return dossier.findByCase(caseId).stream().filter(entry -> entry.type() == type).count();
    }

    @Test
    void anAgreedLaterDeadlineMovesTheTaskAndItsMissWatchAndTheStepDoneByThenIsOnTime() throws Exception {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, day(30), WITHOUT_PROBLEEMANALYSE, 0);
        assertThat(timer(caseId, "probleemanalyseOpstellenTermijnVerstreken")).isEqualTo(endOf(day(42)));

        HttpResponse<String> agreed = agree(caseId, agreement("probleemanalyse", day(60), day(29), true), "anna");

        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
        Task probleemanalyse = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("probleemanalyseOpstellen").singleResult();
        assertThat(probleemanalyse.getDueDate()).isEqualTo(endOf(day(60)));
        assertThat(timer(caseId, "probleemanalyseOpstellenTermijnVerstreken")).isEqualTo(endOf(day(60)));
        JsonNode timeline = json.readTree(http.get("/api/cases/" + caseId + "/timeline", "anna", "anna").body());
        assertThat(timeline.path("probleemanalyse").asText()).isEqualTo(day(60).toString());
        assertThat(timeline.path("plan-van-aanpak").asText()).as("two weeks after the agreed probleemanalyse")
                .isEqualTo(day(74).toString());
        DossierEntry decision = dossier.findByCase(caseId).stream()
                .filter(entry -> entry.type() == DossierEntryType.DECISION).findFirst().orElseThrow();
        assertThat(decision.subject()).isEqualTo("Afwijking van de termijn probleemanalyse afgesproken");
        assertThat(decision.content()).containsEntry("stap", "probleemanalyse")
                .containsEntry("nieuweTermijn", day(60).toString()).containsEntry("vorigeTermijn", day(42).toString())
                .containsEntry("afgesprokenOp", day(29).toString()).containsEntry("akkoordWerknemer", true)
                .containsEntry("grondslag", "Regeling procesgang eerste en tweede ziektejaar art. 5")
                .containsKey("reden");

        CasePlayer player = new CasePlayer(engine, caseId);
        onDay(day(50));
        player.fireDueTimers();
        assertThat(entries(caseId, DossierEntryType.DEADLINE_MISSED)).as("day 42 passed, but it was moved").isZero();
        engine.getTaskService().complete(probleemanalyse.getId(), SimulatedAnswers.onTime("probleemanalyseOpstellen"));

        DossierEntry done = dossier.findByCase(caseId).stream()
                .filter(entry -> entry.type() == DossierEntryType.TASK_COMPLETED
                        && "probleemanalyseOpstellen".equals(entry.elementId())).findFirst().orElseThrow();
        assertThat(done.dueDate()).isEqualTo(day(60));
        assertThat(done.deadlineMet()).isTrue();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("planVanAanpakOpstellen").singleResult().getDueDate())
                .as("two weeks after the probleemanalyse made on day 50").isEqualTo(endOf(day(64)));
        Part part = reports.compile(caseFiles.find(caseId).orElseThrow()).parts().stream()
                .filter(candidate -> candidate.key().equals("PROBLEEMANALYSE")).findFirst().orElseThrow();
        assertThat(part.status()).as("on time in the re-integratieverslag").isEqualTo(Status.AANWEZIG);
        assertThat(part.dueDate()).isEqualTo(day(60));
    }

    @Test
    void aDeadlineAlreadyPassedStaysMissedAndBadAgreementsAreRefusedNamingFieldAndRule() throws Exception {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, day(30), WITHOUT_PROBLEEMANALYSE, 0);

        assertRefused(agree(caseId, agreement("probleemanalyse", day(60), day(29), false), "anna"), 400,
                "employeeAgreed", "together");
        assertRefused(agree(caseId, agreement("eerstejaarsevaluatie", day(400), day(29), true), "anna"), 400,
                "step", "art. 5");
        assertRefused(agree(caseId, agreement("probleemanalyse", day(40), day(29), true), "anna"), 400,
                "newDeadline", "after the current deadline");
        assertRefused(agree(caseId, agreement("probleemanalyse", day(60), day(31), true), "anna"), 400,
                "agreedOn", "future");
        assertThat(agree(caseId, agreement("probleemanalyse", day(60), day(29), true), "eva").statusCode())
                .as("the bedrijfsarts is no party to the agreement").isEqualTo(403);
        assertThat(agree(caseId, agreement("probleemanalyse", day(60), day(29), true), "daan").statusCode())
                .as("another employer's werkgever").isEqualTo(404);

        onDay(day(43));
        new CasePlayer(engine, caseId).fireDueTimers();
        assertRefused(agree(caseId, agreement("probleemanalyse", day(60), day(40), true), "anna"), 409,
                "step", "has passed");

        assertThat(entries(caseId, DossierEntryType.DECISION)).as("nothing written by a refusal").isZero();
        assertThat(entries(caseId, DossierEntryType.DEADLINE_MISSED)).isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("probleemanalyseOpstellen").singleResult().getDueDate()).isEqualTo(endOf(day(42)));
    }

    private void assertRefused(HttpResponse<String> response, int status, String field, String rule)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).contains(rule);
    }
}
