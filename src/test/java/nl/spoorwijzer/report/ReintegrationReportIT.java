package nl.spoorwijzer.report;

import nl.spoorwijzer.process.ProcessVariables;
import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The re-integratieverslag as HTML and PDF, and the completeness check that the case and the RIV task show. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReintegrationReportIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    static final String[] REQUIRED_SECTIONS = {"Probleemanalyse en bijstellingen", "Plan van aanpak en bijstellingen",
            "Periodieke evaluaties", "Eerstejaarsevaluatie", "Actueel oordeel van de bedrijfsarts",
            "Eindevaluatie plan van aanpak", "Visie van de werknemer op de re-integratie"};

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

    private String casePlayedUntil(int lastDay, int lateByDays) {
        return cases.reportAndPlay(FIRST_SICK_DAY, day(lastDay), SimulatedAnswers::onTime, lateByDays,
                ApiCases.DETAILS);
    }

    private JsonNode completeness(String caseId) throws Exception {
        HttpResponse<String> response = http.get("/api/cases/" + caseId + "/reintegration-report/completeness",
                "anna", "anna");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return objectMapper.readTree(response.body());
    }

    private String rivTaskVariable(String caseId) {
        HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceIdIn(engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId).processDefinitionKey("poortwachter").singleResult().getId())
                .variableName(ProcessVariables.RIV_VOLLEDIGHEID).singleResult();
        return variable == null ? null : (String) variable.getValue();
    }

    @Test
    void aCaseDoneOnTimeHasACompleteReportAsHtmlAndPdf() throws Exception {
        String caseId = casePlayedUntil(660, 0);

        assertThat(completeness(caseId).path("complete").asBoolean()).isTrue();
        assertThat(rivTaskVariable(caseId)).startsWith("Alle verplichte onderdelen die nu nodig zijn, zijn aanwezig");

        HttpResponse<String> html = http.send(http.request("/api/cases/" + caseId + "/reintegration-report")
                .header("Authorization", HttpTestClient.basic("anna", "anna")).header("Accept", "text/html").GET()
                .build());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(html.body()).contains(REQUIRED_SECTIONS).contains("Spoor 2: rapportages van het re-integratiebureau");
        assertThat(section(html.body(), "Eerstejaarsevaluatie"))
                .as("the employer's view and the employee's own view, each signed by its author and role")
                .contains("Eerstejaarsevaluatie houden", "(werkgever)", "Visie van de werkgever")
                .contains("Eigen visie op de eerstejaarsevaluatie geven", "(werknemer)",
                        "Uw eigen visie op de eerstejaarsevaluatie", "Ik sta open voor ander werk.");
        assertThat(section(html.body(), "Periodieke evaluaties"))
                .contains("Voortgang evalueren", "(werkgever)", "Eigen visie op de voortgang geven", "(werknemer)",
                        "Uw eigen visie op de voortgang");
        assertThat(section(html.body(), "Eindevaluatie plan van aanpak"))
                .contains("Eindevaluatie houden", "(werkgever)", "Visie van de werkgever")
                .contains("Eigen visie op de eindevaluatie geven", "(werknemer)", "Uw eigen visie op de eindevaluatie");
        assertReadableForAnAssessor(html.body());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "re-integratieverslag.html"), html.body()); // for src/docs' picture
        HttpResponse<String> withoutAccept = http.get("/api/cases/" + caseId + "/reintegration-report", "anna", "anna");
        assertThat(withoutAccept.headers().firstValue("Content-Type")).as("HTML unless PDF is asked for")
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));

        HttpResponse<byte[]> pdf = http.client().send(http.request("/api/cases/" + caseId
                        + "/reintegration-report").header("Authorization", HttpTestClient.basic("anna", "anna"))
                .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Re-integratieverslag", caseId, "Volledigheid").contains(REQUIRED_SECTIONS);
            assertThat(text).contains("Ik heb me volledig ingezet."); // the employee's own view
            assertThat(text).contains("Voortgangsrapportage opstellen"); // the bureau's reports as sections
        }
    }

    /** Labels from the forms, Dutch values, names instead of ids, milestones in the law's order: nothing raw. */
    private static void assertReadableForAnAssessor(String html) {
        String text = visibleText(html);
        assertThat(text).as("the parties by name").contains("Tim Vermeulen", "Acme Bouw", "Eva de Vries");
        assertThat(text).doesNotContain(" tim ", "acme-bouw ");
        assertThat(text).as("art. 6 lid 1 a-d in order").containsSubsequence(
                "a. Administratieve gegevens van werknemer, werkgever en arbodienst", "Loonheffingennummer",
                "123456789L01", "b. Aard van het bedrijf", "c. Functie van de werknemer", "Timmerman",
                "38 uur per week", "d. Opleiding, werkervaring en vaardigheden", "MBO 3 Timmeren",
                "Feitelijk gewerkte uren", "Wettelijke termijnen", "Probleemanalyse en bijstellingen");
        assertThat(text).as("dates dd-mm-jjjj").contains("Geboortedatum werknemer 12-06-1984")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(text).as("milestones in the law's order with their state").containsSubsequence(
                "Ziekmelding aan bedrijfsarts", "Probleemanalyse", "Gedaan, op tijd",
                "Plan van aanpak", "Ziekmelding bij UWV (42e week)", "Eerstejaarsevaluatie", "Uiterste start spoor 2",
                "Eindevaluatie en actueel oordeel", "WIA-aanvraag en re-integratieverslag", "Einde wachttijd");
        assertThat(text).as("a radio by its option label, a checkbox as Ja/Nee, each under the form's label")
                .contains("Is er sprake van dreigend langdurig verzuim? Ja")
                .contains("Terugkeer in het eigen werk is twijfelachtig (arbeidsdeskundig onderzoek aanbevolen) Nee")
                .as("a select by its option label").contains("Prognose Herstel duurt langer dan 3 maanden");
        assertThat(text).as("no variable name").doesNotContainPattern("\\b[a-z]+[A-Z][a-zA-Z]*\\b")
                .as("no enum constant").doesNotContainPattern("[A-Z]{3,}_[A-Z]+")
                .as("no raw boolean").doesNotContainPattern("\\b(true|false)\\b");
    }

    static final String DATE_42 = "15-02-2026"; // day 42 of a sickness from 5 January 2026

    /** What a reader sees: the HTML without its style, comments and tags. */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    /** The HTML of one part of the report: from its heading to the next part's. */
    private static String section(String html, String title) {
        int start = html.indexOf(">" + title + "</h2>");
        assertThat(start).as("part %s", title).isNotNegative();
        int end = html.indexOf("<h2", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void lateStepsAreWhatUwvWouldSanctionAndTheCasePageShowsThem() throws Exception {
        String caseId = casePlayedUntil(100, 3);

        JsonNode check = completeness(caseId);
        assertThat(check.path("complete").asBoolean()).isFalse();
        assertThat(check.path("findings")).extracting(finding -> finding.path("part").asText())
                .contains("PROBLEEMANALYSE", "PLAN_VAN_AANPAK");
        assertThat(check.path("findings")).allSatisfy(finding ->
                assertThat(finding.path("status").asText()).isEqualTo("TE_LAAT"));
        assertThat(check.path("findings").get(0).path("dueDate").asText()).isEqualTo(day(42).toString());

        JsonNode casePage = objectMapper.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(casePage.path("reintegrationReport").path("complete").asBoolean()).isFalse();
        assertThat(casePage.path("reintegrationReport").path("findings")).hasSize(check.path("findings").size());
    }

    @Test
    void aPartIsMissingOnlyOnceItsDateHasPassed() throws Exception {
        String caseId = casePlayedUntil(30, 0); // probleemanalyse and plan van aanpak made on time
        assertThat(completeness(caseId).path("complete").asBoolean()).as("nothing is due yet").isTrue();

        // Nobody plays on: 42 days after the last evaluation, the next one is overdue.
        onDay(day(200));
        JsonNode check = completeness(caseId);
        assertThat(check.path("complete").asBoolean()).isFalse();
        assertThat(check.path("findings")).extracting(finding -> finding.path("part").asText())
                .containsExactly("EVALUATIES");
        LocalDate lastEvaluation = dossier.findByCase(caseId).stream()
                .filter(entry -> "voortgangEvalueren".equals(entry.elementId()))
                .map(entry -> entry.recordedAt().atZoneSameInstant(ApiCases.AMSTERDAM).toLocalDate()).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(check.path("findings").get(0).path("dueDate").asText())
                .as("at most 42 days after the last evaluation").isEqualTo(lastEvaluation.plusDays(42).toString());
    }

    @Test
    void onlyThoseWhoMaySeeTheCaseGetItsReport() throws Exception {
        String caseId = casePlayedUntil(10, 0);
        assertThat(http.get("/api/cases/" + caseId + "/reintegration-report/completeness", "daan", "daan")
                .statusCode()).isEqualTo(404);
        assertThat(http.get("/api/cases/" + caseId + "/reintegration-report/completeness", "tim", "tim")
                .statusCode()).as("the employee sees his own report").isEqualTo(200);
        assertThat(http.get("/api/cases/" + caseId + "/reintegration-report", "daan", "daan").statusCode())
                .isEqualTo(404);
    }
}
