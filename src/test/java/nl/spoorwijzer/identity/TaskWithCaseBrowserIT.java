package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.identity.TasklistBrowser.ListedTask;
import nl.spoorwijzer.process.SicknessWeekRefresh;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The werkgever's Tasklist in a real (headless) Chromium: {@code anna} sees whose case each task is in her list —
 * the employee's name, the case id, the employer, the week of sickness — with the missed deadline of tim's
 * probleemanalyse first, and the task's form opens with the same header and a link to the case screen. The
 * screenshot is the README's picture src/docs/tasklist-taak-met-zaak.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskWithCaseBrowserIT {

    /** Left open by the simulated people: the probleemanalyse, and so the werkgever's task about missing it. */
    private static final Set<String> OPEN = Set.of("probleemanalyseOpstellen", "termijnOverschredenAfhandelen");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired SicknessWeekRefresh weeks;
    private TasklistBrowser anna;

    @AfterEach
    void cleanUp() {
        if (anna != null) {
            anna.close();
        }
        ClockUtil.reset();
        new ApiCases(new HttpTestClient(port), json, engine).deleteAll("poortwachter");
    }

    @Test
    void theWerkgeverSeesWhoseCaseEachTaskIsInHerListAndInTheForm() {
        LocalDate today = LocalDate.now(ApiCases.AMSTERDAM);
        LocalDate firstSickDay = today.minusDays(50);
        String caseId = new ApiCases(new HttpTestClient(port), json, engine).reportAndPlay(firstSickDay, today,
                key -> OPEN.contains(key) ? null : SimulatedAnswers.onTime(key), 0);
        ClockUtil.reset();
        weeks.refresh();
        Task escalation = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("termijnOverschredenAfhandelen").singleResult();

        anna = TasklistBrowser.logIn(port, "anna");
        anna.openFilter("Taken van mijn groep");
        List<ListedTask> listed = anna.listedTasks();
        assertThat(listed).as("the missed deadline comes first: the list is in due-date order").first()
                .isEqualTo(new ListedTask("Termijn overschreden: Probleemanalyse opstellen", escalation.getId()));
        assertThat(anna.listedTaskText(escalation.getId())).contains("Werknemer", "Tim Vermeulen", "Zaak", caseId,
                "Werkgever", "Acme Bouw B.V.", "Ziekteweek", "8");
        anna.screenshot("taken-van-mijn-groep-met-zaak");

        anna.openListedTask(escalation.getId());
        WebElement header = anna.driver().findElement(By.cssSelector(".fjs-form .fjs-form-field-text"));
        assertThat(header.getText()).contains("Tim Vermeulen · zaak " + caseId + " · Acme Bouw B.V. · ziekteweek 8",
                "Open de zaak");
        assertThat(header.findElement(By.linkText("Open de zaak")).getAttribute("href"))
                .endsWith("/zaken/" + caseId);
        anna.screenshotTo(Path.of("src", "docs", "tasklist-taak-met-zaak.png"));
    }
}
