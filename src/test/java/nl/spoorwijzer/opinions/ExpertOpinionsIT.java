package nl.spoorwijzer.opinions;

import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deskundigenoordeel for both parties, at any time (issue 26, point 2). Seed 000: "Voor zowel de werkgever als de
 * werknemer gelden dat zij onafhankelijk een deskundigenoordeel aan kunnen vragen bij UWV bij verschil van mening over
 * geschiktheid eigen werk, passend werk of ter toetsing van de re-integratie-inspanningen."
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExpertOpinionsIT {

    /** Monday 5 January 2026. */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    HttpTestClient http;
    ApiCases cases;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
    }

    @AfterEach
    void cleanUp() {
        cases.deleteAll("spoor-2-traject", "poortwachter");
    }

    static LocalDate day(int n) {
        return FIRST_SICK_DAY.plusDays(n - 1L);
    }

    @Test
    @DisplayName("seed 000: werkgever en werknemer vragen elk onafhankelijk een deskundigenoordeel aan, op elk moment")
    void werknemerAndWerkgeverEachRecordARequest() throws Exception {
        // seed 000: "Voor zowel de werkgever als de werknemer gelden dat zij onafhankelijk een deskundigenoordeel aan
        // kunnen vragen bij UWV ..."; seed 003: "Is de medewerker het oneens, dan kan er een deskundigenoordeel
        // aangevraagd worden."
        String caseId = caseOnDay(100);
        JsonNode byEmployee = created(request(caseId, "tim", "PASSENDE_ARBEID", day(99),
                "Het aangeboden werk op de administratie past niet bij de afspraken."));
        assertThat(byEmployee.path("requestedBy").asText()).isEqualTo("werknemer");
        assertThat(byEmployee.path("status").asText()).isEqualTo("OPEN");
        JsonNode byEmployer = created(request(caseId, "anna", "GESCHIKTHEID_EIGEN_WERK", day(100), null));
        assertThat(byEmployer.path("requestedBy").asText()).isEqualTo("werkgever");

        for (String reader : List.of("anna", "tim", "eva")) {
            JsonNode list = ok(http.get(requestsPath(caseId), reader, reader));
            assertThat(list).as(reader).hasSize(2);
            assertThat(list.get(0).path("question").asText()).isEqualTo("PASSENDE_ARBEID");
            assertThat(list.get(0).path("recordedBy").asText()).isEqualTo("tim");
            assertThat(list.get(1).path("question").asText()).isEqualTo("GESCHIKTHEID_EIGEN_WERK");
        }
        JsonNode view = ok(http.get("/api/cases/" + caseId, "anna", "anna"));
        assertThat(view.path("openExpertOpinionRequests")).hasSize(2);
        assertThat(view.path("actions").toString()).contains("expertOpinionRequest");
        assertThat(dossier.findByCase(caseId)).filteredOn(e -> e.type() == DossierEntryType.EXPERT_OPINION_REQUESTED)
                .extracting(DossierEntry::role).containsExactly("werknemer", "werkgever");
    }

    @Test
    void onlyTheWerkgeverAndWerknemerOfTheCaseMayRequest() throws Exception {
        String caseId = caseOnDay(100);
        // A foreign werkgever does not see the case at all; a bureau without a trajectory here neither.
        assertRefused(request(caseId, "daan", "PASSENDE_ARBEID", day(100), null), 404, "caseId", "may see");
        assertRefused(request(caseId, "frank", "PASSENDE_ARBEID", day(100), null), 404, "caseId", "may see");
        // The bedrijfsarts of the case and the administrator see it but do not ask UWV in their own name.
        assertRefused(request(caseId, "eva", "PASSENDE_ARBEID", day(100), null), 403, "caseId", "werkgever or the"
                + " werknemer");
        assertRefused(request(caseId, "demo", "PASSENDE_ARBEID", day(100), null), 403, "caseId", "werkgever or the"
                + " werknemer");
        assertThat(http.get(requestsPath(caseId), "daan", "daan").statusCode()).isEqualTo(404);
        assertThat(http.get(requestsPath(caseId), "ivo", "ivo").statusCode()).as("management: status only")
                .isIn(403, 404);
        assertThat(dossier.findByCase(caseId)).noneMatch(e -> e.type() == DossierEntryType.EXPERT_OPINION_REQUESTED);
    }

    @Test
    @DisplayName("seed 000: het deskundigenoordeel over de re-integratie-inspanningen tot uiterlijk 6 maanden voor einde"
            + " wachttijd")
    void effortsAreAskedAboutUntilTheirLastDayOnly() throws Exception {
        // seed 000: "Het deskundigenoordeel waarbij UWV de re-integratie-inspanningen van de werkgever toetst kan tot
        // uiterlijk 6 maanden voor einde wachttijd aangevraagd worden." seed 003: "Wanneer er op enig moment geen
        // volledige zekerheid bestaat over het voldoende zijn van de re-integratie-inspanningen, dan kan een
        // werkgever het beste een deskundigenoordeel verzoeken bij het UWV."
        String caseId = caseOnDay(100);
        LocalDate lastDay = LocalDate.parse(ok(http.get("/api/cases/" + caseId + "/timeline", "anna", "anna"))
                .path("deskundigenoordeel-inspanningen").asText());
        assertThat(lastDay).isEqualTo(day(728).minusWeeks(26)); // the timeline's date, 26 weeks before the end

        onDay(lastDay.plusDays(1));
        HttpResponse<String> late = request(caseId, "anna", "RE_INTEGRATIE_INSPANNINGEN", lastDay.plusDays(1), null);
        assertRefused(late, 409, "filedOn", "on or before " + lastDay);
        HttpResponse<String> lateInDutch = http.send(http.request(requestsPath(caseId))
                .header("Content-Type", "application/json").header("Accept-Language", "nl")
                .header("Authorization", HttpTestClient.basic("tim", "tim"))
                .POST(HttpRequest.BodyPublishers.ofString(body("RE_INTEGRATIE_INSPANNINGEN", lastDay.plusDays(1), null)))
                .build());
        assertThat(lateInDutch.statusCode()).isEqualTo(409);
        String dutchDate = "%02d-%02d-%d".formatted(lastDay.getDayOfMonth(), lastDay.getMonthValue(), lastDay.getYear());
        assertThat(json.readTree(lateInDutch.body()).path("detail").asText())
                .contains("Het veld filedOn ligt na " + dutchDate + ", de laatste dag waarop een deskundigenoordeel"
                        + " over de re-integratie-inspanningen kan worden aangevraagd");
        assertThat(dossier.findByCase(caseId)).noneMatch(e -> e.type() == DossierEntryType.EXPERT_OPINION_REQUESTED);
        // Other questions stay open after that day.
        created(request(caseId, "tim", "GESCHIKTHEID_EIGEN_WERK", lastDay.plusDays(1), null));

        onDay(lastDay);
        JsonNode onTheLastDay = created(request(caseId, "anna", "RE_INTEGRATIE_INSPANNINGEN", lastDay, null));
        assertThat(onTheLastDay.path("filedOn").asText()).isEqualTo(lastDay.toString());
    }

    @Test
    void anOpinionNoStepWaitsForGoesIntoTheDossierClosesItsRequestAndSaysWhatFollows() throws Exception {
        String caseId = caseOnDay(100);
        long asked = created(request(caseId, "tim", "GESCHIKTHEID_EIGEN_WERK", day(90), null)).path("id").asLong();
        long efforts = created(request(caseId, "anna", "RE_INTEGRATIE_INSPANNINGEN", day(95), null)).path("id")
                .asLong();

        JsonNode answered = ok(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "question": "GESCHIKTHEID_EIGEN_WERK",
                 "verdict": "NIET_GESCHIKT"}""".formatted(day(100))));
        assertThat(answered.path("consequence").asText()).contains("plan van aanpak bijstellen")
                .contains("'Plan van aanpak bijstellen' staat klaar");
        assertThat(openTasks(caseId)).contains("planBijstellenNaSpoor2");
        assertThat(answered.path("openExpertOpinionRequests")).singleElement()
                .satisfies(open -> assertThat(open.path("id").asLong()).isEqualTo(efforts));
        assertThat(answered.path("expertOpinions")).singleElement().satisfies(opinion ->
                assertThat(opinion.path("content").path("gevolg").asText()).contains("niet geschikt"));

        JsonNode repaired = ok(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "requestId": %d, "verdict": "ONVOLDOENDE",
                 "conclusion": "Spoor 2 had al overwogen moeten worden.", "startSpoor2": true}"""
                .formatted(day(100), efforts)));
        String wiaDay = ok(http.get("/api/cases/" + caseId + "/timeline", "anna", "anna")).path("wia-aanvraag")
                .asText();
        assertThat(repaired.path("consequence").asText()).contains("vóór de WIA-aanvraag (uiterlijk " + wiaDay + ")")
                .contains("op advies van UWV is spoor 2 gestart");
        assertThat(repaired.path("openExpertOpinionRequests")).isEmpty();

        JsonNode list = ok(http.get(requestsPath(caseId), "tim", "tim"));
        assertThat(list).extracting(request -> request.path("status").asText()).containsExactly("BEANTWOORD",
                "BEANTWOORD");
        assertThat(list.get(0).path("id").asLong()).isEqualTo(asked);
        assertThat(list.get(0).path("verdict").asText()).isEqualTo("NIET_GESCHIKT");
        assertThat(list.get(1).path("verdict").asText()).isEqualTo("ONVOLDOENDE");
        assertThat(dossier.findByCase(caseId)).filteredOn(e -> e.type() == DossierEntryType.UWV_DECISION)
                .extracting(e -> e.content().get("vervolg").toString())
                .containsExactly("[PLAN_BIJSTELLING_GESTART]", List.of("HERSTEL_VOOR_WIA_ADVIES",
                        "SPOOR_2_GESTART").toString());
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("spoor2UitvoerderKiezen").count())
                .as("spoor 2 started through its one start path: the werkgever chooses who runs it").isEqualTo(1);

        // An answered request cannot be answered again.
        assertRefused(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "requestId": %d, "verdict": "VOLDOENDE"}"""
                .formatted(day(100), efforts)), 409, "requestId", "already answered");
    }

    @Test
    @DisplayName("seed 003: is de werknemer het oneens met het plan, dan vraagt de werkgever een deskundigenoordeel"
            + " aan en wacht de stap erop")
    void anOpinionAStepWaitsForContinuesThatStepAndClosesTheTasksRequest() throws Exception {
        // seed 003: "Is de medewerker het oneens, dan kan er een deskundigenoordeel aangevraagd worden."
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, day(70), ExpertOpinionsIT::rejectsThePlan, 0);
        Task asking = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("deskundigenoordeelAanvragen").singleResult();
        assertThat(asking).as("the werkgever's task after the rejected plan").isNotNull();
        engine.getTaskService().complete(asking.getId(), SimulatedAnswers.onTime("deskundigenoordeelAanvragen"));

        JsonNode list = ok(http.get(requestsPath(caseId), "anna", "anna"));
        assertThat(list).as("the task recorded its request in the same store").singleElement().satisfies(request -> {
            assertThat(request.path("question").asText()).isEqualTo("RE_INTEGRATIE_INSPANNINGEN");
            assertThat(request.path("requestedBy").asText()).isEqualTo("werknemer");
            assertThat(request.path("source").asText()).isEqualTo("deskundigenoordeelAanvragen");
        });

        // Another question of the employee's is answered into the dossier; the step keeps waiting.
        created(request(caseId, "tim", "PASSENDE_ARBEID", day(70), null));
        JsonNode passend = ok(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "question": "PASSENDE_ARBEID", "verdict": "PASSEND"}"""
                .formatted(day(70))));
        assertThat(passend.path("consequence").asText()).contains("moet haar aanvaarden");
        assertThat(openTasks(caseId)).doesNotContain("deskundigenoordeelVerwerken");

        JsonNode answered = ok(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "conclusion": "Het plan moet meer uren bevatten."}"""
                .formatted(day(70))));
        assertThat(answered.path("consequence").asText()).contains("Deskundigenoordeel verwerken");
        Task processing = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("deskundigenoordeelVerwerken").singleResult();
        assertThat(engine.getTaskService().getVariable(processing.getId(), "deskundigenoordeelConclusie"))
                .isEqualTo("Het plan moet meer uren bevatten.");
        assertThat(answered.path("openExpertOpinionRequests")).isEmpty();
        assertThat(ok(http.get(requestsPath(caseId), "tim", "tim"))).extracting(r -> r.path("status").asText())
                .containsExactly("BEANTWOORD", "BEANTWOORD");

        engine.getTaskService().complete(processing.getId(), SimulatedAnswers.onTime("deskundigenoordeelVerwerken"));
        assertThat(openTasks(caseId)).as("the flow after the opinion goes on: the plan is revised")
                .contains("planVanAanpakBijstellen");
    }

    @Test
    void theOldTaskKeepsTheLastDayForTheEffortsToo() throws Exception {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, day(70), ExpertOpinionsIT::rejectsThePlan, 0);
        LocalDate lastDay = LocalDate.parse(ok(http.get("/api/cases/" + caseId + "/timeline", "anna", "anna"))
                .path("deskundigenoordeel-inspanningen").asText());
        onDay(lastDay.plusDays(1));
        Task asking = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("deskundigenoordeelAanvragen").singleResult();
        Map<String, Object> late = new HashMap<>(SimulatedAnswers.onTime("deskundigenoordeelAanvragen"));
        assertThat(late).containsEntry("deskundigenoordeelOnderwerp", "planVanAanpak");
        // The engine wraps a task listener's refusal; the platform's problem mapping finds it in the cause chain.
        assertThatThrownBy(() -> engine.getTaskService().complete(asking.getId(), late))
                .rootCause().isInstanceOfSatisfying(RuleViolationException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("deskundigenoordeelOnderwerp");
                    assertThat(refused.rule()).contains(lastDay.toString());
                });
        assertThat(openTasks(caseId)).contains("deskundigenoordeelAanvragen");

        late.put("deskundigenoordeelOnderwerp", "passendeArbeid");
        engine.getTaskService().complete(asking.getId(), late);
        assertThat(ok(http.get(requestsPath(caseId), "anna", "anna"))).singleElement()
                .satisfies(request -> assertThat(request.path("question").asText()).isEqualTo("PASSENDE_ARBEID"));
    }

    private static Map<String, Object> rejectsThePlan(String task) {
        return switch (task) {
            case "planVanAanpakBeoordelen" -> {
                Map<String, Object> answers = new HashMap<>(SimulatedAnswers.onTime(task));
                answers.put("akkoordMetPlan", "nee");
                yield answers;
            }
            case "deskundigenoordeelAanvragen" -> null; // left open: the test completes it
            default -> SimulatedAnswers.onTime(task);
        };
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        String caseId = caseOnDay(100);
        assertRefused(http.post(requestsPath(caseId), "{}", "anna", "anna"), 400, "question", "required");
        assertRefused(request(caseId, "anna", "LOONWAARDE", day(100), null), 400, "question",
                "GESCHIKTHEID_EIGEN_WERK");
        assertRefused(request(caseId, "anna", "PASSENDE_ARBEID", day(101), null), 400, "filedOn", "future");
        assertRefused(request(caseId, "anna", "PASSENDE_ARBEID", null, null), 400, "filedOn", "required");
        assertRefused(request(caseId, "anna", "PASSENDE_ARBEID", FIRST_SICK_DAY.minusDays(1), null), 400,
                "filedOn", "first sick day");
        assertRefused(request(caseId, "tim", "PASSENDE_ARBEID", day(100), "x".repeat(501)), 400, "explanation",
                "at most 500");
        assertRefused(http.post(requestsPath(caseId), "{\"question\": \"PASSENDE_ARBEID\", \"filedOn\": \"gisteren\"}",
                "anna", "anna"), 400, "filedOn", "ISO");

        assertRefused(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "conclusion": "Passend"}""".formatted(day(100))),
                400, "question", "required");
        assertRefused(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "question": "GESCHIKTHEID_EIGEN_WERK",
                 "verdict": "VOLDOENDE"}""".formatted(day(100))), 400, "verdict", "GESCHIKT");
        assertRefused(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "question": "PASSENDE_ARBEID"}"""
                .formatted(day(100))), 400, "verdict", "required");
        assertRefused(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "question": "GESCHIKTHEID_EIGEN_WERK",
                 "verdict": "GESCHIKT", "startSpoor2": true}""".formatted(day(100))), 400, "startSpoor2",
                "adverse");
        assertRefused(decide(caseId, """
                {"type": "DESKUNDIGENOORDEEL", "decisionDate": "%s", "requestId": 999999, "verdict": "PASSEND"}"""
                .formatted(day(100))), 400, "requestId", "names no");
        assertThat(dossier.findByCase(caseId)).noneMatch(e -> e.type() == DossierEntryType.EXPERT_OPINION_REQUESTED
                || e.type() == DossierEntryType.UWV_DECISION);
    }

    // ---- helpers ----

    private String caseOnDay(int n) {
        return cases.reportAndPlay(FIRST_SICK_DAY, day(n), SimulatedAnswers::onTime, 0);
    }

    private static String requestsPath(String caseId) {
        return "/api/cases/" + caseId + "/expert-opinion-requests";
    }

    private HttpResponse<String> request(String caseId, String user, String vraag, LocalDate filedOn,
                                         String explanation) {
        return http.post(requestsPath(caseId), body(vraag, filedOn, explanation), user, user);
    }

    private String body(String vraag, LocalDate filedOn, String explanation) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", vraag);
        if (filedOn != null) {
            body.put("filedOn", filedOn.toString());
        }
        if (explanation != null) {
            body.put("explanation", explanation);
        }
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> decide(String caseId, String body) {
        return http.post("/api/cases/" + caseId + "/uwv-decisions", body, "anna", "anna");
    }

    private List<String> openTasks(String caseId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    private JsonNode created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void assertRefused(HttpResponse<String> response, int status, String field, String rule)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).as(response.body()).contains(rule);
    }
}
