package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Opbouw in eigen werk on the case screen in headless Chromium (issue 26, seed 000): the werkgever sets the
 * opbouwschema in the periods editor, records the hours of this week and reports a vacancy; a period past the end of
 * the waiting period and too many hours are refused in Dutch at their fields; the werknemer reads the schedule and
 * records his own hours but sets no schedule; the bedrijfsarts reports a changed belastbaarheid only; management sees
 * none of it. One case of bram at acme-bouw (contract 38 hours), sick for 60 days.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpbouwBrowserIT {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired DossierRepository dossier;
    private HttpTestClient http;
    private TasklistBrowser browser;
    private String caseId;
    /** The form of the action opened last: names like date or kind recur in other actions' forms. */
    private String form;
    private final LocalDate today = LocalDate.now(ApiCases.AMSTERDAM);

    @BeforeEach
    void openCase() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromedriver"))
                && Files.isExecutable(Path.of("/usr/bin/chromium")), "headless Chromium is not installed");
        http = new HttpTestClient(port);
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "bram", "employerId": "acme-bouw", "firstSickDay": "%s", "details": %s}"""
                .formatted(today.minusDays(60), ApiCases.DETAILS), "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        caseId = json.readTree(opened.body()).path("caseId").asText();
    }

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.close();
        }
        new ApiCases(http, json, engine).deleteWithHistory(caseId);
    }

    @Test
    void theWerkgeverSetsTheScheduleRecordsTheHoursAndReportsAVacancy() throws IOException {
        browser = logIn("anna");
        WebDriver page = openCaseScreen();
        assertThat(page.findElements(By.id("opbouw"))).as("no schedule yet: no section").isEmpty();
        assertThat(page.findElements(By.id("actie-uren"))).as("hours only once a schedule exists").isEmpty();
        assertThat(actions("anna")).contains("workResumptionSchedule", "workResumptionHours", "spoor1Change")
                .doesNotContain("spoor1CapacityChange");

        open("actie-opbouwschema");
        type("bedrijfsartsAdviceOn", today.minusDays(2).format(DUTCH));
        type("periods[0].from", today.minusDays(7).format(DUTCH));
        type("periods[0].to", today.plusDays(6).format(DUTCH));
        type("periods[0].hoursPerWeek", "8");
        type("periods[0].tasks", "Planning en telefoon, ochtenden");
        browser.click(page.findElement(By.id("schema-periode-toevoegen")));
        assertThat(input("periods[1].from").getAttribute("value")).as("the day after the previous period")
                .isEqualTo(today.plusDays(7).format(DUTCH));
        type("periods[1].to", today.plusDays(20).format(DUTCH));
        type("periods[1].hoursPerWeek", "16,5");
        type("periods[1].tasks", "Werkvoorbereiding");
        submit("opbouwschema");

        assertThat(outcome()).contains("Vastgelegd", "Opbouwschema versie 1", "2 perioden",
                today.minusDays(7).format(DUTCH), today.plusDays(20).format(DUTCH), "elke twee weken");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("opbouw-perioden")));
        assertThat(page.findElement(By.id("opbouw")).getText()).contains("Opbouw in eigen werk",
                "Planning en telefoon, ochtenden", "16,5", "loopt nu", "Er zijn nog geen gewerkte uren vastgelegd");
        assertThat(page.findElement(By.id("overzicht")).getText()).contains("Opbouw in eigen werk");
        browser.waiting().until(driver -> "16,5".equals(input("periods[1].hoursPerWeek").getAttribute("value")));
        assertThat(input("periods[0].tasks").getAttribute("value")).as("the editor holds the schedule in force")
                .isEqualTo("Planning en telefoon, ochtenden");
        JsonNode schedule = get("/work-resumption-schedule", "anna");
        assertThat(schedule.path("version").asInt()).isEqualTo(1);
        assertThat(schedule.path("periods").get(1).path("hoursPerWeek").decimalValue()).isEqualByComparingTo("16.5");
        assertThat(dossier.findByCase(caseId)).filteredOn(e -> "opbouwschemaVastleggen".equals(e.elementId()))
                .singleElement().satisfies(e -> assertThat(e.recordedBy()).isEqualTo("anna"));

        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        open("actie-uren");
        Select week = new Select(input("week"));
        assertThat(week.getFirstSelectedOption().getAttribute("value")).as("this week first")
                .isEqualTo(monday.toString());
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("uren-gepland"),
                "Gepland: 8 uur"));
        type("workedHours", "6");
        submit("uren");

        assertThat(outcome()).contains("6 van 8 geplande uren gewerkt", monday.format(DUTCH));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("opbouw-uren")));
        assertThat(page.findElement(By.id("opbouw-uren")).getText()).contains(monday.format(DUTCH), "anna",
                "Werkgever");
        JsonNode weeks = get("/work-resumption-hours", "anna").path("weeks");
        assertThat(weeks).singleElement().satisfies(w -> {
            assertThat(w.path("weekFrom").asText()).isEqualTo(monday.toString());
            assertThat(w.path("workedHours").asInt()).isEqualTo(6);
            assertThat(w.path("plannedHours").asInt()).isEqualTo(8);
        });
        screenshot("zaakscherm-opbouw");
        readmePicture(By.id("opbouw"), "zaakscherm-opbouw");

        open("actie-spoor1-wijziging");
        assertThat(new Select(input("kind")).getOptions()).extracting(WebElement::getText).containsExactly(
                "Belastbaarheid van de werknemer gewijzigd", "Organisatie gewijzigd", "Nieuwe functie of vacature");
        new Select(input("kind")).selectByValue("VACATURE");
        type("description", "Vacature planner op het hoofdkantoor");
        type("date", today.minusDays(1).format(DUTCH));
        submit("spoor1-wijziging");

        assertThat(outcome()).contains("Nieuwe functie of vacature staat in het dossier",
                "Mogelijkheden spoor 1 opnieuw beoordelen", today.plusDays(14).format(DUTCH));
        assertThat(dossier.findByCase(caseId)).filteredOn(e -> e.type() == DossierEntryType.SPOOR1_CHANGE)
                .singleElement().satisfies(e -> assertThat(e.content()).containsEntry("soort", "VACATURE"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("taken"),
                "Mogelijkheden spoor 1 opnieuw beoordelen"));
    }

    @Test
    void refusedPeriodsAndHoursAreShownInDutchAtTheirFields() {
        LocalDate end = LocalDate.parse(get("", "anna").path("timeline").path("einde-wachttijd").asText());
        browser = logIn("anna");
        WebDriver page = openCaseScreen();
        open("actie-opbouwschema");
        type("bedrijfsartsAdviceOn", today.minusDays(2).format(DUTCH));
        type("periods[0].from", today.minusDays(7).format(DUTCH));
        type("periods[0].to", today.plusDays(6).format(DUTCH));
        type("periods[0].hoursPerWeek", "8");
        type("periods[0].tasks", "Planning");
        browser.click(page.findElement(By.id("schema-periode-toevoegen")));
        input("periods[1].from").clear();
        type("periods[1].from", today.plusDays(3).format(DUTCH));
        type("periods[1].to", end.plusDays(30).format(DUTCH));
        type("periods[1].hoursPerWeek", "40");
        type("periods[1].tasks", "Eigen werk");
        submit("opbouwschema");

        assertThat(fieldError("schema-from-1")).isEqualTo("moet de dag na het einde van de vorige periode zijn ("
                + today.plusDays(7).format(DUTCH) + "): de perioden sluiten zonder gat of overlap op elkaar aan");
        assertThat(fieldError("schema-to-1")).isEqualTo("mag niet na het einde van de wachttijd ("
                + end.format(DUTCH) + ") liggen");
        assertThat(fieldError("schema-hoursPerWeek-1")).isEqualTo("moet 0 tot en met 38 uur zijn (de contracturen"
                + " per week)");
        assertThat(input("periods[1].to").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.findElement(By.id("schema-from-0-fout")).isDisplayed()).as("the first row is right").isFalse();
        assertThat(page.findElement(By.cssSelector("#form-opbouwschema .form-error")).getText())
                .contains("Niet vastgelegd", "Verbeter de gemarkeerde velden");
        screenshot("zaakscherm-opbouw-geweigerd");
        readmePicture(By.id("actie-opbouwschema"), "zaakscherm-opbouwschema-geweigerd");
        assertThat(get("/work-resumption-schedule", "anna").path("version").asInt()).as("nothing stored")
                .isZero();

        // The first row alone is stored; then too many hours in a week are refused at their field.
        browser.click(page.findElement(By.cssSelector("#form-opbouwschema [data-period='1'] .remove-period")));
        submit("opbouwschema");
        outcome();
        open("actie-uren");
        type("workedHours", "39");
        submit("uren");
        assertThat(fieldError("uren-gewerkt")).isEqualTo("moet 0 tot en met 38 uur zijn (de contracturen per week)");
        assertThat(get("/work-resumption-hours", "anna").path("weeks")).isEmpty();
    }

    @Test
    void theWerknemerReadsTheScheduleAndRecordsHisOwnHoursButSetsNoSchedule() {
        putSchedule("anna");
        browser = logIn("bram");
        WebDriver page = openCaseScreen();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("opbouw-perioden")));
        assertThat(page.findElement(By.id("opbouw")).getText()).contains("Planning en telefoon", "loopt nu");
        assertThat(page.findElements(By.id("actie-opbouwschema"))).as("the werkgever sets the schedule").isEmpty();
        assertThat(page.findElements(By.id("actie-spoor1-wijziging"))).isEmpty();
        assertThat(actions("bram")).contains("workResumptionHours")
                .doesNotContain("workResumptionSchedule", "spoor1Change", "spoor1CapacityChange");

        open("actie-uren");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("uren-gepland"),
                "Gepland: 8 uur"));
        type("workedHours", "7,5");
        submit("uren");

        assertThat(outcome()).contains("7,5 van 8 geplande uren gewerkt");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("opbouw-uren")));
        assertThat(page.findElement(By.id("opbouw-uren")).getText()).contains("7,5", "bram", "Werknemer");
        assertThat(get("/work-resumption-hours", "anna").path("weeks")).singleElement().satisfies(w -> {
            assertThat(w.path("workedHours").asDouble()).isEqualTo(7.5);
            assertThat(w.path("role").asText()).isEqualTo("werknemer");
        });
        screenshot("zaakscherm-opbouw-werknemer");

        assertThat(putSchedule("bram").statusCode()).as("the API refuses him too").isEqualTo(403);
        assertThat(http.post("/api/cases/" + caseId + "/spoor1-changes", """
                {"kind": "ORGANISATIE", "description": "Mijn afdeling is opgeheven.", "date": "%s"}"""
                .formatted(today), "bram", "bram").statusCode()).isEqualTo(403);
    }

    @Test
    void theBedrijfsartsReportsAChangedBelastbaarheidOnlyAndManagementReadsNoneOfIt() {
        putSchedule("anna");
        browser = logIn("eva");
        WebDriver page = openCaseScreen();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("opbouw-perioden")));
        assertThat(page.findElements(By.id("actie-opbouwschema"))).isEmpty();
        assertThat(page.findElements(By.id("actie-uren"))).isEmpty();
        assertThat(actions("eva")).contains("spoor1CapacityChange")
                .doesNotContain("workResumptionSchedule", "workResumptionHours", "spoor1Change");
        open("actie-spoor1-wijziging");
        assertThat(new Select(input("kind")).getOptions()).extracting(WebElement::getText)
                .containsExactly("Belastbaarheid van de werknemer gewijzigd");
        type("description", "Kan weer 4 uur achtereen zittend werken.");
        type("date", today.format(DUTCH));
        submit("spoor1-wijziging");
        assertThat(outcome()).contains("Belastbaarheid van de werknemer gewijzigd staat in het dossier");
        List<DossierEntry> changes = dossier.findByCase(caseId).stream()
                .filter(e -> e.type() == DossierEntryType.SPOOR1_CHANGE).toList();
        assertThat(changes).singleElement().satisfies(e -> assertThat(e.role()).isEqualTo("bedrijfsarts"));
        assertThat(putSchedule("eva").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/cases/" + caseId + "/work-resumption-hours", """
                {"week": "%s", "workedHours": 8}""".formatted(today), "eva", "eva").statusCode()).isEqualTo(403);

        JsonNode management = get("", "ivo");
        assertThat(management.has("workResumption")).as("management sees the status only").isFalse();
        assertThat(management.path("actions")).isEmpty();
        assertThat(http.get("/api/cases/" + caseId + "/work-resumption-schedule", "ivo", "ivo").statusCode())
                .isEqualTo(403);
        assertThat(putSchedule("daan").statusCode()).as("another employer's werkgever").isEqualTo(404);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private WebDriver openCaseScreen() {
        return browser.openCaseScreen(caseId);
    }

    private void open(String actionId) {
        form = "form-" + actionId.substring("actie-".length());
        browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#" + actionId + " summary"))));
    }

    private WebElement input(String name) {
        return browser.driver().findElement(By.id(form)).findElement(By.name(name));
    }

    private void type(String name, String text) {
        WebElement input = input(name);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.sendKeys(text);
    }

    private void submit(String form) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('uitkomst').hidden = true");
        browser.click(browser.driver().findElement(By.cssSelector("#form-" + form + " button[type=submit]")));
    }

    private String outcome() {
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst")));
        return browser.driver().findElement(By.id("uitkomst")).getText();
    }

    private String fieldError(String inputId) {
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(inputId + "-fout")));
        return browser.driver().findElement(By.id(inputId + "-fout")).getText();
    }

    private HttpResponse<String> putSchedule(String user) {
        return http.send(http.request("/api/cases/" + caseId + "/work-resumption-schedule")
                .header("Content-Type", "application/json").header("Authorization", HttpTestClient.basic(user, user))
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"bedrijfsartsAdviceOn": "%s", "periods": [
                          {"from": "%s", "to": "%s", "hoursPerWeek": 8, "tasks": "Planning en telefoon"},
                          {"from": "%s", "to": "%s", "hoursPerWeek": 16, "tasks": "Werkvoorbereiding"}]}"""
                        .formatted(today.minusDays(2), today.minusDays(7), today.plusDays(6), today.plusDays(7),
                                today.plusDays(20)))).build());
    }

    /** What the case screen offers the user (CaseView.actions), as the server lists it. */
    private List<String> actions(String user) {
        return json.convertValue(get("", user).path("actions"), List.class);
    }

    private JsonNode get(String path, String user) {
        try {
            HttpResponse<String> response = http.get("/api/cases/" + caseId + path, user, user);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs in to Tasklist; once more if the first Tasklist page of the JVM was too slow on a busy machine. */
    private TasklistBrowser logIn(String user) {
        return TasklistBrowser.logIn(port, user);
    }

    /** One part of the page as a README picture: target/browser/{name}-deel.png and src/docs/{name}.png. */
    private void readmePicture(By part, String name) {
        browser.readmePicture(part, name);
    }

    /** The whole page, kept in target/browser/. */
    private void screenshot(String name) {
        browser.fullPageScreenshot(name);
    }
}
