package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.identity.TasklistBrowser.ListedTask;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Need to know and own voice in Tasklist, in a real (headless) Chromium: {@code anna} refers her case to WerkFit from
 * the bureau select, {@code daan} refers his to Nieuwe Kansen, and each bureau's Tasklist lists only the case referred
 * to it; {@code bram} writes his own views in his own forms. Two cases of 320 days are played forward in simulated
 * time to the referral after the eerstejaarsevaluatie (spoor 2 needed); the clock is then back at today. Screenshots
 * in target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BureauIsolationBrowserIT {

    private static final String WERKFIT = "bureau-werkfit";
    private static final String NIEUWE_KANSEN = "bureau-nieuwe-kansen";
    private static final String REFERRAL = ProcessKeys.Tasks.REINTEGRATIEBUREAU_INSCHAKELEN;
    private static final String EJE_VIEW = "eerstejaarsevaluatieVisieGeven";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    @Autowired ObjectMapper json;
    private final List<TasklistBrowser> browsers = new ArrayList<>();
    /** bram's case at Acme Bouw (anna is its werkgever); a case id is never used twice. */
    private final String acmeCase = "ZV-BROWSER-ACME-" + UUID.randomUUID().toString().substring(0, 8);
    /** carla's case at Zorggroep Noord (daan is its werkgever). */
    private final String zorggroepCase = "ZV-BROWSER-ZORG-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void bramsCaseWaitsForTheReferral() {
        startAndPlayToTheReferral(acmeCase, "bram", "acme-bouw");
    }

    @AfterEach
    void closeBrowsersAndCases() {
        browsers.forEach(TasklistBrowser::close);
        for (String caseId : List.of(acmeCase, zorggroepCase)) {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                    .processDefinitionKey(ProcessKeys.POORTWACHTER).list()
                    .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
        }
        ClockUtil.reset();
    }

    @Test
    void eachBureauSeesInTasklistOnlyTheCaseReferredToIt() throws IOException {
        startAndPlayToTheReferral(zorggroepCase, "carla", "zorggroep-noord");
        String annasReferral = task(acmeCase, REFERRAL).getId();

        // What Tasklist loads for the select (deserializeValues=false, as its form-js integration asks): a JSON
        // serialized value, which it parses into the options; a Java-serialized one would leave the select empty.
        JsonNode bureaus = json.readTree(new HttpTestClient(port).get("/engine-rest/task/" + annasReferral
                + "/form-variables?deserializeValues=false", "anna", "anna").body()).path("beschikbareBureaus");
        assertThat(bureaus.path("valueInfo").path("serializationDataFormat").asText()).isEqualTo("application/json");
        assertThat(json.readTree(bureaus.path("value").asText()).findValuesAsText("value"))
                .containsExactlyInAnyOrder(WERKFIT, NIEUWE_KANSEN);

        TasklistBrowser anna = browser("anna");
        anna.openTask(annasReferral);
        anna.clickButton("Oppakken");
        anna.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        assertThat(anna.openSelect("Re-integratiebureau")).as("the bureaus serving Acme Bouw, by name")
                .containsExactlyInAnyOrder("WerkFit Re-integratie", "Nieuwe Kansen Loopbaan");
        anna.screenshot("bureau-1-werkgever-kiest-bureau");
        anna.select("Re-integratiebureau", "WerkFit Re-integratie");
        anna.typeDate("Startdatum spoor 2-traject", LocalDate.now(ApiCases.AMSTERDAM));
        anna.screenshot("bureau-2-verwijzing-ingevuld");
        anna.complete(() -> engine.getTaskService().createTaskQuery().taskId(annasReferral).count() == 0);

        assertThat(dossier.findByCase(acmeCase)).filteredOn(entry -> entry.type() == DossierEntryType.TASK_COMPLETED
                        && REFERRAL.equals(entry.elementId()))
                .extracting(DossierEntry::recordedBy, DossierEntry::role,
                        entry -> entry.content().get("reintegratiebureau"),
                        entry -> entry.content().get("spoor2Startdatum"))
                .as("a date typed day first, as a Dutch browser shows it, is stored as that day")
                .containsExactly(tuple("anna", "werkgever", WERKFIT, LocalDate.now(ApiCases.AMSTERDAM).toString()));
        referAsWerkgever(zorggroepCase, "daan", "zorggroep-noord", NIEUWE_KANSEN);
        Task werkfitsTask = task(acmeCase, "aanmeldingBeoordelen");
        Task nieuweKansensTask = task(zorggroepCase, "aanmeldingBeoordelen");
        assertThat(candidateGroups(werkfitsTask)).containsExactly(WERKFIT);
        assertThat(candidateGroups(nieuweKansensTask)).containsExactly(NIEUWE_KANSEN);

        TasklistBrowser frank = browser("frank");
        frank.openFilter("Taken van mijn groep");
        assertThat(frank.listedTasks()).containsExactly(new ListedTask("Aanmelding beoordelen", werkfitsTask.getId()));
        frank.openListedTask(werkfitsTask.getId());
        assertThat(frank.pageSource()).doesNotContain(nieuweKansensTask.getId(), zorggroepCase, "carla",
                "Carla");
        frank.screenshot("bureau-3-werkfit-takenlijst");

        TasklistBrowser rosa = browser("rosa");
        rosa.openFilter("Taken van mijn groep");
        assertThat(rosa.listedTasks())
                .containsExactly(new ListedTask("Aanmelding beoordelen", nieuweKansensTask.getId()));
        assertThat(rosa.pageSource()).doesNotContain(werkfitsTask.getId(), acmeCase, "bram", "Bram");
        rosa.screenshot("bureau-4-nieuwe-kansen-takenlijst");
    }

    @Test
    void theEmployeeWritesHisOwnViewsInHisOwnForms() {
        reviseThePlanAtTheNextEvaluation(acmeCase);
        String progressView = task(acmeCase, "evaluatieVisieGeven").getId();

        TasklistBrowser bram = browser("bram");
        bram.openFilter("Mijn taken");
        assertThat(bram.listedTasks()).extracting(ListedTask::name).containsExactlyInAnyOrder(
                "Eigen visie op de voortgang geven", "Bijgesteld plan van aanpak beoordelen",
                "Eigen visie op de eerstejaarsevaluatie geven");
        bram.openTask(task(acmeCase, EJE_VIEW).getId());
        bram.screenshot("eigen-visie-1-eerstejaarsevaluatie");
        bram.openTask(task(acmeCase, "bijgesteldPlanBeoordelen").getId());
        bram.screenshot("eigen-visie-2-bijgesteld-plan");
        bram.openTask(progressView);
        bram.type("Uw eigen visie op de voortgang", "De opbouw gaat langzamer dan gepland, maar ik doe mee.");
        bram.screenshot("eigen-visie-3-voortgang");
        bram.complete(() -> engine.getTaskService().createTaskQuery().taskId(progressView).count() == 0);

        assertThat(dossier.findByCase(acmeCase)).filteredOn(entry -> entry.type() == DossierEntryType.TASK_COMPLETED
                        && "evaluatieVisieGeven".equals(entry.elementId())).last()
                .satisfies(entry -> {
                    assertThat(entry.recordedBy()).isEqualTo("bram");
                    assertThat(entry.role()).isEqualTo("werknemer");
                    assertThat(entry.content()).containsEntry("visieWerknemerEvaluatie",
                            "De opbouw gaat langzamer dan gepland, maar ik doe mee.");
                });
    }

    /**
     * Starts a case (as the platform) whose first sick day lies 320 days back and plays it to today: the
     * eerstejaarsevaluatie (window from week 45) decided spoor 2 is needed, so the werkgever's referral waits, and
     * the employee's own view on the eerstejaarsevaluatie too.
     */
    private void startAndPlayToTheReferral(String caseId, String employee, String employer) {
        Instant now = Instant.now();
        LocalDate firstSickDay = LocalDate.ofInstant(now, ApiCases.AMSTERDAM).minusDays(320);
        ApiCases.onDay(firstSickDay);
        engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.POORTWACHTER, caseId,
                Map.of("werknemerId", employee, "werkgeverId", employer, "eersteZiektedag", firstSickDay.toString()));
        new CasePlayer(engine, caseId).playUntil(now, key -> key.equals(REFERRAL) || key.equals(EJE_VIEW) ? null
                : SimulatedAnswers.onTime(key), 0);
        ClockUtil.reset();
        assertThat(task(caseId, REFERRAL)).as("spoor 2 is needed in " + caseId).isNotNull();
    }

    /** The next progress evaluation is held now; the werkgever revises the plan, which goes to the employee. */
    private void reviseThePlanAtTheNextEvaluation(String caseId) {
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(ProcessKeys.POORTWACHTER).singleResult().getId();
        Job evaluation = engine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId("evaluatiemomentBereikt").singleResult();
        engine.getManagementService().executeJob(evaluation.getId());
        Map<String, Object> progress = SimulatedAnswers.defaults(ProcessKeys.Tasks.VOORTGANG_EVALUEREN);
        progress.put("evaluatieVervolg", "planBijstellen");
        engine.getTaskService().complete(task(caseId, ProcessKeys.Tasks.VOORTGANG_EVALUEREN).getId(), progress);
        engine.getTaskService().complete(task(caseId, "planVanAanpakBijstellen").getId(),
                SimulatedAnswers.defaults("planVanAanpakBijstellen"));
    }

    /** The werkgever completes the referral through the engine with his own authentication. */
    private void referAsWerkgever(String caseId, String werkgever, String employer, String bureau) {
        Map<String, Object> referral = SimulatedAnswers.defaults(REFERRAL);
        referral.put("reintegratiebureau", bureau);
        engine.getIdentityService().setAuthentication(werkgever, List.of(Role.WERKGEVER.groupId()),
                List.of(employer));
        try {
            engine.getTaskService().complete(task(caseId, REFERRAL).getId(), referral);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private TasklistBrowser browser(String user) {
        TasklistBrowser browser = TasklistBrowser.logIn(port, user);
        browsers.add(browser);
        return browser;
    }

    private Task task(String caseId, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key)
                .singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
    }
}
