package nl.spoorwijzer.trajectories;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.timeline.Spoor2Settings;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spoor 2 whenever it is due, over HTTP (issue 26): started early on a conclusion (seed 004: "Eerder mag dus ook",
 * also situational incapacity), by the werkgever or the bedrijfsarts himself; refused while one runs, for a party who
 * may not (403) and on a case one may not see (404); the eerstejaarsevaluatie then starts no second trajectory; the
 * DMN's exception is re-examined on the configured date; a restart after an ended trajectory is a new trajectory in
 * the same case. Each test plays its own case of tim at acme-bouw.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Spoor2StartsIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    /** Week 12. */
    static final LocalDate EARLY = FIRST_SICK_DAY.plusDays(77);
    static final String EARLY_START = """
            {"occasion": "VROEG", "situationalIncapacity": true, "concludedBy": "bedrijfsarts",
             "reason": "Terugkeer naar de eigen werkgever belemmert het herstel (arbeidsconflict); eigen werk komt niet terug.",
             "executor": "bureau", "bureau": "bureau-werkfit"}""";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    @Autowired JdbcTemplate jdbc;
    @Autowired Spoor2Settings settings;
    HttpTestClient http;
    ApiCases cases;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
    }

    @AfterEach
    void deleteCases() {
        cases.deleteAll("spoor-2-traject", "herstelperiode", "poortwachter");
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
    }

    @Test
    void anEarlyStartInWeek12RunsTheTrajectoryAndTheEerstejaarsevaluatieStartsNoSecond() {
        // seed 004: "Eerder mag dus ook"; situational incapacity: "Eigenlijk spreek je in zo'n situatie ook van
        // situationele arbeidsongeschiktheid ofwel de klachten nemen toe wanneer men werkzaamheden verricht bij de
        // eigen werkgever."
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, EARLY, SimulatedAnswers::onTime, 0);

        HttpResponse<String> started = http.post("/api/cases/" + caseId + "/spoor2", EARLY_START, "anna", "anna");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(trajectories(caseId)).hasSize(1);
        assertThat(openTaskKeys(caseId)).contains("aanmeldingBeoordelen");
        DossierEntry decision = spoor2Decisions(caseId).get(0);
        assertThat(decision.recordedBy()).isEqualTo("anna");
        assertThat(decision.role()).isEqualTo("werkgever");
        assertThat(decision.content()).containsEntry("aanleiding", "VROEG")
                .containsEntry("situatieveArbeidsongeschiktheid", true).containsEntry("uitvoerder", "bureau");

        HttpResponse<String> second = postInDutch("/api/cases/" + caseId + "/spoor2", EARLY_START, "anna");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(tree(second.body()).path("detail").asText()).contains("loopt al een spoor 2-traject");
        assertThat(http.post("/api/cases/" + caseId + "/spoor2", EARLY_START, "tim", "tim").statusCode())
                .as("the employee himself").isEqualTo(403);
        assertThat(http.post("/api/cases/" + caseId + "/spoor2", EARLY_START, "daan", "daan").statusCode())
                .as("another employer's werkgever does not see the case").isEqualTo(404);
        assertThat(trajectories(caseId)).as("nothing written by the refusals").hasSize(1);
        assertThat(spoor2Decisions(caseId)).hasSize(1);

        new CasePlayer(engine, caseId).playUntil(FIRST_SICK_DAY.plusDays(345).atTime(9, 0)
                .atZone(ApiCases.AMSTERDAM).toInstant(), key -> key.equals("aanmeldingBeoordelen") ? null
                : SimulatedAnswers.onTime(key), 0);

        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("eerstejaarsevaluatieHouden").finished().count()).isEqualTo(1);
        assertThat(trajectories(caseId)).as("no second trajectory").hasSize(1);
        assertThat(openTaskKeys(caseId)).doesNotContain("reintegratiebureauInschakelen");
        assertThat(spoor2Decisions(caseId)).extracting(DossierEntry::subject)
                .contains("Spoor 2 loopt al: de eerstejaarsevaluatie start geen tweede traject");
    }

    @Test
    void theBedrijfsartsRecordsHisOwnEarlyConclusionAndTheWerkgeverChoosesWhoRunsIt() {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, EARLY, SimulatedAnswers::onTime, 0);

        HttpResponse<String> withBureau = http.post("/api/cases/" + caseId + "/spoor2", EARLY_START, "eva", "eva");
        assertThat(withBureau.statusCode()).as(withBureau.body()).isEqualTo(400);
        assertThat(tree(withBureau.body()).path("field").asText()).isEqualTo("executor");
        HttpResponse<String> notHis = http.post("/api/cases/" + caseId + "/spoor2", """
                {"occasion": "VROEG", "situationalIncapacity": false, "concludedBy": "arbeidsdeskundige",
                 "reason": "Eigen werk en aangepast werk komen niet terug."}""", "eva", "eva");
        assertThat(notHis.statusCode()).as(notHis.body()).isEqualTo(400);
        assertThat(tree(notHis.body()).path("field").asText()).isEqualTo("concludedBy");
        HttpResponse<String> restart = http.post("/api/cases/" + caseId + "/spoor2", """
                {"occasion": "HERSTART", "restartAfter": "OVERIG", "reason": "Eigen werk komt niet terug."}""",
                "eva", "eva");
        assertThat(restart.statusCode()).as("only the werkgever restarts").isEqualTo(403);

        HttpResponse<String> started = http.post("/api/cases/" + caseId + "/spoor2", """
                {"occasion": "VROEG", "situationalIncapacity": false, "concludedBy": "bedrijfsarts",
                 "reason": "Eigen werk en aangepast werk komen niet terug."}""", "eva", "eva");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(spoor2Decisions(caseId).get(0).recordedBy()).isEqualTo("eva");
        assertThat(openTaskKeys(caseId)).contains("spoor2UitvoerderKiezen");
        assertThat(trajectories(caseId)).as("the werkgever chooses first").isEmpty();
    }

    @Test
    void theDmnExceptionIsReexaminedOnTheConfiguredDate() {
        Function<String, Map<String, Object>> returnWithinThreeMonths = key -> {
            Map<String, Object> values = SimulatedAnswers.onTime(key);
            if (values != null && key.equals("eerstejaarsevaluatieHouden")) {
                values = new HashMap<>(values);
                values.put("structureleTerugkeerBinnen3Maanden", true);
            }
            return values;
        };
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(370), returnWithinThreeMonths,
                0);

        DossierEntry postponed = spoor2Decisions(caseId).stream()
                .filter(entry -> entry.subject().startsWith("Spoor 2 niet gestart")).findFirst().orElseThrow();
        LocalDate decidedOn = LocalDate.parse((String) postponed.content().get("datum"));
        LocalDate reexamination = decidedOn.plusWeeks(settings.reexaminationWeeks());
        assertThat(postponed.content()).containsEntry("uitzondering", "structureleTerugkeer")
                .containsEntry("herbeoordelingOp", reexamination.toString());
        HttpResponse<String> tooLate = postInDutch("/api/cases/" + caseId + "/spoor2", EARLY_START, "anna");
        assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
        assertThat(tree(tooLate.body()).path("detail").asText()).contains("eerstejaarsevaluatie");
        HttpResponse<String> noRestart = http.post("/api/cases/" + caseId + "/spoor2", """
                {"occasion": "HERSTART", "restartAfter": "OVERIG", "reason": "Eigen werk komt toch niet terug.",
                 "executor": "werkgever"}""", "anna", "anna");
        assertThat(noRestart.statusCode()).as("no trajectory ran yet").isEqualTo(409);

        new CasePlayer(engine, caseId).playUntil(reexamination.atTime(9, 0).atZone(ApiCases.AMSTERDAM).toInstant(),
                key -> key.equals("spoor2OpnieuwBeoordelen") ? null : returnWithinThreeMonths.apply(key), 0);

        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("spoor2OpnieuwBeoordelen").singleResult();
        assertThat(task).isNotNull();
        assertThat(task.getDueDate()).isEqualTo(ApiCases.endOf(reexamination));
        assertThat(task.getCreateTime()).isEqualTo(ApiCases.startOf(reexamination
                .minusDays(settings.reexaminationLeadDays())));
    }

    @Test
    void aRestartAfterAnEndedTrajectoryIsANewTrajectoryInTheSameCase() {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, EARLY, SimulatedAnswers::onTime, 0);
        assertThat(http.post("/api/cases/" + caseId + "/spoor2", EARLY_START, "anna", "anna").statusCode())
                .isEqualTo(201);
        ProcessInstance first = trajectories(caseId).get(0);
        ApiCases.onDay(EARLY.plusDays(60));
        engine.getRuntimeService().createMessageCorrelation("Spoor1Geslaagd").processInstanceId(first.getId())
                .correlate();
        assertThat(trajectories(caseId)).isEmpty();

        HttpResponse<String> early = http.post("/api/cases/" + caseId + "/spoor2", EARLY_START, "anna", "anna");
        assertThat(early.statusCode()).as("a second one is a restart").isEqualTo(409);
        HttpResponse<String> restarted = http.post("/api/cases/" + caseId + "/spoor2", """
                {"occasion": "HERSTART", "restartAfter": "PLAATSING_MISLUKT", "executor": "werkgever",
                 "reason": "De plaatsing bij de nieuwe werkgever is mislukt; een nieuw traject, nu door de werkgever zelf."}""",
                "anna", "anna");

        assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(201);
        List<ProcessInstance> now = trajectories(caseId);
        assertThat(now).hasSize(1).noneMatch(instance -> instance.getId().equals(first.getId()));
        assertThat(engine.getRuntimeService().getVariable(now.get(0).getId(), "spoor2Uitvoerder"))
                .isEqualTo("werkgever");
        assertThat(spoor2Decisions(caseId)).extracting(entry -> entry.content().get("aanleiding"))
                .containsExactly("VROEG", "VROEG", "HERSTART");
        assertThat(spoor2Decisions(caseId).get(1).subject()).isEqualTo("Spoor 2-traject beëindigd: spoor1Geslaagd");
    }

    @Test
    void aRestartWhileATrajectoryRunsEndsItWithItsReasonAndStartsANewOneInTheSameCase() {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, EARLY, SimulatedAnswers::onTime, 0);
        assertThat(http.post("/api/cases/" + caseId + "/spoor2", EARLY_START, "anna", "anna").statusCode())
                .isEqualTo(201);
        ProcessInstance first = trajectories(caseId).get(0);
        ApiCases.onDay(EARLY.plusDays(90));

        HttpResponse<String> restarted = http.post("/api/cases/" + caseId + "/spoor2", """
                {"occasion": "HERSTART", "restartAfter": "PLAATSING_MISLUKT", "executor": "bureau",
                 "bureau": "bureau-werkfit", "reason": "De detachering is na twee maanden mislukt; een nieuw traject."}""",
                "anna", "anna");

        assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(201);
        List<ProcessInstance> now = trajectories(caseId);
        assertThat(now).as("the failed trajectory ended, a new one runs").hasSize(1)
                .noneMatch(instance -> instance.getId().equals(first.getId()));
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type() == DossierEntryType.TRAJECTORY_ENDED)
                .extracting(DossierEntry::subject).containsExactly("Spoor 2-traject beëindigd: plaatsingMislukt");
        assertThat(spoor2Decisions(caseId)).extracting(entry -> entry.content().get("aanleiding"))
                .contains("VROEG", "HERSTART");
    }

    @Test
    void theCaseSaysWhySinceWhenAndByWhomSpoor2RunsAndOffersTheStartToWhoMayStartIt() {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, EARLY, SimulatedAnswers::onTime, 0);
        String path = "/api/cases/" + caseId;
        assertThat(tree(http.get(path, "anna", "anna").body()).has("spoor2")).as("not started").isFalse();
        assertThat(actions(path, "anna")).contains("spoor2Start");
        assertThat(actions(path, "eva")).as("the bedrijfsarts of the case, early").contains("spoor2Start");
        assertThat(actions(path, "tim")).as("the employee himself").doesNotContain("spoor2Start");

        assertThat(http.post(path + "/spoor2", EARLY_START, "anna", "anna").statusCode()).isEqualTo(201);

        JsonNode spoor2 = tree(http.get(path, "anna", "anna").body()).path("spoor2");
        assertThat(spoor2.path("occasion").asText()).isEqualTo("VROEG");
        assertThat(spoor2.path("executor").asText()).isEqualTo("bureau");
        assertThat(spoor2.path("since").asText()).isEqualTo(EARLY.toString());
        assertThat(actions(path, "anna")).as("a restart stays the werkgever's").contains("spoor2Start");
        assertThat(actions(path, "eva")).as("early only: a trajectory ran").doesNotContain("spoor2Start");
        JsonNode statusOnly = tree(http.get(path, "ivo", "ivo").body());
        assertThat(statusOnly.path("status").asText()).isEqualTo("OPEN");
        assertThat(statusOnly.has("spoor2")).as("management sees the status only").isFalse();
        assertThat(statusOnly.path("actions")).isEmpty();
    }

    private List<String> actions(String path, String user) {
        HttpResponse<String> response = http.get(path, user, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> actions = new java.util.ArrayList<>();
        tree(response.body()).path("actions").forEach(action -> actions.add(action.asText()));
        return actions;
    }

    private List<ProcessInstance> trajectories(String caseId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("spoor-2-traject")
                .processInstanceBusinessKey(caseId).list();
    }

    private List<String> openTaskKeys(String caseId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    private List<DossierEntry> spoor2Decisions(String caseId) {
        return dossier.findByCase(caseId).stream().filter(entry -> entry.type() == DossierEntryType.DECISION)
                .filter(entry -> entry.subject().startsWith("Spoor 2")).toList();
    }

    private HttpResponse<String> postInDutch(String path, String body, String user) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("Accept-Language", "nl")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                            .getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
