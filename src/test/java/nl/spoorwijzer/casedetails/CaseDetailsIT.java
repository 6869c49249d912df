package nl.spoorwijzer.casedetails;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
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
 * The case's data for the re-integratieverslag (art. 6 lid 1 a-d, art. 3): the werkgever of the case records them,
 * every party of the case reads them, nobody else; every broken rule is named; each change is in the dossier; the
 * completeness check names what is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseDetailsIT {

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
        cases.deleteAll("poortwachter");
    }

    private HttpResponse<String> put(String caseId, String body, String user) {
        return http.send(http.request("/api/cases/" + caseId + "/details")
                .header("Authorization", HttpTestClient.basic(user, user)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private JsonNode read(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    private String newCase(String details) {
        return cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(9), SimulatedAnswers::onTime, 0, details);
    }

    private List<DossierEntry> changes(String caseId) {
        return dossier.findByCase(caseId).stream()
                .filter(entry -> entry.type() == DossierEntryType.CASE_DETAILS_CHANGED).toList();
    }

    @Test
    void missingDetailsAreWhatUwvWouldSanctionOnceTheVerslagIsDue() throws Exception {
        String caseId = newCase(null);
        JsonNode timeline = read(http.get("/api/cases/" + caseId + "/timeline", "anna", "anna"));
        ApiCases.onDay(LocalDate.parse(timeline.path("wia-aanvraag").asText()).plusDays(1));
        JsonNode check = read(http.get("/api/cases/" + caseId + "/reintegration-report/completeness", "anna", "anna"));
        assertThat(check.path("complete").asBoolean()).isFalse();
        // (b) may come from the employer's earlier cases; the employee's own data never does.
        assertThat(check.path("findings")).filteredOn(finding -> finding.path("dueDate").asText()
                        .equals(timeline.path("wia-aanvraag").asText()))
                .extracting(finding -> finding.path("part").asText())
                .contains("ADMINISTRATIEVE_GEGEVENS", "FUNCTIE", "VAARDIGHEDEN");
    }

    @Test
    void theWerkgeverRecordsTheDetailsAndEachChangeIsInTheDossier() throws Exception {
        String caseId = newCase(null);
        JsonNode before = read(http.get("/api/cases/" + caseId + "/details", "anna", "anna"));
        assertThat(before.path("employeeName").asText()).isEqualTo("Tim Vermeulen");
        assertThat(before.path("employerName").asText()).isEqualTo("Acme Bouw B.V.");
        assertThat(before.path("missing")).extracting(missing -> missing.path("field").asText())
                .contains("employee.dateOfBirth", "function.title", "skills.education");
        assertThat(before.path("labels").path("function.description").asText())
                .isEqualTo("Omschrijving van het werk (geen medische gegevens)");
        JsonNode check = read(http.get("/api/cases/" + caseId + "/reintegration-report/completeness", "anna", "anna"));
        assertThat(check.path("complete").asBoolean()).as("due with the verslag, not on day 10").isTrue();

        HttpResponse<String> recorded = put(caseId, ApiCases.DETAILS, "anna");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        JsonNode after = read(recorded);
        assertThat(after.path("recorded").asBoolean()).isTrue();
        assertThat(after.path("updatedBy").asText()).isEqualTo("anna");
        assertThat(after.path("missing")).isEmpty();
        assertThat(after.path("details").path("employer").path("postalCode").asText()).as("normalised")
                .isEqualTo("3511 AB");
        assertThat(read(http.get("/api/cases/" + caseId + "/reintegration-report/completeness", "anna", "anna"))
                .path("complete").asBoolean()).isTrue();

        String changed = ApiCases.DETAILS.replace("\"Timmerman\"", "\"Uitvoerder\"")
                .replace("\"contractHoursPerWeek\": 38", "\"contractHoursPerWeek\": 32");
        assertThat(put(caseId, changed, "anna").statusCode()).isEqualTo(200);
        assertThat(put(caseId, changed, "anna").statusCode()).as("the same again changes nothing").isEqualTo(200);

        List<DossierEntry> entries = changes(caseId);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).subject()).isEqualTo("Gegevens voor het re-integratieverslag vastgelegd");
        assertThat(entries.get(1).recordedBy()).isEqualTo("anna");
        assertThat(entries.get(1).subject())
                .isEqualTo("Gegevens voor het re-integratieverslag gewijzigd: Functie, Contracturen per week");
        assertThat(entries.get(1).content().get("wijzigingen").toString())
                .contains("veld=function.title", "was=Timmerman", "wordt=Uitvoerder", "was=38", "wordt=32");
    }

    @Test
    void onlyTheWerkgeverOfTheCaseOrTheAdministratorChangesThem() throws Exception {
        String caseId = newCase(null);
        assertThat(put(caseId, ApiCases.DETAILS, "daan").statusCode()).as("another employer's werkgever")
                .isEqualTo(404);
        for (String user : List.of("tim", "eva", "ivo")) {
            assertThat(put(caseId, ApiCases.DETAILS, user).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(put(caseId, ApiCases.DETAILS, "hanna").statusCode()).as("procesbeheerder").isIn(403, 404);
        assertThat(changes(caseId)).isEmpty();
        assertThat(put(caseId, ApiCases.DETAILS, "demo").statusCode()).as("admin").isEqualTo(200);
    }

    @Test
    void thePartiesReadThemAndManagementDoesNot() {
        String caseId = newCase(ApiCases.DETAILS);
        assertThat(http.get("/api/cases/" + caseId + "/details", "tim", "tim").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/cases/" + caseId + "/details", "eva", "eva").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/cases/" + caseId + "/details", "ivo", "ivo").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/cases/" + caseId + "/details", "daan", "daan").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/cases/" + caseId + "/details", "hanna", "hanna").statusCode()).isEqualTo(404);
    }

    @Test
    void detailsGivenAtIntakeAreRecordedAndPrefillTheEmployersNextCase() throws Exception {
        String caseId = newCase(ApiCases.DETAILS);
        assertThat(changes(caseId)).singleElement().satisfies(entry ->
                assertThat(entry.recordedBy()).isEqualTo("anna"));
        assertThat(read(http.get("/api/cases/" + caseId + "/details", "anna", "anna")).path("missing")).isEmpty();
        cases.deleteAll("poortwachter");

        String next = newCase(null);
        JsonNode prefilled = read(http.get("/api/cases/" + next + "/details", "anna", "anna"));
        assertThat(prefilled.path("recorded").asBoolean()).isFalse();
        assertThat(prefilled.path("details").path("employer").path("payrollTaxNumber").asText())
                .isEqualTo("123456789L01");
        assertThat(prefilled.path("details").path("occupationalHealth").path("bedrijfsarts").asText())
                .isEqualTo("Eva de Vries");
        assertThat(prefilled.path("details").path("function").isMissingNode()).as("the person's own data is not shared")
                .isTrue();
    }

    @Test
    void everyBrokenRuleIsNamed() throws Exception {
        String caseId = newCase(null);
        HttpResponse<String> refused = put(caseId, """
                {"employee": {"dateOfBirth": "2020-01-01"},
                 "employer": {"kvkNumber": "1234", "payrollTaxNumber": "123456789", "postalCode": "AB 1234",
                              "natureOfBusiness": "%s"},
                 "function": {"contractHoursPerWeek": 81},
                 "hoursWorked": [{"from": "2025-12-01", "hoursPerWeek": 8},
                                 {"from": "2026-01-05", "to": "2026-01-01", "hoursPerWeek": -1}]}"""
                .formatted("x".repeat(1001)), "anna");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("employee.dateOfBirth", "employer.kvkNumber", "8 digits",
                "employer.payrollTaxNumber", "employer.postalCode", "employer.natureOfBusiness", "1000 characters",
                "function.contractHoursPerWeek", "0 to 80", "hoursWorked[0].from", "hoursWorked[1].to",
                "hoursWorked[1].hoursPerWeek");
        HttpResponse<String> badDate = put(caseId, "{\"function\": {\"employedSince\": \"01-03-2015\"}}", "anna");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("function.employedSince", "ISO format");
        assertThat(changes(caseId)).as("nothing stored").isEmpty();

        cases.deleteAll("poortwachter");
        ApiCases.onDay(FIRST_SICK_DAY);
        HttpResponse<String> atIntake = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s",
                 "details": {"employer": {"kvkNumber": "abc"}}}""".formatted(FIRST_SICK_DAY),
                "anna", "anna");
        assertThat(atIntake.statusCode()).as(atIntake.body()).isEqualTo(400);
        assertThat(atIntake.body()).contains("employer.kvkNumber");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .count()).as("no case opened").isZero();
    }
}
