package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import java.util.Map;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.identity.TasklistBrowser.ListedTask;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A day's work per role in headless Chromium, as issue 25 asks: in Tasklist find the task by the employee's name
 * (another employee's case of the same employer lists beside it), open it, follow its header to the case screen,
 * perform an action there and check through the API that it was stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkplaceBrowserIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    private HttpTestClient http;
    private ApiCases cases;
    private TasklistBrowser browser;
    private final LocalDate today = LocalDate.now(ApiCases.AMSTERDAM);

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
    }

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.close();
        }
        cases.deleteAll("poortwachter");
    }

    @Test
    void theWerkgeverFindsTimsTaskOpensHisCaseAndRecordsALoonwaarde() throws Exception {
        String timsCase = timsCaseOnDay(50, Set.of("probleemanalyseOpstellen", "termijnOverschredenAfhandelen"));
        String bramsCase = report("bram", today.minusDays(20));

        browser = logIn("anna");
        openCaseFromTask("Taken van mijn groep", "Termijn overschreden", "Tim Vermeulen", timsCase);

        browser.click(browser.driver().findElement(By.cssSelector("#actie-plaatsing summary")));
        browser.driver().findElement(By.id("plaatsing-loonwaarde")).sendKeys("45");
        browser.driver().findElement(By.id("plaatsing-toelichting"))
                .sendKeys("Loonwaarde bepaald door de arbeidsdeskundige in aangepast werk.");
        browser.click(browser.driver().findElement(By.cssSelector("#form-plaatsing button[type=submit]")));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst")));
        assertThat(browser.driver().findElement(By.id("uitkomst")).getText()).contains("Vastgelegd",
                "loonwaarde staat in het dossier");

        JsonNode stored = caseOf(timsCase, "anna");
        assertThat(stored.path("placements")).hasSize(1);
        assertThat(stored.path("placements").get(0).path("recordedBy").asText()).isEqualTo("anna");
        assertThat(stored.path("placements").get(0).path("content").path("loonwaardePercentage").asInt())
                .isEqualTo(45);
        assertThat(caseOf(bramsCase, "anna").path("placements")).as("the other case is untouched").isEmpty();
    }

    @Test
    void theBedrijfsartsFindsTimsProbleemanalyseAndAddsHerReportToHisCase() throws Exception {
        String timsCase = timsCaseOnDay(29, Set.of("probleemanalyseOpstellen"));
        report("bram", today.minusDays(30));

        browser = logIn("eva");
        openCaseFromTask("Taken van mijn groep", "Probleemanalyse opstellen", "Tim Vermeulen", timsCase);
        assertThat(browser.driver().findElements(By.id("actie-herstel"))).as("werkgever only").isEmpty();

        uploadOnTheCaseScreen("probleemanalyse-tim.pdf", "PROBLEEMANALYSE");

        JsonNode documents = json.readTree(http.get("/api/cases/" + timsCase + "/documents", "eva", "eva").body());
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).path("fileName").asText()).isEqualTo("probleemanalyse-tim.pdf");
        assertThat(documents.get(0).path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(documents.get(0).path("step").asText()).isEqualTo("PROBLEEMANALYSE");
        assertThat(documents.get(0).path("uploadedBy").asText()).isEqualTo("eva");
    }

    @Test
    void theWerknemerFindsHisOwnTaskOpensHisCaseAndAddsADocument() throws Exception {
        LocalDate firstSickDay = today.minusDays(29);
        String timsCase = timsCaseOnDay(29, Set.of("probleemanalyseOpstellen"));
        HttpResponse<String> proposed = http.post("/api/cases/" + timsCase + "/agreed-deviations", """
                {"step": "probleemanalyse", "newDeadline": "%s", "agreedOn": "%s",
                 "reason": "Eerst vier weken aangepast werk; daarna is duidelijk welke beperkingen blijven."}"""
                .formatted(firstSickDay.plusDays(59), today), "anna", "anna");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);

        browser = logIn("tim");
        openCaseFromTask("Mijn taken", "Afwijking van de termijn bevestigen", "Tim Vermeulen", timsCase);
        assertThat(browser.driver().findElements(By.id("actie-herstel"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("actie-uwv"))).isEmpty();

        uploadOnTheCaseScreen("mijn-verklaring.pdf", "");

        JsonNode documents = json.readTree(http.get("/api/cases/" + timsCase + "/documents", "tim", "tim").body());
        assertThat(documents).extracting(document -> document.path("uploadedBy").asText()).containsExactly("tim");
    }

    @Test
    void theWerkgeverReportsSicknessOnTheCaseListAndSeesTheCaseAndItsFirstStep() throws Exception {
        browser = logIn("anna");
        WebDriver page = browser.driver();
        page.get("http://localhost:" + port + "/zaken");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#actie-ziekmelding")));
        browser.click(page.findElement(By.cssSelector("#actie-ziekmelding summary")));
        String firstSickDay = today.minusDays(2).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));

        page.findElement(By.id("melding-werknemer")).sendKeys("nobody");
        page.findElement(By.id("melding-datum")).sendKeys(firstSickDay);
        browser.click(page.findElement(By.cssSelector("#form-ziekmelding button[type=submit]")));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("melding-werknemer-fout")));
        assertThat(page.findElement(By.cssSelector("#form-ziekmelding .form-error")).getText())
                .contains("Niet vastgelegd");

        page.findElement(By.id("melding-werknemer")).clear();
        page.findElement(By.id("melding-werknemer")).sendKeys("tim");
        browser.click(page.findElement(By.cssSelector("#form-ziekmelding button[type=submit]")));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("geopend")));
        String opened = page.findElement(By.id("geopend")).getText();
        assertThat(opened).contains("Vastgelegd", "Tim Vermeulen", "Ziekmelding doorgeven aan bedrijfsarts",
                "Open de zaak");
        String caseId = opened.replaceAll("(?s).*Zaak (ZV-[0-9A-Z-]+).*", "$1");
        JsonNode stored = caseOf(caseId, "anna");
        assertThat(stored.path("employeeId").asText()).isEqualTo("tim");
        assertThat(stored.path("firstSickDay").asText()).isEqualTo(today.minusDays(2).toString());

        browser.click(page.findElement(By.linkText("Open de zaak")));
        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Tim Vermeulen"));
        assertThat(page.getCurrentUrl()).endsWith("/zaken/" + caseId);
    }

    /**
     * In the filter, the task whose card names the employee; its form's header names the case and links to the case
     * screen, which then shows that employee.
     */
    private void openCaseFromTask(String filter, String taskName, String employee, String caseId) {
        browser.openFilter(filter);
        ListedTask task = browser.listedTasks().stream().filter(listed -> listed.name().startsWith(taskName))
                .filter(listed -> browser.listedTaskText(listed.taskId()).contains(employee)).findFirst()
                .orElseThrow(() -> new AssertionError("no task '" + taskName + "' of " + employee + " in " + filter));
        browser.openListedTask(task.taskId());
        if (!browser.driver().findElements(By.xpath("//button[normalize-space()='Oppakken']")).isEmpty()) {
            browser.clickButton("Oppakken"); // Tasklist lays a group task's form under glass until it is claimed
            browser.waiting().until(driver -> driver.findElements(By.cssSelector(".disabled-form")).isEmpty());
        }
        WebElement header = browser.driver().findElement(By.cssSelector(".fjs-form .fjs-form-field-text"));
        assertThat(header.getText()).contains(employee, "zaak " + caseId);

        WebDriver page = browser.driver();
        String tasklistWindow = page.getWindowHandle();
        browser.click(header.findElement(By.linkText("Open de zaak")));
        page.getWindowHandles().stream().filter(handle -> !handle.equals(tasklistWindow)).findFirst()
                .ifPresent(handle -> page.switchTo().window(handle));
        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), employee));
        assertThat(page.getCurrentUrl()).endsWith("/zaken/" + caseId);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier")));
    }

    private void uploadOnTheCaseScreen(String fileName, String step) throws IOException {
        Path pdf = Files.createTempDirectory("upload").resolve(fileName);
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
                StandardCharsets.US_ASCII);
        WebDriver page = browser.driver();
        browser.click(page.findElement(By.cssSelector("#actie-document summary")));
        page.findElement(By.id("document-bestand")).sendKeys(pdf.toAbsolutePath().toString());
        if (!step.isEmpty()) {
            browser.waiting().until(driver -> !driver.findElements(
                    By.cssSelector("#document-stap option[value='" + step + "']")).isEmpty());
            browser.click(page.findElement(By.cssSelector("#document-stap option[value='" + step + "']")));
        }
        browser.click(page.findElement(By.cssSelector("#form-document button[type=submit]")));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst")));
        assertThat(page.findElement(By.id("uitkomst")).getText()).contains("Vastgelegd", fileName);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("documenten"), fileName));
    }

    /** Tim's case played on time up to the given day of sickness, the given steps left open. */
    private String timsCaseOnDay(int day, Set<String> open) {
        Function<String, Map<String, Object>> answers = key -> open.contains(key) ? null : SimulatedAnswers.onTime(key);
        String caseId = cases.reportAndPlay(today.minusDays(day - 1L), today, answers, 0);
        ClockUtil.reset();
        return caseId;
    }

    private String report(String employee, LocalDate firstSickDay) throws IOException {
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "%s", "employerId": "acme-bouw", "firstSickDay": "%s"}"""
                .formatted(employee, firstSickDay), "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return json.readTree(opened.body()).path("caseId").asText();
    }

    private JsonNode caseOf(String caseId, String user) throws IOException {
        return json.readTree(http.get("/api/cases/" + caseId, user, user).body());
    }

    private TasklistBrowser logIn(String user) {
        return TasklistBrowser.logIn(port, user);
    }
}
