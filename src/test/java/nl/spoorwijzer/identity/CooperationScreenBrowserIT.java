package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case screen's actions of cooperation/ and employment/ in headless Chromium: the werkgever records a measure for
 * non-cooperation and ends it when the werknemer cooperates again, and records a vaststellingsovereenkomst only after
 * confirming that it ends the case; a refused input shows its Dutch rule at its field. The werknemer sees the measure
 * in force but no form, and the API refuses him (403) and another employer's werkgever (404).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CooperationScreenBrowserIT {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String GROUND = "Niet verschenen op het gesprek met de bedrijfsarts op maandag";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired DossierRepository dossier;
    private HttpTestClient http;
    private TasklistBrowser browser;
    private String caseId;
    private LocalDate today;

    @BeforeEach
    void openCase() throws IOException {
        ClockUtil.reset(); // the screen counts with the browser's real today
        today = LocalDate.now(ApiCases.AMSTERDAM);
        http = new HttpTestClient(port);
        caseId = new ApiCases(http, json, engine).report("bram", today.minusDays(60));
    }

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.close();
        }
        new ApiCases(http, json, engine).deleteWithHistory(caseId);
    }

    @Test
    void theWerkgeverTakesAWarningAndEndsItWhenTheWerknemerCooperatesAgain() throws Exception {
        browser = logIn("anna");
        WebDriver page = open();
        browser.click(page.findElement(By.cssSelector("#actie-maatregel summary")));
        assertThat(page.findElement(By.id("form-maatregel")).getText()).contains("Geen medische gegevens",
                "schriftelijke waarschuwing");

        page.findElement(By.id("maatregel-grond")).sendKeys(GROUND);
        page.findElement(By.id("maatregel-ingang")).sendKeys(today.plusDays(40).format(DUTCH));
        submit("form-maatregel");
        assertThat(fieldError("maatregel-ingang")).as("a start too far ahead, in Dutch at its field")
                .contains("mag hoogstens 31 dagen vooruit liggen");
        page.findElement(By.id("maatregel-ingang")).clear();
        page.findElement(By.id("maatregel-ingang")).sendKeys(today.format(DUTCH));
        submit("form-maatregel");

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("uitkomst"), "Vastgelegd"));
        assertThat(page.findElement(By.id("uitkomst")).getText()).contains("Waarschuwing per " + today.format(DUTCH),
                today.plusDays(14).format(DUTCH), "herbeoordelen");
        assertThat(page.findElement(By.id("maatregelen")).getText()).contains("Waarschuwing", GROUND,
                today.format(DUTCH), today.plusDays(14).format(DUTCH));
        JsonNode measures = json.readTree(http.get("/api/cases/" + caseId + "/cooperation-measures", "anna", "anna")
                .body());
        assertThat(measures).hasSize(1);
        assertThat(measures.get(0).path("active").asBoolean()).isTrue();
        assertThat(dossier.findByCase(caseId)).anyMatch(entry -> entry.type()
                == DossierEntryType.COOPERATION_MEASURE_TAKEN && "anna".equals(entry.recordedBy()));
        screenshot("zaakscherm-maatregel");

        // a second warning while one is in force: refused (409) at the kind
        page.findElement(By.id("maatregel-grond")).sendKeys(GROUND);
        page.findElement(By.id("maatregel-ingang")).sendKeys(today.format(DUTCH));
        submit("form-maatregel");
        assertThat(fieldError("maatregel-soort")).contains("er geldt al een maatregel van deze soort");
        assertThat(page.findElement(By.cssSelector("#form-maatregel .form-error")).getText())
                .contains("Dit kan nu niet bij deze zaak");

        browser.click(page.findElement(By.cssSelector("#actie-maatregel-einde-0 summary")));
        page.findElement(By.id("maatregel-einde-0-datum")).sendKeys(today.plusDays(1).format(DUTCH));
        submit("form-maatregel-einde-0");
        assertThat(fieldError("maatregel-einde-0-datum")).contains("mag niet in de toekomst liggen");
        page.findElement(By.id("maatregel-einde-0-datum")).clear();
        page.findElement(By.id("maatregel-einde-0-datum")).sendKeys(today.format(DUTCH));
        page.findElement(By.id("maatregel-einde-0-toelichting")).sendKeys("Weer verschenen op de afspraak");
        submit("form-maatregel-einde-0");

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("uitkomst"), "beëindigd"));
        assertThat(page.findElements(By.id("maatregelen"))).as("no measure in force any more").isEmpty();
        assertThat(page.findElement(By.id("dossier")).getText()).contains("Maatregel beëindigd");
        JsonNode ended = json.readTree(http.get("/api/cases/" + caseId + "/cooperation-measures", "anna", "anna")
                .body()).get(0);
        assertThat(ended.path("active").asBoolean()).isFalse();
        assertThat(ended.path("endedOn").asText()).isEqualTo(today.toString());
    }

    @Test
    void theWerkgeverRecordsAVaststellingsovereenkomstOnlyAfterConfirmingThatTheCaseEnds() throws Exception {
        browser = logIn("anna");
        WebDriver page = open();
        browser.click(page.findElement(By.cssSelector("#actie-vso summary")));
        assertThat(page.findElement(By.cssSelector("#form-vso .warning")).getText())
                .contains("Let op: hiermee eindigt de zaak", "ziek-uit-dienstmelding");
        LocalDate lastDay = today.plusDays(30);
        page.findElement(By.id("vso-ondertekend")).sendKeys(today.format(DUTCH));
        page.findElement(By.id("vso-einde")).sendKeys(lastDay.format(DUTCH));
        page.findElement(By.id("vso-toelichting")).sendKeys("Beëindiging met wederzijds goedvinden; transitievergoeding");
        submit("form-vso");
        assertThat(fieldError("vso-bevestigd")).contains("begrijpt dat de zaak hiermee eindigt");
        assertThat(dossier.findByCase(caseId)).noneMatch(entry -> entry.type() == DossierEntryType.SETTLEMENT_AGREEMENT);

        browser.click(page.findElement(By.id("vso-bevestigd")));
        LocalDate waitingPeriodEnd = today.minusDays(60).plusDays(727);
        page.findElement(By.id("vso-einde")).clear();
        page.findElement(By.id("vso-einde")).sendKeys(waitingPeriodEnd.plusDays(1).format(DUTCH));
        submit("form-vso");
        assertThat(fieldError("vso-einde")).as("the agreed last day after the waiting period, in Dutch")
                .contains("mag niet na het einde van de wachttijd (" + waitingPeriodEnd.format(DUTCH) + ")");
        assertThat(page.findElement(By.cssSelector("#form-vso .form-error")).getText())
                .isEqualTo("Niet vastgelegd. Verbeter de gemarkeerde velden.");
        screenshot("zaakscherm-vaststellingsovereenkomst");
        page.findElement(By.id("vso-einde")).clear();
        page.findElement(By.id("vso-einde")).sendKeys(lastDay.format(DUTCH));
        submit("form-vso");

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("uitkomst"), "Vastgelegd"));
        assertThat(page.findElement(By.id("uitkomst")).getText()).contains("Het dienstverband eindigt op "
                + lastDay.format(DUTCH));
        assertThat(page.findElement(By.id("dossier")).getText()).contains("Vaststellingsovereenkomst");
        assertThat(dossier.findByCase(caseId)).filteredOn(entry -> entry.type()
                == DossierEntryType.SETTLEMENT_AGREEMENT).singleElement().satisfies(entry -> {
                    assertThat(entry.recordedBy()).isEqualTo("anna");
                    assertThat(entry.content()).containsEntry("contractEinddatum", lastDay.toString());
                });
    }

    @Test
    void theWerknemerSeesTheMeasureInForceButNoFormAndTheApiRefusesHim() throws Exception {
        HttpResponse<String> taken = http.post("/api/cases/" + caseId + "/cooperation-measures", """
                {"kind": "OPSCHORTING_LOON", "ground": "%s", "startDate": "%s"}""".formatted(GROUND, today),
                "anna", "anna");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        String measureId = json.readTree(taken.body()).path("id").asText();

        browser = logIn("bram");
        WebDriver page = open();
        assertThat(page.findElement(By.id("maatregelen")).getText()).contains("Opschorting van het loon", GROUND);
        assertThat(page.findElements(By.id("actie-maatregel"))).isEmpty();
        assertThat(page.findElements(By.id("actie-maatregel-einde-0"))).isEmpty();
        assertThat(page.findElements(By.id("actie-vso"))).isEmpty();
        screenshot("zaakscherm-maatregel-werknemer");

        String measure = """
                {"kind": "WAARSCHUWING", "ground": "%s", "startDate": "%s"}""".formatted(GROUND, today);
        String settlement = """
                {"signedOn": "%s", "employmentEndDate": "%s", "explanation": "Afspraak"}"""
                .formatted(today, today.plusDays(30));
        String end = """
                {"date": "%s"}""".formatted(today);
        String path = "/api/cases/" + caseId;
        assertThat(http.post(path + "/cooperation-measures", measure, "bram", "bram").statusCode()).isEqualTo(403);
        assertThat(http.post(path + "/cooperation-measures/" + measureId + "/end", end, "bram", "bram").statusCode())
                .isEqualTo(403);
        assertThat(http.post(path + "/settlement", settlement, "bram", "bram").statusCode()).isEqualTo(403);
        assertThat(http.post(path + "/settlement", settlement, "eva", "eva").statusCode()).as("the bedrijfsarts")
                .isEqualTo(403);
        assertThat(http.post(path + "/cooperation-measures", measure, "daan", "daan").statusCode())
                .as("another employer's werkgever does not see the case").isEqualTo(404);
        assertThat(json.readTree(http.get(path, "bram", "bram").body()).path("actions").toString())
                .doesNotContain("cooperationMeasure", "settlement");
        assertThat(json.readTree(http.get(path, "anna", "anna").body()).path("actions").toString())
                .contains("cooperationMeasure", "settlement");
    }

    private WebDriver open() {
        return browser.openCaseScreen(caseId);
    }

    private void submit(String formId) {
        browser.submitForm(formId);
    }

    /** The refusal shown at the input's field, once it is there. */
    private String fieldError(String inputId) {
        return browser.fieldError(inputId);
    }

    /** Logs in to Tasklist; once more if the first Tasklist page of the JVM was too slow on a busy machine. */
    private TasklistBrowser logIn(String user) {
        return TasklistBrowser.logIn(port, user);
    }

    /** The whole page, kept in target/browser/ (the best are copied to src/docs/ by hand). */
    private void screenshot(String name) {
        browser.fullPageScreenshot(name);
    }
}
