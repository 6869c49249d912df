package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
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
 * The case screen in headless Chromium, per role, behind the Tasklist login: the werkgever finds a case by the
 * employee's name and records a hersteldmelding, the bedrijfsarts sees tasks and timeline but no werkgever action,
 * the werknemer sees his own case and nothing of another. Screenshots of the werkgever's and werknemer's screens are
 * kept as README pictures in src/docs/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseScreenBrowserIT {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired DossierRepository dossier;
    private HttpTestClient http;
    private TasklistBrowser browser;
    private String bramsCase;
    private String pietsCase;
    private final LocalDate today = LocalDate.now(ApiCases.AMSTERDAM);

    @BeforeEach
    void openCases() throws IOException {
        http = new HttpTestClient(port);
        bramsCase = report("bram", today.minusDays(20));
        pietsCase = report("piet", today.minusDays(40));
    }

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.close();
        }
        engine.getRuntimeService().createProcessInstanceQuery().list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
        // Without their history the cases leave every list, so the next test's werknemer has one case again.
        for (String caseId : new String[] {bramsCase, pietsCase}) {
            engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list()
                    .forEach(p -> engine.getHistoryService().deleteHistoricProcessInstanceIfExists(p.getId()));
        }
    }

    @Test
    void theWerkgeverFindsTheCaseByNameAndRecordsAHersteldmelding() throws Exception {
        browser = logIn("anna");
        WebDriver page = browser.driver();
        page.get(base() + "/zaken");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.cases")));
        page.findElement(By.id("zoek")).sendKeys("Bram");
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("table.cases tbody tr")).stream()
                .allMatch(row -> row.getText().startsWith("Bram Bakker")));
        browser.click(page.findElement(By.cssSelector("table.cases a[href='/zaken/" + bramsCase + "']")));

        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Bram Bakker"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier")));
        assertThat(page.findElement(By.id("overzicht")).getText()).contains("Lopend",
                today.minusDays(20).format(DUTCH), "Ziekteweek\n3");
        assertThat(page.findElement(By.id("taken")).getText()).contains("Werkgever");
        assertThat(page.findElements(By.cssSelector("#taken a[href*='/camunda/app/tasklist/default/#/?task=']")))
                .isNotEmpty();

        browser.click(page.findElement(By.cssSelector("#actie-herstel summary")));
        LocalDate recovered = today.minusDays(1);
        page.findElement(By.id("herstel-datum")).sendKeys(recovered.format(DUTCH));
        browser.click(page.findElement(By.cssSelector("#form-herstel button[type=submit]")));

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst")));
        assertThat(page.findElement(By.id("uitkomst")).getText()).contains("Vastgelegd",
                "28 dagen in de herstelperiode", recovered.plusDays(28).format(DUTCH));
        assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Hersteld (herstelperiode)");
        screenshot("zaakscherm-werkgever");

        JsonNode stored = json.readTree(http.get("/api/cases/" + bramsCase, "anna", "anna").body());
        assertThat(stored.path("status").asText()).isEqualTo("RECOVERED");
        assertThat(stored.path("recoveredOn").asText()).isEqualTo(recovered.toString());
        assertThat(dossier.findByCase(bramsCase)).anyMatch(entry -> entry.type() == DossierEntryType.RECOVERY
                && "anna".equals(entry.recordedBy()));
    }

    @Test
    void aRefusedHersteldmeldingIsShownAtItsField() {
        browser = logIn("anna");
        browser.driver().get(base() + "/zaken/" + bramsCase);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("actie-herstel")));
        browser.click(browser.driver().findElement(By.cssSelector("#actie-herstel summary")));
        browser.driver().findElement(By.id("herstel-datum")).sendKeys(today.plusDays(5).format(DUTCH));
        browser.click(browser.driver().findElement(By.cssSelector("#form-herstel button[type=submit]")));

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("herstel-datum-fout")));
        assertThat(browser.driver().findElement(By.id("herstel-datum")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().findElement(By.cssSelector("#form-herstel .form-error")).getText())
                .contains("Niet vastgelegd");
        assertThat(dossier.findByCase(bramsCase)).noneMatch(entry -> entry.type() == DossierEntryType.RECOVERY);
    }

    @Test
    void theBedrijfsartsSeesTasksAndTimelineButNoWerkgeverAction() {
        browser = logIn("eva");
        browser.driver().get(base() + "/zaken/" + bramsCase);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier")));

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Bram Bakker");
        assertThat(browser.driver().findElements(By.cssSelector("#taken tbody tr"))).isNotEmpty();
        assertThat(browser.driver().findElement(By.id("tijdlijn")).getText()).contains("Probleemanalyse",
                "Einde wachttijd");
        assertThat(browser.driver().findElements(By.id("actie-uwv"))).as("UWV decisions: werkgever or bedrijfsarts")
                .hasSize(1);
        assertThat(browser.driver().findElements(By.id("actie-herstel"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("actie-plaatsing"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("actie-deskundigenoordeel")))
                .as("a deskundigenoordeel is asked by werkgever or werknemer, not the bedrijfsarts").isEmpty();
    }

    @Test
    void theWerknemerSeesHisOwnCaseAndNothingOfAnother() {
        browser = logIn("bram");
        browser.driver().get(base() + "/zaken");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.cases")));
        assertThat(browser.driver().findElements(By.cssSelector("table.cases tbody th a")))
                .extracting(link -> link.getText()).containsOnly("Bram Bakker");
        assertThat(browser.driver().findElements(By.cssSelector("table.cases a[href='/zaken/" + pietsCase + "']")))
                .isEmpty();
        browser.click(browser.driver().findElement(By.cssSelector("table.cases a[href='/zaken/" + bramsCase + "']")));

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("inzage")));
        assertThat(browser.driver().findElement(By.id("taken")).getText()).contains("Open taken");
        assertThat(browser.driver().findElement(By.id("dossier")).getText()).contains("Termijnen berekend");
        assertThat(browser.driver().findElement(By.id("inzage")).getText()).contains("anna");
        assertThat(browser.driver().findElements(By.id("actie-herstel"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("actie-uwv"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("actie-deskundigenoordeel")))
                .as("seed 000: the werknemer asks UWV for a deskundigenoordeel himself").hasSize(1);
        screenshot("zaakscherm-werknemer");

        browser.driver().get(base() + "/zaken/" + pietsCase);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("geen-toegang")));
        String shown = browser.driver().findElement(By.tagName("main")).getText();
        assertThat(shown).contains("Geen toegang").doesNotContain("Piet", pietsCase.substring(0, 4) + "x");
        assertThat(browser.driver().findElements(By.id("overzicht"))).isEmpty();
    }

    private String report(String employee, LocalDate firstSickDay) throws IOException {
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "%s", "employerId": "acme-bouw", "firstSickDay": "%s"}"""
                .formatted(employee, firstSickDay), "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return json.readTree(opened.body()).path("caseId").asText();
    }

    /** Logs in to Tasklist; once more if the first Tasklist page of the JVM was too slow on a busy machine. */
    private TasklistBrowser logIn(String user) {
        return TasklistBrowser.logIn(port, user);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The whole page, kept in target/browser/ and as a README picture in src/docs/. */
    private void screenshot(String name) {
        browser.fullPageScreenshot(name);
        try {
            Files.copy(TasklistBrowser.SCREENSHOTS.resolve(name + ".png"), Path.of("src", "docs", name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
