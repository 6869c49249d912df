package nl.spoorwijzer.agreements;

import static nl.spoorwijzer.support.ApiCases.endOf;
import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.report.ReintegrationReport.Part;
import nl.spoorwijzer.report.ReintegrationReport.Status;
import nl.spoorwijzer.report.ReintegrationReports;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Regeling procesgang art. 5 over HTTP: the werkgever proposes a later deadline for the probleemanalyse or the plan
 * van aanpak, agreed with the werknemer and with a reason; it takes effect only when the werknemer confirms it in his
 * own task before the current deadline. Then the deadline, the task's due date and its miss watch move, and the step
 * done by the agreed date is on time in the dossier and the re-integratieverslag; a deadline already passed, a
 * werknemer who does not agree or does not answer leave it where it was.
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
        cases.deleteAll("herstelperiode", "poortwachter");
    }

    static LocalDate day(int n) {
        return FIRST_SICK_DAY.plusDays(n - 1L);
    }

    private HttpResponse<String> propose(String caseId, String step, LocalDate newDeadline, LocalDate agreedOn,
                                         String user) {
        return http.post("/api/cases/" + caseId + "/agreed-deviations", """
                {"step": "%s", "newDeadline": "%s", "agreedOn": "%s",
                 "reason": "De werknemer start eerst met aangepast werk; daarna is duidelijk wat blijft."}"""
                .formatted(step, newDeadline, agreedOn), user, user);
    }

    private void proposeAccepted(String caseId, LocalDate newDeadline, LocalDate agreedOn) {
        HttpResponse<String> proposed = propose(caseId, "probleemanalyse", newDeadline, agreedOn, "anna");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
    }

    /** The werknemer answers in his own task, as Tasklist submits it. */
    private HttpResponse<String> answer(String caseId, String agreed, String user) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("afwijkingAkkoord", Map.of("value", agreed));
        variables.put("afwijkingToelichtingWerknemer", Map.of("value", "Zo afgesproken met mijn leidinggevende."));
        return http.post("/engine-rest/task/" + confirmation(caseId).getId() + "/submit-form",
                json.writeValueAsString(Map.of("variables", variables)), user, user);
    }

    private Task confirmation(String caseId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("afwijkingTermijnBevestigen").singleResult();
    }

    private Date probleemanalyseDue(String caseId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("probleemanalyseOpstellen").singleResult().getDueDate();
    }

    private String instance(String caseId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();
    }

    private List<DossierEntry> decisions(String caseId) {
        return dossier.findByCase(caseId).stream().filter(entry -> entry.type() == DossierEntryType.DECISION)
                .toList();
    }

    private long misses(String caseId) {
        return dossier.findByCase(caseId).stream().filter(entry -> entry.type() == DossierEntryType.DEADLINE_MISSED)
                .count();
    }

    @Test
    void aDeadlineMovesOnlyWhenTheWerknemerConfirmsAndTheStepDoneByThenIsOnTime() throws Exception {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, day(30), WITHOUT_PROBLEEMANALYSE, 0);

        proposeAccepted(caseId, day(60), day(29));

        assertThat(probleemanalyseDue(caseId)).as("not before the werknemer agreed").isEqualTo(endOf(day(42)));
        Task confirmation = confirmation(caseId);
        assertThat(confirmation.getAssignee()).isEqualTo("tim");
        assertThat(confirmation.getDueDate()).as("by the current deadline").isEqualTo(endOf(day(42)));
        assertThat(answer(caseId, "ja", "anna").statusCode()).as("only the werknemer answers for himself")
                .isNotEqualTo(204);

        HttpResponse<String> answered = answer(caseId, "ja", "tim");

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
        assertThat(probleemanalyseDue(caseId)).isEqualTo(endOf(day(60)));
        assertThat(cases.timer(caseId, "probleemanalyseOpstellenTermijnVerstreken")).isEqualTo(endOf(day(60)));
        JsonNode timeline = json.readTree(http.get("/api/cases/" + caseId + "/timeline", "anna", "anna").body());
        assertThat(timeline.path("probleemanalyse").asText()).isEqualTo(day(60).toString());
        assertThat(timeline.path("plan-van-aanpak").asText()).as("two weeks after the agreed probleemanalyse")
                .isEqualTo(day(74).toString());
        assertThat(decisions(caseId)).extracting(DossierEntry::subject).containsExactly(
                "Afwijking van de termijn probleemanalyse voorgesteld door de werkgever",
                "Afwijking van de termijn probleemanalyse afgesproken");
        assertThat(decisions(caseId).get(1).content()).containsEntry("stap", "probleemanalyse")
                .containsEntry("nieuweTermijn", day(60).toString()).containsEntry("vorigeTermijn", day(42).toString())
                .containsEntry("afgesprokenOp", day(29).toString()).containsEntry("akkoordWerknemer", true)
                .containsEntry("toelichtingWerknemer", "Zo afgesproken met mijn leidinggevende.")
                .containsEntry("grondslag", "Regeling procesgang eerste en tweede ziektejaar art. 5")
                .containsKey("reden");

        CasePlayer player = new CasePlayer(engine, caseId);
        onDay(day(50));
        player.fireDueTimers();
        assertThat(misses(caseId)).as("day 42 passed, but it was moved").isZero();
        Task probleemanalyse = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("probleemanalyseOpstellen").singleResult();
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
    void aWerknemerWhoDoesNotAgreeOrDoesNotAnswerLeavesTheDeadlineWhereItWas() throws Exception {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, day(30), WITHOUT_PROBLEEMANALYSE, 0);
        proposeAccepted(caseId, day(60), day(29));
        HttpResponse<String> second = propose(caseId, "plan-van-aanpak", day(70), day(29), "anna");
        assertThat(second.statusCode()).as("one proposal at a time: " + second.body()).isEqualTo(409);

        assertThat(answer(caseId, "nee", "tim").statusCode()).isEqualTo(204);

        assertThat(probleemanalyseDue(caseId)).isEqualTo(endOf(day(42)));
        assertThat(decisions(caseId)).last().satisfies(entry -> {
            assertThat(entry.subject()).isEqualTo(
                    "Afwijking van de termijn probleemanalyse niet afgesproken: de werknemer is niet akkoord");
            assertThat(entry.content()).containsEntry("akkoordWerknemer", false);
        });

        proposeAccepted(caseId, day(55), day(30));
        onDay(day(43));
        new CasePlayer(engine, caseId).fireDueTimers();

        assertThat(confirmation(caseId)).as("the proposal lapsed").isNull();
        assertThat(decisions(caseId)).last().extracting(DossierEntry::subject).isEqualTo(
                "Afwijking van de termijn probleemanalyse vervallen: de werknemer antwoordde niet voor de termijn");
        assertThat(probleemanalyseDue(caseId)).isEqualTo(endOf(day(42)));
        assertThat(misses(caseId)).as("the deadline of day 42 was missed").isEqualTo(1);
    }

    @Test
    void anAgreedDeadlineMovesWithARecoveryGapLikeEveryOtherDeadline() throws Exception {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, day(30), WITHOUT_PROBLEEMANALYSE, 0);
        proposeAccepted(caseId, day(50), day(30));
        assertThat(answer(caseId, "ja", "tim").statusCode()).isEqualTo(204);

        // Recovered on day 35, sick again from day 51: 16 healthy days, the same case continues.
        onDay(day(35));
        assertThat(http.post("/api/cases/" + caseId + "/recovery", "{\"date\": \"" + day(35) + "\"}", "anna", "anna")
                .statusCode()).isEqualTo(200);
        onDay(day(51));
        HttpResponse<String> relapse = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(day(51)),
                "anna", "anna");
        assertThat(relapse.statusCode()).as(relapse.body()).isEqualTo(200);

        JsonNode timeline = json.readTree(http.get("/api/cases/" + caseId + "/timeline", "anna", "anna").body());
        assertThat(timeline.path("probleemanalyse").asText()).as("the agreed day 50 moves by the 16 healthy days")
                .isEqualTo(day(66).toString());
        onDay(day(52));
        new CasePlayer(engine, caseId).fireDueTimers();
        assertThat(misses(caseId)).isZero();
    }

    @Test
    void aDeadlineAlreadyPassedStaysMissedAndBadProposalsAreRefusedNamingFieldAndRule() throws Exception {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, day(30), WITHOUT_PROBLEEMANALYSE, 0);

        assertRefused(propose(caseId, "eerstejaarsevaluatie", day(400), day(29), "anna"), 400, "step", "art. 5");
        assertRefused(propose(caseId, "probleemanalyse", day(40), day(29), "anna"), 400, "newDeadline",
                "after the current deadline");
        assertRefused(propose(caseId, "probleemanalyse", day(364), day(29), "anna"), 400, "newDeadline",
                "before the eerstejaarsevaluatie");
        assertRefused(propose(caseId, "probleemanalyse", day(60), day(31), "anna"), 400, "agreedOn", "future");
        assertThat(propose(caseId, "probleemanalyse", day(60), day(29), "eva").statusCode())
                .as("the bedrijfsarts does not propose for the parties").isEqualTo(403);
        assertThat(propose(caseId, "probleemanalyse", day(60), day(29), "daan").statusCode())
                .as("another employer's werkgever").isEqualTo(404);
        assertThat(propose(caseId, "probleemanalyse", day(60), day(29), "tim").statusCode())
                .as("the werknemer answers in his own task").isEqualTo(403);

        onDay(day(43));
        new CasePlayer(engine, caseId).fireDueTimers();
        assertRefused(propose(caseId, "probleemanalyse", day(60), day(40), "anna"), 409, "step", "has passed");

        assertThat(decisions(caseId)).as("nothing written by a refusal").isEmpty();
        assertThat(misses(caseId)).isEqualTo(1);
        assertThat(probleemanalyseDue(caseId)).isEqualTo(endOf(day(42)));
    }

    private void assertRefused(HttpResponse<String> response, int status, String field, String rule)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).contains(rule);
    }
}
