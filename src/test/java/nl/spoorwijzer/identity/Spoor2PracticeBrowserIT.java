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
import java.util.List;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spoor 2 as it happens, on the case screen in headless Chromium, on one case of tim in spoor 2 (bureau WerkFit):
 * the bureau records a session and reports a placement, the employee refuses an offer, each refused input shows its
 * Dutch message at its field; the werkgever (a bureau runs the trajectory), the bedrijfsarts and another bureau get
 * none of these forms, and the API refuses them too. The werkgever's choice of a deskundigenoordeel on the refusal
 * shows as an open request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Spoor2PracticeBrowserIT {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    /** Day 346 of sickness: the plan spoor 2 is agreed, the trajectory searches for work (as Spoor2PracticeIT). */
    private static final LocalDate TODAY = FIRST_SICK_DAY.plusDays(345);

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    private HttpTestClient http;
    private ApiCases cases;
    private TasklistBrowser browser;
    private String caseId;

    @BeforeAll
    void caseInSpoor2() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        caseId = cases.reportAndPlay(FIRST_SICK_DAY, TODAY, SimulatedAnswers::onTime, 0);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterAll
    void deleteCase() {
        cases.deleteAll("spoor-2-traject", "herstelperiode", "poortwachter");
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
    }

    @Test
    @Order(1)
    // seed 004: "De eerste fase van het spoor 2 traject bestaat meestal uit één of tweewekelijkse sessies"
    void theBureauRecordsASessionOnTheCaseScreen() {
        WebDriver page = open("frank");
        assertThat(page.findElements(By.id("actie-activiteit"))).hasSize(1);
        assertThat(page.findElements(By.id("actie-plaatsing-melden"))).hasSize(1);
        assertThat(page.findElements(By.id("actie-aanbod-weigeren"))).as("the employee's own answer").isEmpty();

        browser.click(page.findElement(By.cssSelector("#actie-activiteit summary")));
        new Select(page.findElement(By.id("activiteit-soort"))).selectByValue("GESPREK");
        type("activiteit-datum", TODAY.plusDays(1).format(DUTCH));
        type("activiteit-omschrijving", "Vacatures besproken, cv bijgewerkt; volgende week twee sollicitaties.");
        browser.click(page.findElement(By.cssSelector("#form-activiteit button[type=submit]")));
        assertThat(fieldError("activiteit-datum")).as("an activity is recorded once it happened")
                .startsWith("mag niet in de toekomst liggen");
        assertThat(http.get("/api/cases/" + caseId + "/spoor2/activities", "anna", "anna").body()).isEqualTo("[]");

        type("activiteit-datum", TODAY.format(DUTCH));
        browser.click(page.findElement(By.cssSelector("#form-activiteit button[type=submit]")));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst")));
        assertThat(page.findElement(By.id("uitkomst")).getText()).contains("Vastgelegd",
                "Gesprek van " + TODAY.format(DUTCH), "volgende voortgangsrapportage");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("activiteiten-spoor2"),
                "Vacatures besproken"));
        assertThat(page.findElement(By.cssSelector("#activiteiten-spoor2 tbody tr")).getText())
                .contains(TODAY.format(DUTCH), "Gesprek", "frank", "Re-integratiebureau");
        readmePicture("zaakscherm-spoor2-activiteiten", "#activiteiten-spoor2");

        JsonNode stored = tree(http.get("/api/cases/" + caseId + "/spoor2/activities", "anna", "anna").body());
        assertThat(stored.findValuesAsText("kind")).containsExactly("GESPREK");
        assertThat(stored.get(0).path("date").asText()).isEqualTo(TODAY.toString());
        assertThat(stored.get(0).path("recordedBy").asText()).isEqualTo("frank");
    }

    @Test
    @Order(2)
    // seed 004: "Een werknemer hoeft overigens geen werk te accepteren dat niet passend is."
    void theEmployeeRefusesAnOfferOnTheCaseScreen() {
        WebDriver page = open("tim");
        assertThat(page.findElements(By.id("actie-aanbod-weigeren"))).hasSize(1);
        assertThat(page.findElements(By.id("actie-plaatsing-melden"))).as("he reports a job he found").hasSize(1);
        assertThat(page.findElements(By.id("actie-activiteit"))).as("the executor's record").isEmpty();
        assertThat(page.findElement(By.id("activiteiten-spoor2")).getText()).contains("Vacatures besproken");

        browser.click(page.findElement(By.cssSelector("#actie-aanbod-weigeren summary")));
        type("weigering-aanbod", "Magazijnmedewerker bij Transport Zuid");
        type("weigering-datum", TODAY.plusDays(3).format(DUTCH));
        type("weigering-reden", "Twee uur reistijd per dag en ploegendienst.");
        browser.click(page.findElement(By.cssSelector("#form-aanbod-weigeren button[type=submit]")));
        assertThat(fieldError("weigering-datum")).startsWith("mag niet in de toekomst liggen (vandaag is");
        assertThat(page.findElement(By.cssSelector("#form-aanbod-weigeren .form-error")).getText())
                .contains("Niet vastgelegd");
        readmePicture("zaakscherm-aanbod-weigeren", "#actie-aanbod-weigeren");
        assertThat(openTasks("weigeringBeoordelen")).as("nothing stored").isEmpty();

        type("weigering-datum", TODAY.format(DUTCH));
        browser.click(page.findElement(By.cssSelector("#form-aanbod-weigeren button[type=submit]")));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst")));
        assertThat(page.findElement(By.id("uitkomst")).getText()).contains("Vastgelegd",
                "Magazijnmedewerker bij Transport Zuid", "Weigering passende arbeid beoordelen");
        assertThat(page.findElement(By.id("taken")).getText()).contains("Weigering passende arbeid beoordelen");

        List<Task> judge = openTasks("weigeringBeoordelen");
        assertThat(judge).hasSize(1);
        assertThat(engine.getTaskService().getVariable(judge.get(0).getId(), "weigeringMotivering"))
                .isEqualTo("Twee uur reistijd per dag en ploegendienst.");
    }

    @Test
    @Order(3)
    void theWerkgeverGetsNoneOfTheseFormsWhileABureauRunsSpoor2AndSeesHisRequestOpenAfterJudging() {
        WebDriver page = open("anna");
        assertThat(page.findElements(By.id("actie-activiteit"))).isEmpty();
        assertThat(page.findElements(By.id("actie-plaatsing-melden"))).isEmpty();
        assertThat(page.findElements(By.id("actie-aanbod-weigeren"))).isEmpty();
        assertThat(page.findElement(By.id("activiteiten-spoor2")).getText()).contains("Vacatures besproken");
        assertThat(post("/spoor2/activities", "anna").statusCode()).as("a bureau runs it").isEqualTo(409);
        assertThat(post("/spoor2/placement-reports", "anna").statusCode()).as("a bureau runs it").isEqualTo(409);
        assertThat(post("/spoor2/offer-refusals", "anna").statusCode()).isEqualTo(403);
        assertThat(post("/spoor2/activities", "tim").statusCode()).isEqualTo(403);

        Task judge = openTasks("weigeringBeoordelen").get(0);
        HttpResponse<String> judged = http.post("/engine-rest/task/" + judge.getId() + "/complete", """
                {"variables": {"weigeringOordeel": {"value": "deskundigenoordeel"},
                 "weigeringOordeelToelichting": {"value": "UWV oordeelt over de passendheid."}}}""", "anna", "anna");
        assertThat(judged.statusCode()).as(judged.body()).isEqualTo(204);
        page.navigate().refresh();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("deskundigenoordelen")));
        assertThat(page.findElement(By.id("deskundigenoordelen")).getText()).contains("Open: Passende arbeid",
                "werkgever", TODAY.format(DUTCH));
        screenshot("spoor2-deskundigenoordeel-open", "#deskundigenoordelen");
    }

    @Test
    @Order(4)
    void theBedrijfsartsAndAnotherBureauGetNoForm() {
        WebDriver page = open("eva");
        assertThat(page.findElements(By.cssSelector("#actie-activiteit, #actie-plaatsing-melden,"
                + " #actie-aanbod-weigeren"))).isEmpty();
        assertThat(post("/spoor2/activities", "eva").statusCode()).isEqualTo(403);
        assertThat(post("/spoor2/placement-reports", "eva").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/cases/" + caseId, "rosa", "rosa").statusCode()).as("another bureau")
                .isEqualTo(404);
        assertThat(post("/spoor2/activities", "rosa").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    // seed 001: "Nadat een nieuwe functie is gevonden, wordt getoetst of de functie duurzaam en passend is."
    void theBureauReportsAPlacementAndTheBedrijfsartsChecksItAtOnce() {
        LocalDate endOfWaitingPeriod = LocalDate.parse(tree(http.get("/api/cases/" + caseId, "frank", "frank").body())
                .path("timeline").path("einde-wachttijd").asText());
        WebDriver page = open("frank");
        browser.click(page.findElement(By.cssSelector("#actie-plaatsing-melden summary")));
        assertThat(page.findElement(By.id("actie-plaatsing-melden")).getText())
                .contains("Uiterlijk " + endOfWaitingPeriod.format(DUTCH));
        type("plaatsing-melden-werkgever", "Installatiebedrijf Noord");
        type("plaatsing-melden-functie", "Planner");
        browser.click(page.findElement(By.id("plaatsing-melden-vorm-detachering")));
        type("plaatsing-melden-start", endOfWaitingPeriod.plusDays(1).format(DUTCH));
        type("plaatsing-melden-uren", "24");
        browser.click(page.findElement(By.cssSelector("#form-plaatsing-melden button[type=submit]")));
        assertThat(fieldError("plaatsing-melden-start")).startsWith("mag niet na "
                + endOfWaitingPeriod.format(DUTCH) + " liggen, het einde van de wachttijd");
        screenshot("zaakscherm-plaatsing-melden", "#actie-plaatsing-melden");
        assertThat(openTasks("passendheidToetsen")).isEmpty();

        type("plaatsing-melden-start", TODAY.plusDays(14).format(DUTCH));
        browser.click(page.findElement(By.cssSelector("#form-plaatsing-melden button[type=submit]")));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst")));
        assertThat(page.findElement(By.id("uitkomst")).getText()).contains("Vastgelegd", "Planner",
                "Installatiebedrijf Noord", "Passendheid toetsen");
        List<Task> check = openTasks("passendheidToetsen");
        assertThat(check).hasSize(1);
        assertThat(engine.getTaskService().getVariable(check.get(0).getId(), "plaatsingsvorm"))
                .isEqualTo("detachering");
    }

    // ---- helpers ----

    private WebDriver open(String user) {
        browser = TasklistBrowser.logIn(port, user);
        return browser.openCaseScreen(caseId);
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Waits for the field's refusal and answers its text. */
    private String fieldError(String inputId) {
        return browser.fieldError(inputId);
    }

    private HttpResponse<String> post(String path, String user) {
        return http.post("/api/cases/" + caseId + path, "{}", user, user);
    }

    private List<Task> openTasks(String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key)
                .list();
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part of the page around the given element, in target/browser/. */
    private void screenshot(String name, String focus) {
        WebDriver page = browser.driver();
        page.manage().window().setSize(new Dimension(1400, 1100));
        ((JavascriptExecutor) page).executeScript("document.querySelector(arguments[0]).scrollIntoView()", focus);
        browser.screenshot(name);
    }

    /** As {@link #screenshot}, and kept as a README picture in src/docs/. */
    private void readmePicture(String name, String focus) {
        screenshot(name, focus);
        try {
            Files.copy(TasklistBrowser.SCREENSHOTS.resolve(name + ".png"), Path.of("src", "docs", name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
