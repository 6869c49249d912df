package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Spoor 2 started from the case screen in headless Chromium (issue 26, seed 004: "Eerder mag dus ook"; seed 003: the
 * employer may run it himself): the werkgever starts it early and runs it himself, after a refused reason shown in
 * Dutch at its field; the bedrijfsarts records his own conclusion and the werkgever is asked to choose who runs it;
 * the werknemer is offered no start and the API refuses him. The summary says what runs since when, by whom.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Spoor2CaseScreenBrowserIT {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String REASON = "Terugkeer naar de eigen werkgever belemmert het herstel (arbeidsconflict);"
            + " het eigen werk komt niet terug.";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired DossierRepository dossier;
    private HttpTestClient http;
    private TasklistBrowser browser;
    private String caseId;
    private final LocalDate today = LocalDate.now(ApiCases.AMSTERDAM);

    @BeforeEach
    void openCase() throws IOException {
        http = new HttpTestClient(port);
        caseId = new ApiCases(http, json, engine).report("bram", today.minusWeeks(14));
    }

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.close();
        }
        new ApiCases(http, json, engine).deleteWithHistory(caseId);
    }

    @Test
    void theWerkgeverStartsSpoor2EarlyAndRunsItHimself() throws IOException {
        browser = logIn("anna");
        WebDriver page = openCaseScreen();
        browser.click(page.findElement(By.cssSelector("#actie-spoor2 summary")));
        assertThat(page.findElement(By.id("spoor2-aanleiding-vroeg")).isSelected())
                .as("no trajectory ran yet: early").isTrue();
        assertThat(page.findElement(By.id("spoor2-herstart")).isDisplayed()).isFalse();

        browser.click(page.findElement(By.id("spoor2-situatief-true")));
        new Select(page.findElement(By.id("spoor2-conclusie"))).selectByValue("bedrijfsarts");
        page.findElement(By.id("spoor2-reden")).sendKeys("Conflict");
        browser.click(page.findElement(By.id("spoor2-uitvoerder-werkgever")));
        assertThat(page.findElement(By.id("spoor2-bureau")).isDisplayed()).as("no bureau when he runs it").isFalse();
        submit(page);

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("spoor2-reden-fout")));
        assertThat(page.findElement(By.id("spoor2-reden-fout")).getText())
                .isEqualTo("moet 10 tot 4000 tekens lang zijn, in functionele termen (geen diagnose, klachten of"
                        + " behandeling)");
        assertThat(page.findElement(By.id("spoor2-reden")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.findElement(By.cssSelector("#form-spoor2 .form-error")).getText())
                .contains("Niet vastgelegd", "Verbeter de gemarkeerde velden").doesNotContain("null");
        assertThat(trajectories()).as("nothing started by the refusal").isZero();
        readmePicture(By.id("actie-spoor2"), "zaakscherm-spoor2-inzetten");

        page.findElement(By.id("spoor2-reden")).clear();
        page.findElement(By.id("spoor2-reden")).sendKeys(REASON);
        screenshot("spoor2-inzetten");
        submit(page);

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst")));
        assertThat(page.findElement(By.id("uitkomst")).getText()).contains("Vastgelegd",
                "Spoor 2 is ingezet op " + today.format(DUTCH), "De werkgever voert het traject zelf uit");
        assertThat(page.findElement(By.id("overzicht")).getText()).contains("Spoor 2\nvroeg ingezet op "
                + today.format(DUTCH) + ", uitgevoerd door de werkgever", "Fase\nSpoor 2");
        screenshot("spoor2-gestart");
        readmePicture(By.id("overzicht"), "zaakscherm-spoor2-overzicht");
        browser.waiting().until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "const img = document.querySelector('img.timeline'); return img.complete && img.naturalWidth > 0;"));
        assertThat(page.findElement(By.cssSelector("img.timeline")).getAttribute("src"))
                .as("the picture is fetched again after the action").contains("timeline.svg?na=");
        elementShot(By.id("tijdlijn"), "spoor2-tijdlijn");

        JsonNode stored = json.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(stored.path("spoor2Status").asText()).isEqualTo("lopend");
        assertThat(stored.path("spoor2").path("executor").asText()).isEqualTo("werkgever");
        assertThat(stored.path("phase").asText()).as("his first task of the trajectory declares the phase")
                .isEqualTo("SPOOR_2");
        assertThat(trajectories()).isEqualTo(1);
        DossierEntry decision = dossier.findByCase(caseId).stream()
                .filter(entry -> entry.type() == DossierEntryType.DECISION
                        && entry.subject().startsWith("Spoor 2 ingezet")).findFirst().orElseThrow();
        assertThat(decision.recordedBy()).isEqualTo("anna");
        assertThat(decision.content()).containsEntry("aanleiding", "VROEG").containsEntry("uitvoerder", "werkgever")
                .containsEntry("situatieveArbeidsongeschiktheid", true).containsEntry("conclusieVan", "bedrijfsarts");
        assertThat(http.get("/api/cases/" + caseId + "/timeline.svg", "anna", "anna").body())
                .as("the band starts at the real start").contains("Spoor 2 sinds " + today.format(DUTCH));
    }

    @Test
    void theBedrijfsartsRecordsHisOwnConclusionAndTheWerkgeverChoosesWhoRunsIt() throws IOException {
        browser = logIn("eva");
        WebDriver page = openCaseScreen();
        browser.click(page.findElement(By.cssSelector("#actie-spoor2 summary")));
        browser.waiting().until(driver -> !driver.findElement(By.id("spoor2-uitvoerder-bureau")).isDisplayed());
        assertThat(new Select(page.findElement(By.id("spoor2-conclusie"))).getFirstSelectedOption().getText())
                .as("his own conclusion").isEqualTo("De bedrijfsarts");
        assertThat(page.findElement(By.id("spoor2-conclusie")).isEnabled()).isFalse();

        browser.click(page.findElement(By.id("spoor2-situatief-false")));
        page.findElement(By.id("spoor2-reden")).sendKeys("Eigen werk en aangepast eigen werk komen niet terug.");
        submit(page);

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst")));
        assertThat(page.findElement(By.id("uitkomst")).getText()).contains("Spoor 2 is ingezet op "
                + today.format(DUTCH), "De werkgever kiest nu wie het traject uitvoert");
        assertThat(page.findElement(By.id("overzicht")).getText())
                .contains("vroeg ingezet op " + today.format(DUTCH) + ", de werkgever kiest nog wie het uitvoert");
        assertThat(page.findElements(By.id("actie-spoor2"))).as("started: no second early start").isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("spoor2UitvoerderKiezen").count()).isEqualTo(1);
        JsonNode stored = json.readTree(http.get("/api/cases/" + caseId, "eva", "eva").body());
        assertThat(stored.path("spoor2").path("occasion").asText()).isEqualTo("VROEG");
        assertThat(stored.path("spoor2").has("executor")).isFalse();
        JsonNode werkgeversView = json.readTree(http.get("/api/cases/" + caseId, "anna", "anna").body());
        assertThat(werkgeversView.path("actions").toString()).as("the start waits for his choice: no other start")
                .doesNotContain("spoor2Start");
    }

    @Test
    void theWerknemerIsOfferedNoStartAndTheApiRefusesHim() throws IOException {
        browser = logIn("bram");
        WebDriver page = openCaseScreen();

        assertThat(page.findElements(By.id("actie-spoor2"))).isEmpty();
        String early = """
                {"occasion": "VROEG", "situationalIncapacity": true, "concludedBy": "bedrijfsarts",
                 "reason": "%s", "executor": "werkgever"}""".formatted(REASON);
        assertThat(http.post("/api/cases/" + caseId + "/spoor2", early, "bram", "bram").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/cases/" + caseId + "/spoor2", early, "daan", "daan").statusCode())
                .as("another employer's werkgever does not see the case").isEqualTo(404);
        assertThat(http.get("/api/cases/" + caseId + "/spoor2/bureaus", "bram", "bram").statusCode())
                .isEqualTo(403);
        JsonNode bureaus = json.readTree(http.get("/api/cases/" + caseId + "/spoor2/bureaus", "anna", "anna").body());
        assertThat(bureaus.findValuesAsText("id")).contains("bureau-werkfit");
        assertThat(trajectories()).isZero();
    }

    private WebDriver openCaseScreen() {
        return browser.openCaseScreen(caseId);
    }

    private void submit(WebDriver page) {
        browser.submitForm("form-spoor2");
    }

    private long trajectories() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("spoor-2-traject")
                .processInstanceBusinessKey(caseId).count();
    }

    /** Logs in to Tasklist; once more if the first Tasklist page of the JVM was too slow on a busy machine. */
    private TasklistBrowser logIn(String user) {
        return TasklistBrowser.logIn(port, user);
    }

    /** One part of the page, kept in target/browser/ and as a README picture in src/docs/. */
    private void readmePicture(By part, String name) {
        browser.readmePicture(part, name);
    }

    private Path elementShot(By part, String name) throws IOException {
        WebElement element = browser.driver().findElement(part);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true)", element);
        Path target = TasklistBrowser.SCREENSHOTS.resolve(name + ".png");
        Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The whole page, kept in target/browser/. */
    private void screenshot(String name) {
        browser.fullPageScreenshot(name);
    }
}
