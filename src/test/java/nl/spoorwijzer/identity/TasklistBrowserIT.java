package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossierRepository;
    private TasklistBrowser browser;

    @AfterEach
    void closeBrowserAndCase() {
        if (browser != null) {
            browser.close();
        }
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("ZV-BROWSER-1").list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
    }

    @Test
    void theBedrijfsartsCompletesTheProbleemanalyseFormAndTheWerkgeverGetsThePlanVanAanpak() {
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("poortwachter",
                "ZV-BROWSER-1", Map.of("werknemerId", "bram", "werknemerNaam", "Bram Bakker",
                        "werkgeverId", "acme-bouw", "eersteZiektedag", today));
        engine.getTaskService().complete(task(instance, "ziekmeldingDoorgeven").getId(),
                Map.of("meldingBedrijfsartsDatum", today, "bedrijfsarts", "Eva de Vries"));
        Task analysis = task(instance, "probleemanalyseOpstellen");

        browser = TasklistBrowser.logIn(port, "eva");
        browser.openTask(analysis.getId());
        browser.screenshot("1-probleemanalyse-form");
        browser.clickButton("Oppakken");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        browser.choose("Is er sprake van dreigend langdurig verzuim?", "Ja");
        browser.type("Functionele beperkingen", "Niet langer dan 2 uur staan; niet tillen boven 10 kg.");
        browser.type("Benutbare mogelijkheden", "Zittend werk, 4 uur per dag.");
        browser.select("Prognose", "Herstel duurt langer dan 3 maanden");
        browser.type("Advies aan werkgever en werknemer", "Start met aangepast werk, 2 x 2 uur per dag.");
        browser.screenshot("2-probleemanalyse-filled");
        browser.complete(() -> engine.getTaskService().createTaskQuery().taskId(analysis.getId()).count() == 0);

        DossierEntry recorded = dossierRepository.findByCase("ZV-BROWSER-1").stream()
                .filter(e -> e.type() == DossierEntryType.TASK_COMPLETED
                        && e.elementId().equals("probleemanalyseOpstellen"))
                .findFirst().orElseThrow();
        assertThat(recorded.recordedBy()).isEqualTo("eva");
        assertThat(recorded.role()).isEqualTo("bedrijfsarts");
        assertThat(recorded.content()).containsEntry("dreigendLangdurigVerzuim", "ja")
                .containsEntry("prognose", "langerDan3Maanden");

        browser.close();
        browser = TasklistBrowser.logIn(port, "anna");
        browser.openFilter("Taken van mijn groep");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(normalize-space(),'Plan van aanpak opstellen')]")));
        browser.screenshot("3-werkgever-tasklist");
        assertThat(task(instance, "planVanAanpakOpstellen").getDueDate()).isNotNull();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }
}
