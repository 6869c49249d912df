package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.risks.NightlyRiskSweep;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * The overview (/overzicht) in headless Chromium on a known set of cases, looked at on day 150 of acme-bouw's cases
 * (sick since 3 January 2033, a year no other test plays in):
 * <ul>
 *   <li>acme-bouw: tim every step on time; piet every step 3 days late; kees's probleemanalyse left open (missed, so
 *       overdue and at risk of a loonsanctie); bram recovered on day 30 and closed; joris and mohammed sick for 10
 *       days;</li>
 *   <li>zorggroep-noord: five employees sick for 20 days (a group large enough for management to see its number).</li>
 * </ul>
 * The werkgever (anna) reaches the page from Tasklist in one click and sees her own employer's figures with names and
 * links; management (ivo) reaches it from Cockpit and sees counts only ("&lt; 5" for a small group), no name or case.
 * Each table shows what the API gives that user; a filter changes the tables and goes into the CSV links. README
 * pictures: src/docs/overzicht-werkgever.png and src/docs/overzicht-management.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewBrowserIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2033, 1, 3);
    static final LocalDate TODAY = FIRST_SICK_DAY.plusDays(149);
    static final List<String> ZORGGROEP_EMPLOYEES = List.of("carla", "sanne", "ingrid", "lisa", "fatima");
    static final List<String> NAMES = List.of("Tim", "Piet", "Kees", "Bram", "Joris", "Mohammed", "Carla", "Sanne",
            "Ingrid", "Lisa", "Fatima");
    static final DateTimeFormatter DUTCH_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("nl"));

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired NightlyRiskSweep riskSweep;
    @Autowired JdbcTemplate jdbc;
    HttpTestClient http;
    ApiCases cases;
    final List<String> caseIds = new ArrayList<>();
    String kees;
    private TasklistBrowser browser;

    @BeforeAll
    void playTheCases() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        cases.deleteAll(ProcessKeys.POORTWACHTER, ProcessKeys.SPOOR_2_TRAJECT); // only these cases are open
        caseIds.add(play("tim", TODAY, SimulatedAnswers::onTime, 0));
        caseIds.add(play("piet", FIRST_SICK_DAY.plusDays(99), SimulatedAnswers::onTime, 3));
        kees = play("kees", FIRST_SICK_DAY.plusDays(59), task ->
                task.equals(ProcessKeys.Tasks.PROBLEEMANALYSE_OPSTELLEN) ? null : SimulatedAnswers.onTime(task), 0);
        caseIds.add(kees);
        String bram = play("bram", FIRST_SICK_DAY.plusDays(29), SimulatedAnswers::onTime, 0);
        caseIds.add(bram);
        HttpResponse<String> recovered = http.post("/api/cases/" + bram + "/recovery",
                "{\"date\": \"" + FIRST_SICK_DAY.plusDays(29) + "\"}", "anna", "anna");
        assertThat(recovered.statusCode()).as(recovered.body()).isLessThan(300);
        new CasePlayer(engine, bram).playUntil(ApiCases.startOf(FIRST_SICK_DAY.plusDays(70)).toInstant(),
                SimulatedAnswers::onTime, 0);
        ApiCases.onDay(TODAY);
        for (String employee : List.of("joris", "mohammed")) {
            caseIds.add(cases.report(employee, TODAY.minusDays(10)));
        }
        for (String employee : ZORGGROEP_EMPLOYEES) {
            HttpResponse<String> opened = http.post("/api/cases", """
                    {"employeeId": "%s", "employerId": "zorggroep-noord", "firstSickDay": "%s"}"""
                    .formatted(employee, TODAY.minusDays(20)), "daan", "daan");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            caseIds.add(read(opened.body()).path("caseId").asText());
        }
        assertThat(riskSweep.run()).as("the night's risk run judged the open cases").isPositive();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterAll
    void cleanUp() {
        cases.deleteAll(ProcessKeys.POORTWACHTER, ProcessKeys.SPOOR_2_TRAJECT);
        for (String caseId : caseIds) {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                    .rootProcessInstances().list()
                    .forEach(running -> engine.getRuntimeService().deleteProcessInstance(running.getId(), "test"));
            engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list()
                    .forEach(old -> engine.getHistoryService().deleteHistoricProcessInstanceIfExists(old.getId()));
        }
    }

    @Test
    void theWerkgeverOpensTheOverviewFromTasklistAndSeesHerCasesFiguresAndRisks() {
        ApiCases.onDay(TODAY);
        browser = TasklistBrowser.logIn(port, "anna");
        WebDriver page = browser.driver();
        assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//a[contains(@class,'spoorwijzer-link')][normalize-space()='Zaken']"))).getAttribute("href"))
                .endsWith("/zaken");
        WebElement overviewLink = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(@class,'spoorwijzer-link')][normalize-space()='Overzicht']")));
        browser.screenshot("tasklist-overzicht-link");
        browser.click(overviewLink);
        waitForFigures();
        assertThat(page.getCurrentUrl()).endsWith("/overzicht");

        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Overzicht");
        assertThat(headings()).contains("Open zaken per fase", "Open zaken per ziekteweek",
                "Termijnen deze week en te laat", "Zaken met risico op een loonsanctie", "Tijdigheid per wettelijke stap",
                "Instroom en uitstroom per maand", "Beëindigde zaken per reden");
        assertThat(page.findElements(By.cssSelector("#topbar a[href='/camunda/app/tasklist/default/']"))).isNotEmpty();
        assertThat(page.findElements(By.cssSelector("#topbar a[href='/camunda/app/cockpit/default/']")))
                .as("the werkgever has no Cockpit").isEmpty();
        assertThat(page.findElements(By.cssSelector("#topbar a[href='/zaken']"))).isNotEmpty();

        String user = "anna";
        assertThat(cells("tabel-fasen", 2)).isEqualTo(expected("/api/overview/phases", user, "label", "cases"));
        assertThat(cells("tabel-ziekteweken", 2)).isEqualTo(expected("/api/overview/weeks", user, "label", "cases"));
        assertThat(cells("tabel-fasen", 2)).anySatisfy(row -> assertThat(Integer.parseInt(row.get(1))).isPositive());

        List<List<String>> steps = cells("tabel-stappen", 6);
        assertThat(steps).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo("Kees van Dijk");
            assertThat(row.get(4)).matches("\\d{2}-\\d{2}-\\d{4}");
            assertThat(row.get(5)).isEqualTo("Te laat");
        });
        assertThat(page.findElements(By.cssSelector("#tabel-stappen a[href='/zaken/" + kees + "']"))).isNotEmpty();
        List<List<String>> atRisk = cells("tabel-risicozaken", 3);
        assertThat(atRisk).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo("Kees van Dijk");
            assertThat(row.get(2)).isNotBlank();
        });
        assertThat(page.findElements(By.cssSelector("#tabel-risicozaken a[href='/zaken/" + kees + "']")))
                .isNotEmpty();
        assertThat(cells("tabel-risico-aantallen", 2)).isNotEmpty();
        assertThat(page.findElement(By.id("risico-beoordeeld")).getText()).as("when the risks were judged")
                .isEqualTo("Risico's beoordeeld op " + judgedAt());
        assertThat(page.findElements(By.id("risico-tabel-geweigerd"))).as("the newest risk table judges").isEmpty();
        assertThat(cells("tabel-termijnen", 4)).isNotEmpty();
        assertThat(cells("tabel-tijdigheid", 9)).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get(7)).matches("\\d{1,3}\\s?%"));
        String opened = capitalized(DUTCH_MONTH.format(YearMonth.from(FIRST_SICK_DAY)));
        assertThat(cells("tabel-instroom", 3)).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo(opened);
            assertThat(Integer.parseInt(row.get(1))).isGreaterThanOrEqualTo(4);
        });
        assertThat(cells("tabel-beeindigd", 5)).isNotEmpty();
        assertThat(requestedPaths()).as("the names come with the lists, not from the case list")
                .contains("/api/overview/settings").noneMatch(path -> path.startsWith("/api/cases"));
        browser.fullPageScreenshot("overzicht-werkgever-volledig");
        browser.readmePicture(By.id("inhoud"), "overzicht-werkgever");
        everyTableStaysInsideItsCardAt1280Pixels("overzicht-werkgever-1280");

        String phase = read(http.get("/api/cases/" + kees, "anna", "anna").body()).path("phase").asText();
        List<List<String>> weeksBefore = cells("tabel-ziekteweken", 2);
        new Select(page.findElement(By.id("filter-fase"))).selectByValue(phase);
        browser.waiting().until(driver -> driver.getCurrentUrl().contains("phase=" + phase));
        waitForFigures();
        List<List<String>> weeksOfPhase = expected("/api/overview/weeks?phase=" + phase, user, "label", "cases");
        browser.waiting().until(driver -> cells("tabel-ziekteweken", 2).equals(weeksOfPhase));
        assertThat(weeksOfPhase).as("the phase filter narrows the table").isNotEqualTo(weeksBefore);
        assertThat(cells("tabel-fasen", 2)).isEqualTo(expected("/api/overview/phases?phase=" + phase, user, "label",
                "cases"));
        new Select(page.findElement(By.id("filter-rol"))).selectByValue("bedrijfsarts");
        browser.waiting().until(driver -> driver.getCurrentUrl().contains("role=bedrijfsarts"));
        waitForFigures();
        assertThat(cells("tabel-termijnen", 4)).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("Bedrijfsarts"));

        String csv = page.findElement(By.cssSelector("#termijnen a.csv")).getAttribute("href");
        assertThat(csv).contains("/api/deadlines/summary?", "phase=" + phase, "role=bedrijfsarts", "format=csv");
        assertThat(page.findElement(By.cssSelector("#fasen a.csv")).getAttribute("href"))
                .contains("/api/overview/phases?", "phase=" + phase, "format=csv");
        HttpResponse<String> download = http.get(URI.create(csv).getRawPath() + "?" + URI.create(csv).getRawQuery(),
                "anna", "anna");
        assertThat(download.statusCode()).as(download.body()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");

        page.get("http://localhost:" + port + "/overzicht?employer=zorggroep-noord");
        waitForRefusals();
        assertThat(page.findElement(By.id("melding")).getText()).as("the API's refusal in Dutch").isEqualTo(
                "Dit filter kan niet. Werkgever: alleen een werkgever waarvoor u werkt; kies een werkgever uit de"
                        + " lijst.");
        assertThat(page.findElement(By.cssSelector("#fasen .refused")).getText()).startsWith("Niet getoond");
        assertThat(page.findElements(By.cssSelector("table.figures"))).as("another employer's figures").isEmpty();
        browser.fullPageScreenshot("overzicht-werkgever-andere-werkgever");
    }

    @Test
    void managementOpensTheOverviewFromCockpitAndSeesCountsOnly() {
        ApiCases.onDay(TODAY);
        browser = TasklistBrowser.logInToCockpit(port, "ivo");
        WebDriver page = browser.driver();
        WebElement link = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(@class,'spoorwijzer-link')][normalize-space()='Overzicht']")));
        browser.screenshot("cockpit-overzicht-link");
        browser.click(link);
        waitForFigures();
        assertThat(page.getCurrentUrl()).endsWith("/overzicht");

        String user = "ivo";
        assertThat(headings()).contains("Open zaken per fase", "Open zaken per ziekteweek",
                "Termijnen deze week en te laat", "Zaken met risico op een loonsanctie", "Tijdigheid per wettelijke stap",
                "Instroom en uitstroom per maand", "Beëindigde zaken per reden");
        List<List<String>> weeks = expected("/api/overview/weeks", user, "label", "cases");
        assertThat(cells("tabel-ziekteweken", 2)).isEqualTo(weeks);
        assertThat(weeks).as("the five zorggroep cases and acme-bouw's two in weeks 1-6 are counted, rounded to fives")
                .anySatisfy(row -> assertThat(row.get(1)).matches("5|[1-9][0-9]*[05]"));
        assertThat(weeks).allSatisfy(row -> assertThat(row.get(1)).matches("0|< 5|[1-9][0-9]*[05]|5"));
        assertThat(cells("tabel-fasen", 2)).isEqualTo(expected("/api/overview/phases", user, "label", "cases"));
        assertThat(cells("tabel-fasen", 2)).as("a small group is shown as < 5")
                .anySatisfy(row -> assertThat(row.get(1)).isEqualTo("< 5"));
        assertThat(page.findElement(By.id("inhoud")).getText())
                .contains("Aantallen voor management zijn afgerond op vijftallen; minder dan 5 wordt niet getoond");
        assertThat(read(http.get("/api/overview/settings", user, user).body()).toString())
                .as("the page's \"< 5\" is the setting").isEqualTo("{\"minGroupSize\":5,\"aggregatesOnly\":true}");
        assertThat(page.findElements(By.cssSelector("#topbar a[href='/camunda/app/tasklist/default/']")))
                .as("management has no Tasklist").isEmpty();
        assertThat(page.findElement(By.cssSelector("#topbar a[href='/camunda/app/cockpit/default/']")).getText())
                .isEqualTo("Processen (Cockpit)");

        String shown = page.findElement(By.tagName("body")).getText();
        for (String name : NAMES) {
            assertThat(shown).as("management sees no employee").doesNotContain(name + " ");
        }
        for (String caseId : caseIds) {
            assertThat(page.getPageSource()).as("management sees no case").doesNotContain(caseId);
        }
        assertThat(page.findElements(By.cssSelector("a[href^='/zaken/']"))).isEmpty();
        assertThat(page.findElements(By.id("tabel-stappen"))).isEmpty();
        assertThat(page.findElements(By.id("tabel-risicozaken"))).isEmpty();
        assertThat(cells("tabel-risico-aantallen", 2)).isNotEmpty();
        browser.fullPageScreenshot("overzicht-management-volledig");
        browser.readmePicture(By.id("inhoud"), "overzicht-management");
        assertThat(page.findElement(By.id("risico-beoordeeld")).getText())
                .isEqualTo("Risico's beoordeeld op " + judgedAt());

        Deployment refused = deployRiskTableRefusedAtLoad();
        try {
            JsonNode status = read(http.get("/api/overview/risks/status", user, user).body());
            assertThat(status.path("refusedVersion").asInt()).isEqualTo(status.path("tableVersion").asInt() + 1);
            page.navigate().refresh();
            waitForFigures();
            WebElement warning = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("risico-tabel-geweigerd")));
            assertThat(warning.getText()).isEqualTo("Versie " + status.path("refusedVersion").asInt()
                    + " van de beslistabel loonsanctie-risico is geweigerd. Deze versie bevat meer dan"
                    + " FEEL-expressies en wordt daarom niet gebruikt. De risico's worden nog beoordeeld met versie "
                    + status.path("tableVersion").asInt() + ". Vraag de procesbeheerder een gecorrigeerde versie uit"
                    + " te rollen.");
            ((JavascriptExecutor) page).executeScript("document.getElementById('risicos').scrollIntoView()");
            browser.screenshot("overzicht-risicotabel-geweigerd");
        } finally {
            engine.getRepositoryService().deleteDeployment(refused.getId(), true);
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache()
                    .discardDecisionDefinitionCache();
        }
    }

    @Test
    void anEmployeeIsToldHeHasNoOverview() {
        ApiCases.onDay(TODAY);
        browser = TasklistBrowser.logIn(port, "bram");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".spoorwijzer-nav[data-shown-for='bram']")));
        assertThat(browser.driver().findElements(By.xpath(
                "//a[contains(@class,'spoorwijzer-link')][normalize-space()='Zaken']"))).hasSize(1);
        assertThat(browser.driver().findElements(By.xpath(
                "//a[contains(@class,'spoorwijzer-link')][normalize-space()='Overzicht']"))).isEmpty();
        browser.driver().get("http://localhost:" + port + "/overzicht");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("geen-overzicht")));
        assertThat(browser.driver().findElement(By.id("geen-overzicht")).getText()).contains("Geen overzicht voor u");
        assertThat(browser.driver().findElements(By.cssSelector("table.figures"))).isEmpty();
    }

    // ---- helpers ----

    /** The night's risk run as the page says it: dd-mm-jjjj uu:mm, Dutch time. */
    private String judgedAt() {
        String at = read(http.get("/api/overview/risks/status", "anna", "anna").body()).path("judgedAt").asText();
        return OffsetDateTime.parse(at).atZoneSameInstant(ApiCases.AMSTERDAM)
                .format(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm"));
    }

    /**
     * A newer risk table as one deployed before the FEEL-only rule: its stored XML holds JUEL, so the platform refuses
     * it when loading and judges on with the version before it (as LoonsanctieRisksIT does).
     */
    private Deployment deployRiskTableRefusedAtLoad() {
        try {
            String model = Files.readString(Path.of("processes/loonsanctie-risico.dmn"), StandardCharsets.UTF_8)
                    .replace("camunda:versionTag=\"1.0.0\"", "camunda:versionTag=\"1.0.9\"");
            Deployment deployment = engine.getRepositoryService().createDeployment()
                    .name("risk table before the rule").addString("loonsanctie-risico.dmn", model).deploy();
            jdbc.update("UPDATE ACT_GE_BYTEARRAY SET BYTES_ = ? WHERE DEPLOYMENT_ID_ = ?",
                    model.replaceFirst("expressionLanguage=\"feel\"", "expressionLanguage=\"juel\"")
                            .getBytes(StandardCharsets.UTF_8), deployment.getId());
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache()
                    .discardDecisionDefinitionCache();
            return deployment;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * At a 1280 pixel wide window no table sticks out of its card: a wide table scrolls sideways inside it. Saves the
     * flow section with the endings as target/browser/{picture}.png and restores the window.
     */
    @SuppressWarnings("unchecked")
    private void everyTableStaysInsideItsCardAt1280Pixels(String picture) {
        WebDriver page = browser.driver();
        Dimension before = page.manage().window().getSize();
        page.manage().window().setSize(new Dimension(1280, 1000));
        try {
            List<Object> outside = (List<Object>) ((JavascriptExecutor) page).executeScript("""
                    return [...document.querySelectorAll('table.figures')].filter(table => {
                      const card = table.closest('.card').getBoundingClientRect();
                      const shown = table.parentElement.getBoundingClientRect();
                      return shown.right > card.right + 0.5 || shown.left < card.left - 0.5
                          || !table.parentElement.classList.contains('table-scroll');
                    }).map(table => table.id);""");
            assertThat(outside).as("tables sticking out of their card at 1280 px").isEmpty();
            WebElement flow = page.findElement(By.id("instroom"));
            ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'start'})", flow);
            browser.screenshot(picture);
        } finally {
            page.manage().window().setSize(before);
        }
    }

    private String play(String employee, LocalDate until, Function<String, Map<String, Object>> answers, int late) {
        ApiCases.onDay(FIRST_SICK_DAY);
        String caseId = cases.report(employee, FIRST_SICK_DAY);
        new CasePlayer(engine, caseId).playUntil(until.atTime(9, 0).atZone(ApiCases.AMSTERDAM).toInstant(), answers,
                late);
        return caseId;
    }

    /** Waits until every part of the page has its table, empty state or refusal (nothing "Wordt geladen…"). */
    private void waitForFigures() {
        browser.waiting().until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return !!document.getElementById('tabel-fasen') && !document.getElementById('secties').innerText"
                        + ".includes('Wordt geladen')"));
    }

    private void waitForRefusals() {
        browser.waiting().until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return !!document.querySelector('#fasen .refused') && !document.getElementById('secties').innerText"
                        + ".includes('Wordt geladen')"));
    }

    /** The paths of /api the page asked for. */
    @SuppressWarnings("unchecked")
    private List<String> requestedPaths() {
        return ((List<Object>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return performance.getEntriesByType('resource').map(entry => new URL(entry.name).pathname)"))
                .stream().map(String::valueOf).filter(path -> path.startsWith("/api/")).toList();
    }

    private List<String> headings() {
        return browser.driver().findElements(By.cssSelector("main h2, main h3")).stream().map(WebElement::getText)
                .toList();
    }

    /** The first {@code columns} cells of every body row of the table, as the page shows them. */
    @SuppressWarnings("unchecked")
    private List<List<String>> cells(String tableId, int columns) {
        List<List<Object>> rows = (List<List<Object>>) ((JavascriptExecutor) browser.driver()).executeScript(
                "const table = document.getElementById(arguments[0]); if (!table) { return null; }"
                        + " return [...table.tBodies[0].rows].map(tr => [...tr.cells].slice(0, arguments[1])"
                        + ".map(cell => cell.innerText.trim()));", tableId, columns);
        assertThat(rows).as("table %s on the page", tableId).isNotNull();
        return rows.stream().map(row -> row.stream().map(String::valueOf).toList()).toList();
    }

    /** The API's rows for the user as the page shows them: the label, and the count or "< 5" where suppressed. */
    private List<List<String>> expected(String path, String user, String label, String count) {
        HttpResponse<String> response = http.get(path, user, user);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        read(response.body()).forEach(row -> rows.add(List.of(row.path(label).asText(),
                row.path(count).isNull() && row.path("suppressed").asBoolean() ? "< 5" : row.path(count).asText())));
        return rows;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
