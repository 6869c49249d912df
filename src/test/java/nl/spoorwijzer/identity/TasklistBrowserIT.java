package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist with its Camunda Forms in a real (headless) Chromium: the bedrijfsarts completes the probleemanalyse of a
 * case in its form, then the werkgever finds the plan van aanpak in her list. Runs in the {@code browser} Maven
 * profile (Debian's chromium and chromium-driver); screenshots go to target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossierRepository;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        browser = newBrowser();
    }

    private static WebDriver newBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=nl-NL");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowserAndCase() {
        if (browser != null) {
            browser.quit();
        }
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("ZV-BROWSER-1").list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
    }

    @Test
    void theBedrijfsartsCompletesTheProbleemanalyseFormAndTheWerkgeverGetsThePlanVanAanpak() throws IOException {
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("poortwachter",
                "ZV-BROWSER-1", Map.of("werknemerId", "bram", "werknemerNaam", "Bram Bakker",
                        "werkgeverId", "acme-bouw", "eersteZiektedag", today));
        engine.getTaskService().complete(task(instance, "ziekmeldingDoorgeven").getId(),
                Map.of("meldingBedrijfsartsDatum", today, "bedrijfsarts", "Eva de Vries"));
        Task analysis = task(instance, "probleemanalyseOpstellen");

        logIn("eva");
        browser.get(tasklist() + "#/?task=" + analysis.getId());
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        screenshot("1-probleemanalyse-form");
        clickButton(wait, "Claim");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        choose(wait, "Is er sprake van dreigend langdurig verzuim?", "Ja");
        type("Functionele beperkingen", "Niet langer dan 2 uur staan; niet tillen boven 10 kg.");
        type("Benutbare mogelijkheden", "Zittend werk, 4 uur per dag.");
        select(wait, "Prognose", "Herstel duurt langer dan 3 maanden");
        type("Advies aan werkgever en werknemer", "Start met aangepast werk, 2 x 2 uur per dag.");
        screenshot("2-probleemanalyse-filled");
        clickButton(wait, "Complete");
        wait.until(driver -> engine.getTaskService().createTaskQuery().taskId(analysis.getId()).count() == 0);

        DossierEntry recorded = dossierRepository.findByCase("ZV-BROWSER-1").stream()
                .filter(e -> e.type() == DossierEntryType.TASK_COMPLETED
                        && e.elementId().equals("probleemanalyseOpstellen"))
                .findFirst().orElseThrow();
        assertThat(recorded.recordedBy()).isEqualTo("eva");
        assertThat(recorded.role()).isEqualTo("bedrijfsarts");
        assertThat(recorded.content()).containsEntry("dreigendLangdurigVerzuim", "ja")
                .containsEntry("prognose", "langerDan3Maanden");

        browser.quit();
        browser = newBrowser();
        logIn("anna");
        wait = new WebDriverWait(browser, WAIT);
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[text()[normalize-space()='Taken van mijn groep']]"))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(normalize-space(),'Plan van aanpak opstellen')]")));
        screenshot("3-werkgever-tasklist");
        assertThat(task(instance, "planVanAanpakOpstellen").getDueDate()).isNotNull();
    }

    private String tasklist() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    private void logIn(String user) {
        browser.get(tasklist());
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    }

    private void clickButton(WebDriverWait wait, String text) {
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='" + text + "']"))));
    }

    /** Scrolls the element to the middle first: Tasklist's footer covers the bottom of the form. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** The form field whose label starts with the given text (form-js labels point at their input). */
    private WebElement field(String label) {
        WebElement labelElement = browser.findElement(By.xpath(
                "//label[starts-with(normalize-space(), '" + label + "')]"));
        return browser.findElement(By.id(labelElement.getAttribute("for")));
    }

    private void type(String label, String text) {
        WebElement input = field(label);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.sendKeys(text);
    }

    private void choose(WebDriverWait wait, String groupLabel, String option) {
        WebElement group = browser.findElement(By.xpath("//*[contains(@class,'fjs-form-field-radio')]"
                + "[.//*[starts-with(normalize-space(), '" + groupLabel + "')]]"));
        click(group.findElement(By.xpath(".//label[normalize-space()='" + option + "']")));
    }

    /** form-js draws a select as a display box with a drop-down list, not as a native select. */
    private void select(WebDriverWait wait, String label, String option) {
        click(browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[starts-with("
                + "normalize-space(), '" + label + "')]]//div[contains(@class,'fjs-input-group')]")));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']"))));
    }

    private void screenshot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
