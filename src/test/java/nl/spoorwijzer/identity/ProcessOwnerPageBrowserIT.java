package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.migration.MigrationFixtures;
import nl.spoorwijzer.support.ApiCases;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The procesbeheerder's page (/procesbeheer, issue 28) in headless Chromium: hanna, from Cockpit's header, sees the
 * versions with their running-case counts, makes a plan with a mapping, sees per case whether it can move, selects
 * it, confirms and starts the batch; the case then runs on version 2. A werkgever gets the API's refusal in Dutch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessOwnerPageBrowserIT {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    private TasklistBrowser browser;
    private String caseId;

    @AfterEach
    void cleanUp() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (caseId != null) {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                    .processDefinitionKey("poortwachter").list().forEach(instance -> engine.getRuntimeService()
                            .deleteProcessInstance(instance.getId(), "test"));
        }
        new MigrationFixtures(engine).deployTodaysModels();
        ClockUtil.reset();
    }

    @Test
    void hannaPlansAndMovesACaseOnHerPage() throws IOException {
        MigrationFixtures fixtures = new MigrationFixtures(engine);
        ProcessDefinition v1 = fixtures.latest();
        caseId = startCase(60);
        ProcessDefinition v2 = fixtures.deployVersion2();

        browser = TasklistBrowser.logInToCockpit(port, "hanna");
        WebDriver page = browser.driver();
        WebElement link = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(@class,'spoorwijzer-link')][normalize-space()='Procesbeheer']")));
        browser.click(link);
        WebElement versions = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("tabel-versies")));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Procesbeheer");
        assertThat(page.findElements(By.cssSelector("#topbar a[href='/procesbeheer']"))).as("in her header")
                .isNotEmpty();
        assertThat(versions.getText()).contains(v2.getVersionTag()).doesNotContain(caseId);
        browser.screenshot("procesbeheer-versies");

        new Select(page.findElement(By.id("proces"))).selectByValue("poortwachter");
        page.findElement(By.id("bronversie")).sendKeys(String.valueOf(v1.getVersion()));
        // "Naar versie" left empty: the newest, which the page's start then names by the definition id the plan tried.
        page.findElement(By.id("koppelingen")).sendKeys(MigrationFixtures.OLD_TIMER + " -> "
                + MigrationFixtures.NEW_TIMER);
        browser.click(page.findElement(By.id("plan-maken")));
        WebElement plan = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tabel-plan")));
        WebElement row = plan.findElement(By.xpath(".//tr[td[normalize-space()='" + caseId + "']]"));
        assertThat(row.getText()).contains("Kan over");
        browser.screenshot("procesbeheer-plan");
        // Only this case is selected: the others a shared test database may hold stay where they are.
        for (WebElement box : page.findElements(By.cssSelector("#tabel-plan input[name=zaak]:checked"))) {
            if (!caseId.equals(box.getAttribute("value"))) {
                browser.click(box);
            }
        }
        browser.click(page.findElement(By.id("migratie-starten")));
        assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#melding .error"))).getText()).as("not confirmed: the API's Dutch refusal").contains("confirm");
        browser.click(page.findElement(By.id("bevestigen")));
        browser.click(page.findElement(By.id("migratie-starten")));
        WebElement started = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.id("batch-gestart")));
        assertThat(started.getText()).contains("1 zaken gaan over naar versie " + v2.getVersion());
        browser.screenshot("procesbeheer-batch");
        String batchId = engine.getManagementService().createBatchQuery().list().stream()
                .filter(batch -> started.getText().contains(batch.getId())).findFirst().orElseThrow().getId();
        fixtures.executeBatch(batchId);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getProcessDefinitionId()).isEqualTo(v2.getId());
    }

    @Test
    void aWerkgeverGetsTheRefusalInDutch() {
        browser = TasklistBrowser.logIn(port, "anna");
        browser.driver().get("http://localhost:" + port + "/procesbeheer");
        assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#melding .error"))).getText()).contains("procesbeheerder");
        assertThat(browser.driver().findElements(By.id("tabel-versies"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#topbar a[href='/procesbeheer']"))).isEmpty();
    }

    private String startCase(int daysBeforeToday) {
        LocalDate firstSickDay = TODAY.minusDays(daysBeforeToday);
        ApiCases.onDay(firstSickDay);
        String id = "ZV-MIGRATIE-" + UUID.randomUUID();
        engine.getRuntimeService().startProcessInstanceByKey("poortwachter", id, Map.of(
                "werknemerId", "mira" + UUID.randomUUID().toString().substring(0, 8), "werknemerNaam", "Mira Migratie",
                "werkgeverId", "acme-bouw", "eersteZiektedag", firstSickDay.toString()));
        new CasePlayer(engine, id).playUntil(TODAY.atTime(9, 0).atZone(ApiCases.AMSTERDAM).toInstant(),
                SimulatedAnswers::onTime, 0);
        return id;
    }
}
