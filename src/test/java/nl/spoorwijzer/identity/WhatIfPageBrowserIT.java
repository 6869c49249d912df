package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.migration.MigrationFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Eerst proberen" on /procesbeheer (issue 28) in headless Chromium: hanna chooses a candidate poortwachter.bpmn
 * with its forms, starts the simulation and reads per sample case what appears and moves, marked as a simulation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhatIfPageBrowserIT {

    @LocalServerPort int port;
    private TasklistBrowser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void hannaTriesACandidateOnHerPage() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "simulatie-kandidaat"));
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, byte[]> form : MigrationFixtures.forms().entrySet()) {
            paths.add(Files.write(dir.resolve(form.getKey()), form.getValue()).toAbsolutePath().toString());
        }
        paths.add(Files.write(dir.resolve("poortwachter.bpmn"), MigrationFixtures.version2("90.0.0", model -> { }))
                .toAbsolutePath().toString());

        browser = TasklistBrowser.logInToCockpit(port, "hanna");
        WebDriver page = browser.driver();
        page.get("http://localhost:" + port + "/procesbeheer");
        WebElement files = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("kandidaat")));
        files.sendKeys(String.join("\n", paths));
        browser.click(page.findElement(By.id("proberen-starten")));
        // The simulation runs in a JVM of its own for a few minutes; the page polls for its result.
        WebElement onTime = new WebDriverWait(page, Duration.ofMinutes(10)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".simulatie-zaak[data-zaak='OP-TIJD']")));
        assertThat(page.findElement(By.id("simulatie")).getText()).contains("SIMULATIE", "verzonnen personen");
        assertThat(onTime.getText()).contains("(simulatie)", "Verschenen: Ziekmelding bij UWV voorbereiden",
                "Verschoven: ");
        page.findElement(By.id("proberen-kop")).click();
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "document.getElementById('proberen-kop').scrollIntoView()");
        browser.screenshot("procesbeheer-eerst-proberen");
    }
}
