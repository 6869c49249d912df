package nl.spoorwijzer.employment;

import static nl.spoorwijzer.support.ApiCases.endOf;
import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spoorwijzer.casefile.CaseFileRepository;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The vaststellingsovereenkomst over HTTP (seed 004): the werkgever records the agreement both signed; the
 * employment ends on the agreed day through the case's own end of employment (ziek-uit-dienstmelding, handover to
 * UWV), the case closes with the reason {@code vaststellingsovereenkomst} and its date, the re-integratieverslag says
 * so in Dutch and the dashboard counts the case under that reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // Spring Boot switches metrics export off in tests unless asked
class SettlementIT {

    /** Monday 5 January 2026: day 70 = Sunday 15 March 2026. */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
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

    private HttpResponse<String> settle(String caseId, String body, String user) {
        return http.post("/api/cases/" + caseId + "/settlement", body, user, user);
    }

    private void assertRefused(HttpResponse<String> response, int status, String... fields) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        List<String> named = new ArrayList<>();
        json.readTree(response.body()).path("violations").forEach(v -> named.add(v.path("field").asText()));
        assertThat(named).as(response.body()).containsExactlyInAnyOrder(fields);
    }

    private double closedByReason(String reason) {
        String scrape = http.get("/actuator/prometheus").body();
        Matcher matcher = Pattern.compile("(?m)^spoorwijzer_cases_closed\\{[^}]*reason=\"" + reason
                + "\"[^}]*} ([0-9.E+-]+)$").matcher(scrape);
        assertThat(matcher.find()).as("spoorwijzer_cases_closed{reason=%s} in the scrape: %s", reason,
                scrape.lines().filter(line -> line.startsWith("spoorwijzer")).toList()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private List<DossierEntry> entries(String caseId, DossierEntryType type) {
        return dossier.findByCase(caseId).stream().filter(entry -> entry.type() == type).toList();
    }

    @Test
    @DisplayName("seed 004: \"Soms wordt een beëindiging met een vaststellingsovereenkomst voorgesteld\" — the case"
            + " ends with that reason and its date, the RIV says so and the dashboard groups it")
    void aVaststellingsovereenkomstClosesTheCaseWithItsReasonAndDate() throws Exception {
        String caseId = cases.reportAndPlay(FIRST_SICK_DAY, day(60), SimulatedAnswers::onTime, 0, ApiCases.DETAILS);
        double closedBefore = closedByReason("vaststellingsovereenkomst");
        double ziekUitDienstBefore = closedByReason("ziekUitDienst");

        assertRefused(settle(caseId, "{}", "anna"), 400, "signedOn", "employmentEndDate", "explanation");
        assertRefused(settle(caseId, """
                {"signedOn": "%s", "employmentEndDate": "%s", "explanation": "Afspraak"}"""
                .formatted(day(61), day(70)), "anna"), 400, "signedOn");
        assertRefused(settle(caseId, """
                {"signedOn": "%s", "employmentEndDate": "%s", "explanation": "Afspraak"}"""
                .formatted(day(60), day(59)), "anna"), 400, "employmentEndDate");
        assertRefused(settle(caseId, """
                {"signedOn": "%s", "employmentEndDate": "%s", "explanation": "Afspraak"}"""
                .formatted(day(60), day(729)), "anna"), 400, "employmentEndDate"); // the waiting period ends on day 728
        String agreement = """
                {"signedOn": "%s", "employmentEndDate": "%s",
                 "explanation": "Beëindiging met wederzijds goedvinden; transitievergoeding"}"""
                .formatted(day(60), day(70));
        assertRefused(settle(caseId, agreement, "tim"), 403, "caseId");
        assertThat(settle(caseId, agreement, "daan").statusCode()).isEqualTo(404);
        assertThat(entries(caseId, DossierEntryType.SETTLEMENT_AGREEMENT)).as("nothing half-written").isEmpty();

        HttpResponse<String> settled = settle(caseId, agreement, "anna");

        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
        DossierEntry decision = entries(caseId, DossierEntryType.SETTLEMENT_AGREEMENT).get(0);
        assertThat(decision.recordedBy()).isEqualTo("anna");
        assertThat(decision.content()).containsEntry("vsoOndertekendOp", day(60).toString())
                .containsEntry("contractEinddatum", day(70).toString());
        assertThat(cases.timer(caseId, "laatsteDagDienstverbandVoorbij")).as("the contract ends on the agreed day")
                .isEqualTo(endOf(day(70)));
        HttpResponse<String> contractEnd = http.send(http.request("/api/cases/" + caseId + "/contract-end")
                .header("Content-Type", "application/json").header("Authorization", HttpTestClient.basic("anna", "anna"))
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"contractEndDate": "%s", "reason": "Contract verlengd"}""".formatted(day(150)))).build());
        assertRefused(contractEnd, 409, "caseId");

        new CasePlayer(engine, caseId).playUntil(day(71).atTime(9, 0).atZone(ApiCases.AMSTERDAM).toInstant(),
                SimulatedAnswers::onTime, 0);

        JsonNode closed = json.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closedReason").asText()).isEqualTo("vaststellingsovereenkomst");
        assertThat(entries(caseId, DossierEntryType.CASE_CLOSED).get(0).content())
                .containsEntry("afsluitreden", "vaststellingsovereenkomst")
                .containsEntry("contractEinddatum", day(70).toString());
        assertThat(entries(caseId, DossierEntryType.HANDOVER_TO_UWV).get(0).content())
                .as("the ziek-uit-dienstmelding still goes to UWV").containsEntry("ziekUitDienstmeldingGedaan", true);

        onDay(day(72));
        String html = http.get("/api/cases/" + caseId + "/reintegration-report", "anna", "anna").body();
        assertThat(html).contains("Zaak beëindigd: vaststellingsovereenkomst", "Einde zaak", "Datum einde",
                "Vaststellingsovereenkomst ondertekend op", DUTCH_DATE.format(day(70)), DUTCH_DATE.format(day(60)));

        assertThat(closedByReason("vaststellingsovereenkomst")).as("the dashboard groups by end reason")
                .isEqualTo(closedBefore + 1);
        assertThat(closedByReason("ziekUitDienst")).isEqualTo(ziekUitDienstBefore);
    }
}
