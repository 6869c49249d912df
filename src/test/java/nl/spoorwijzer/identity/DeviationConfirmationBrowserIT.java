package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.identity.TasklistBrowser.ListedTask;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Regeling procesgang art. 5 in a real (headless) Chromium: the werkgever proposed a later deadline for the
 * probleemanalyse; {@code tim} finds the proposal in his own Tasklist, reads what is proposed and why, in Dutch, and
 * agrees — only then does the deadline move. Screenshots in target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeviationConfirmationBrowserIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired DossierRepository dossier;
    private TasklistBrowser tim;

    @AfterEach
    void cleanUp() {
        if (tim != null) {
            tim.close();
        }
        new ApiCases(new HttpTestClient(port), json, engine).deleteAll("poortwachter");
    }

    @Test
    void theWerknemerConfirmsAProposedDeviationInHisOwnTasklist() throws Exception {
        HttpTestClient http = new HttpTestClient(port);
        LocalDate today = LocalDate.now(ApiCases.AMSTERDAM);
        LocalDate firstSickDay = today.minusDays(29);
        String caseId = new ApiCases(http, json, engine).reportAndPlay(firstSickDay, today,
                key -> key.equals("probleemanalyseOpstellen") ? null : SimulatedAnswers.onTime(key), 0);
        ClockUtil.reset();
        LocalDate newDeadline = firstSickDay.plusDays(59);
        HttpResponse<String> proposed = http.post("/api/cases/" + caseId + "/agreed-deviations", """
                {"step": "probleemanalyse", "newDeadline": "%s", "agreedOn": "%s",
                 "reason": "Eerst vier weken aangepast werk; daarna is duidelijk welke beperkingen blijven."}"""
                .formatted(newDeadline, today), "anna", "anna");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        Task confirmation = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("afwijkingTermijnBevestigen").singleResult();

        tim = TasklistBrowser.logIn(port, "tim");
        tim.openFilter("Mijn taken");
        assertThat(tim.listedTasks()).contains(new ListedTask("Afwijking van de termijn bevestigen",
                confirmation.getId()));
        tim.openTask(confirmation.getId());
        tim.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        String form = tim.driver().findElement(By.cssSelector(".fjs-form")).getText();
        assertThat(form).as("what is proposed, and why, in Dutch").contains("probleemanalyse",
                newDeadline.toString(), "Eerst vier weken aangepast werk", "Bent u akkoord met deze afwijking?");
        tim.choose("Bent u akkoord met deze afwijking?", "Ja, ik ben akkoord");
        tim.screenshot("afwijking-termijn-bevestigen");
        tim.complete(() -> engine.getTaskService().createTaskQuery().taskId(confirmation.getId()).count() == 0);

        List<DossierEntry> decisions = dossier.findByCase(caseId).stream()
                .filter(entry -> entry.type() == DossierEntryType.DECISION).toList();
        assertThat(decisions).last().extracting(DossierEntry::subject)
                .isEqualTo("Afwijking van de termijn probleemanalyse afgesproken");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("probleemanalyseOpstellen").singleResult().getDueDate())
                .isEqualTo(ApiCases.endOf(newDeadline));
    }
}
