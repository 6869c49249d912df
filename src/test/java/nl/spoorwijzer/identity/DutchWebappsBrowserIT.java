package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist and Cockpit in Dutch for a browser set to American English: Dutch buttons, no "migrate to Camunda 8"
 * banner, and a Camunda Forms date field that shows and reads dd-mm-jjjj, so the date typed is the date stored.
 * Screenshots: src/docs/tasklist-nederlands.png, src/docs/cockpit-nederlands.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DutchWebappsBrowserIT {

    private static final String BUSINESS_KEY = "ZV-BROWSER-NL";
    private static final String AMERICAN_BROWSER = "en-US";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    private TasklistBrowser browser;

    @AfterEach
    void closeBrowserAndCase() {
        if (browser != null) {
            browser.close();
        }
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(BUSINESS_KEY).list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
    }

    @Test
    void anAmericanBrowserShowsTasklistInDutchAndStoresTheDateAsTyped() throws IOException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        LocalDate firstSickDay = today.minusDays(4);
        LocalDate reported = today.minusDays(2);
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("poortwachter", BUSINESS_KEY,
                Map.of("werknemerId", "bram", "werknemerNaam", "Bram Bakker", "werkgeverId", "acme-bouw",
                        "eersteZiektedag", firstSickDay.toString()));
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("ziekmeldingDoorgeven").singleResult();

        browser = TasklistBrowser.logIn(port, "anna", AMERICAN_BROWSER);
        browser.openTask(task.getId());
        assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        assertThat(browser.pageSource()).doesNotContain("Camunda 8", "Start process", "Claim</button>");
        browser.clickButton("Oppakken");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));

        WebElement date = browser.field("Datum melding aan bedrijfsarts");
        assertThat(date.getAttribute("placeholder")).isEqualTo("dd-mm-yyyy");
        browser.type("Datum melding aan bedrijfsarts",
                reported.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")) + Keys.TAB);
        browser.type("Bedrijfsarts of arbodienst", "Eva de Vries");
        assertThat(browser.field("Datum melding aan bedrijfsarts").getAttribute("value"))
                .isEqualTo(reported.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        assertThat(browser.pageSource()).contains("Afronden", "Opslaan", "Aangemaakt");
        browser.screenshot("tasklist-nederlands");
        browser.complete(() -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);

        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "meldingBedrijfsartsDatum"))
                .isEqualTo(reported.toString());
        keep("tasklist-nederlands");
    }

    @Test
    void cockpitIsDutchToo() throws IOException {
        browser = TasklistBrowser.logIn(port, "demo", AMERICAN_BROWSER);
        browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");
        try {
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[normalize-space()='Lopende procesinstanties']")));
        } catch (RuntimeException notShown) {
            browser.screenshot("cockpit-not-shown");
            throw notShown;
        }
        assertThat(browser.pageSource()).contains("Processen", "Beslissingen", "Deployments")
                .doesNotContain("Running Process Instances", "Camunda 8");
        assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        browser.screenshot("cockpit-nederlands");
        keep("cockpit-nederlands");
    }

    /** The screenshot as a README picture. */
    private static void keep(String name) throws IOException {
        Path docs = Path.of("src", "docs");
        Files.copy(TasklistBrowser.SCREENSHOTS.resolve(name + ".png"), docs.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
