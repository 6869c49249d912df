package nl.spoorwijzer.employment;

import static nl.spoorwijzer.support.ApiCases.endOf;
import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.report.ReintegrationReport.Part;
import nl.spoorwijzer.report.ReintegrationReport;
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
 * Ziek uit dienst over HTTP (domain reference §3.6): the werkgever's task for the ziek-uit-dienstmelding is due on
 * the last working day; after the contract's last day the case closes as ziekUitDienst with the handover to UWV in
 * the dossier, and the re-integratieverslag asks for the parts the sickness length on that day needs (4, 8 and 20
 * weeks); changing the date is a recorded decision that moves the timer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContractEndIT {

    /** Monday 5 January 2026: day 28 = Sunday 1 February, day 56 = Sunday 1 March, day 140 = Sunday 24 May. */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

    @LocalServerPort int port;
    @Autowired ObjectMapper objectMapper;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    @Autowired CaseFileRepository caseFiles;
    @Autowired ReintegrationReports reports;
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

    /** Reports tim sick with a contract that ends on {@code contractEnd} and plays the case until {@code until}. */
    private String reportWithContractEnd(LocalDate contractEnd, LocalDate until) throws Exception {
        onDay(FIRST_SICK_DAY);
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s", "contractEndDate": "%s",
                 "details": %s}"""
                .formatted(FIRST_SICK_DAY, contractEnd, ApiCases.DETAILS), "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = objectMapper.readTree(opened.body()).path("caseId").asText();
        play(caseId, until);
        return caseId;
    }

    private void play(String caseId, LocalDate until) {
        new CasePlayer(engine, caseId).playUntil(until.atTime(9, 0).atZone(ApiCases.AMSTERDAM).toInstant(),
                SimulatedAnswers::onTime, 0);
    }

    private HttpResponse<String> changeContractEnd(String caseId, String json, String user) {
        return http.send(http.request("/api/cases/" + caseId + "/contract-end")
                .header("Content-Type", "application/json")
                .header("Authorization", HttpTestClient.basic(user, user))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private void assertRefused(HttpResponse<String> response, int status, String field, String rule)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).contains(rule);
    }

    private List<DossierEntry> entries(String caseId, DossierEntryType type) {
        return dossier.findByCase(caseId).stream().filter(entry -> entry.type() == type).toList();
    }

    /** Closes the case on the day after the contract's last day and returns its re-integratieverslag. */
    private ReintegrationReport endedAfter(int sickWeeks) throws Exception {
        LocalDate lastDay = day(sickWeeks * 7);
        String caseId = reportWithContractEnd(lastDay, lastDay);
        assertThat(new CasePlayer(engine, caseId).isEnded()).as("runs through its last day").isFalse();
        play(caseId, lastDay.plusDays(1));

        JsonNode closed = objectMapper.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closedReason").asText()).isEqualTo("ziekUitDienst");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).count()).isZero();
        Map<String, Object> handover = entries(caseId, DossierEntryType.HANDOVER_TO_UWV).get(0).content();
        assertThat(handover).containsEntry("contractEinddatum", lastDay.toString())
                .containsEntry("ziektedagen", sickWeeks * 7).containsEntry("ziekUitDienstmeldingGedaan", true);
        assertThat(entries(caseId, DossierEntryType.CASE_CLOSED).get(0).content())
                .containsEntry("afsluitreden", "ziekUitDienst");
        String html = http.get("/api/cases/" + caseId + "/reintegration-report", "anna", "anna").body();
        assertThat(html).contains("Zaak beëindigd: ziek uit dienst").as("the kind of verslag in Dutch")
                .contains(Map.of("GEEN", "Niet nodig (alleen de ziek-uit-dienstmelding)",
                        "VERKORT", "Verkort re-integratieverslag", "VOLLEDIG", "Volledig re-integratieverslag")
                        .get(handover.get("reintegratieverslag").toString()));
        return reports.compile(caseFiles.find(caseId).orElseThrow());
    }

    private static Map<String, Boolean> required(ReintegrationReport report) {
        return report.parts().stream().collect(Collectors.toMap(Part::key, Part::required));
    }

    @Test
    void sickFourWeeksOnTheLastDayHandsOverOnlyTheZiekUitDienstmelding() throws Exception {
        ReintegrationReport riv = endedAfter(4);

        assertThat(riv.ending().riv()).isEqualTo("GEEN");
        assertThat(riv.ending().reason()).isEqualTo("ziekUitDienst");
        assertThat(riv.ending().lastWorkingDay()).as("Sunday 1 February: Friday 30 January").isEqualTo(day(26));
        assertThat(required(riv)).doesNotContainValue(true);
        assertThat(riv.completeness().complete()).isTrue();
    }

    @Test
    void sickEightWeeksOnTheLastDayHandsOverTheShortRiv() throws Exception {
        ReintegrationReport riv = endedAfter(8);

        assertThat(riv.ending().riv()).isEqualTo("VERKORT");
        assertThat(required(riv)).containsEntry("PROBLEEMANALYSE", true).containsEntry("PLAN_VAN_AANPAK", true)
                .containsEntry("EVALUATIES", false).containsEntry("EINDEVALUATIE", false)
                .containsEntry("EERSTEJAARSEVALUATIE", false);
        assertThat(riv.completeness().complete()).as(riv.completeness().toString()).isTrue();
    }

    @Test
    void sickTwentyWeeksOnTheLastDayHandsOverTheFullRivWithTheEindevaluatie() throws Exception {
        ReintegrationReport riv = endedAfter(20);

        assertThat(riv.ending().riv()).isEqualTo("VOLLEDIG");
        assertThat(required(riv)).containsEntry("PROBLEEMANALYSE", true).containsEntry("PLAN_VAN_AANPAK", true)
                .containsEntry("EVALUATIES", true).containsEntry("EINDEVALUATIE", true)
                .containsEntry("EERSTEJAARSEVALUATIE", false).containsEntry("VISIE_WERKNEMER", false);
        Part eindevaluatie = riv.parts().stream().filter(part -> part.key().equals("EINDEVALUATIE")).findFirst()
                .orElseThrow();
        assertThat(eindevaluatie.dueDate()).as("by the last day of employment").isEqualTo(day(140));
        assertThat(eindevaluatie.status()).as("held in the tasks the contract's end brought, two weeks ahead")
                .isEqualTo(ReintegrationReport.Status.AANWEZIG);
        assertThat(eindevaluatie.documents()).extracting(ReintegrationReport.Document::role)
                .containsExactly("werkgever", "werknemer");
        assertThat(eindevaluatie.documents()).allSatisfy(document -> assertThat(document.date())
                .isBetween(day(140).minusDays(16), day(140)));
        assertThat(riv.completeness().findings()).extracting(ReintegrationReport.Finding::part)
                .doesNotContain("EINDEVALUATIE");
    }

    @Test
    void theWerkgeverGetsTheZiekUitDienstmeldingTaskDueOnTheLastWorkingDay() throws Exception {
        // Day 56 is Sunday 1 March 2026: the last working day is Friday 27 February (day 54); the task comes on day 40.
        String caseId = reportWithContractEnd(day(56), day(39));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("ziekUitDienstmeldingDoen").count()).isZero();
        onDay(day(40));
        new CasePlayer(engine, caseId).fireDueTimers();
        Task melding = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("ziekUitDienstmeldingDoen").singleResult();
        assertThat(melding.getName()).isEqualTo("Ziek-uit-dienstmelding doen");
        assertThat(melding.getDueDate()).isEqualTo(endOf(day(54)));
        assertThat(cases.timer(caseId, "laatsteDagDienstverbandVoorbij")).isEqualTo(endOf(day(56)));
    }

    @Test
    void changingTheDateIsARecordedDecisionThatMovesTheTimer() throws Exception {
        String caseId = reportWithContractEnd(day(100), day(60));
        assertThat(cases.timer(caseId, "laatsteDagDienstverbandVoorbij")).isEqualTo(endOf(day(100)));

        assertRefused(changeContractEnd(caseId, """
                {"contractEndDate": "%s"}""".formatted(day(150)), "anna"), 400, "reason", "recorded decision");
        assertRefused(changeContractEnd(caseId, """
                {"contractEndDate": "2025-12-31", "reason": "fout"}""", "anna"), 400, "contractEndDate",
                "first sick day");
        assertRefused(changeContractEnd(caseId, """
                {"contractEndDate": "%s", "reason": "zelfde"}""".formatted(day(100)), "anna"), 400,
                "contractEndDate", "already");
        assertRefused(changeContractEnd(caseId, """
                {"contractEndDate": "%s", "reason": "Contract verlengd"}""".formatted(day(150)), "eva"), 403,
                "caseId", "werkgever");

        HttpResponse<String> changed = changeContractEnd(caseId, """
                {"contractEndDate": "%s", "reason": "Contract verlengd tot eind mei"}""".formatted(day(150)),
                "anna");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(cases.timer(caseId, "laatsteDagDienstverbandVoorbij")).isEqualTo(endOf(day(150)));
        DossierEntry decision = entries(caseId, DossierEntryType.CONTRACT_END_CHANGED).get(0);
        assertThat(decision.recordedBy()).isEqualTo("anna");
        assertThat(decision.content()).containsEntry("vorigeEinddatum", day(100).toString())
                .containsEntry("contractEinddatum", day(150).toString())
                .containsEntry("reden", "Contract verlengd tot eind mei");

        play(caseId, day(101));
        assertThat(new CasePlayer(engine, caseId).isEnded()).as("the old date no longer ends the case").isFalse();
        play(caseId, day(151));
        assertThat(caseFiles.find(caseId).orElseThrow().closedReason()).isEqualTo("ziekUitDienst");
    }

    @Test
    void aContractThatNoLongerEndsStopsTheTimer() throws Exception {
        String caseId = reportWithContractEnd(day(100), day(60));

        HttpResponse<String> changed = changeContractEnd(caseId, """
                {"contractEndDate": null, "reason": "Vast contract gekregen"}""", "anna");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(cases.timer(caseId, "laatsteDagDienstverbandVoorbij")).isNull();
        assertThat(entries(caseId, DossierEntryType.CONTRACT_END_CHANGED).get(0).subject())
                .contains("contract loopt door");
        play(caseId, day(120));
        assertThat(caseFiles.find(caseId).orElseThrow().status()).isEqualTo("OPEN");
    }
}
