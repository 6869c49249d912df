package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.CaseDriver.endOf;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.spoorwijzer.demo.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The spoor 2 trajectory, one test per path, run as it runs in production: called by the case process after the
 * eerstejaarsevaluatie, with the same case id, tenant and dossier. Flow-node coverage of {@code spoor-2-traject} over
 * this class must reach 85 %.
 */
@SpringBootTest
class Spoor2TrajectProcessTest {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2025, 1, 6);
    static final double MINIMUM_FLOW_NODE_COVERAGE = 0.85;
    private static final List<String> TRAJECTORIES = new ArrayList<>();

    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossierRepository;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void spoor2TrajectIsCoveredByTheseScenarios(@Autowired ProcessEngine engine) {
        double coverage = FlowNodeCoverage.measure(engine, "spoor-2-traject", TRAJECTORIES,
                Path.of("target", "process-test-coverage", "spoor-2-traject-flow-nodes.txt"));
        Assertions.assertThat(coverage).as("flow-node coverage of spoor-2-traject, see target/process-test-coverage")
                .isGreaterThanOrEqualTo(MINIMUM_FLOW_NODE_COVERAGE);
    }

    /** A case after its eerstejaarsevaluatie (day 330) whose werkgever engaged the bureau on day 331. */
    /** Each case has its own employee: an employee can have only one open case. */
    private String employee;

    private CaseDriver caseInSpoor2() {
        employee = "bram" + UUID.randomUUID().toString().substring(0, 8);
        ClockUtil.setCurrentTime(CaseDriver.at(FIRST_SICK_DAY, LocalTime.of(9, 0)));
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("poortwachter",
                "ZV-S2-" + UUID.randomUUID(), Map.of("werknemerId", employee, "werkgeverId", "acme-bouw",
                        "eersteZiektedag", FIRST_SICK_DAY.toString()));
        CaseDriver driver = new CaseDriver(engine, instance, FIRST_SICK_DAY);
        driver.runUntil(329, key -> key.equals("eerstejaarsevaluatieHouden") ? null : SimulatedAnswers.onTime(key),
                0);
        driver.onDay(330).complete("eerstejaarsevaluatieHouden", SimulatedAnswers.defaults("eerstejaarsevaluatieHouden"));
        driver.onDay(331).complete("reintegratiebureauInschakelen",
                SimulatedAnswers.defaults("reintegratiebureauInschakelen"));
        TRAJECTORIES.add(trajectory(driver).getId());
        return driver;
    }

    private ProcessInstance trajectory(CaseDriver driver) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("spoor-2-traject")
                .processInstanceBusinessKey(driver.caseId()).singleResult();
    }

    private static Map<String, Object> answers(String taskKey, Object... overrides) {
        Map<String, Object> values = new HashMap<>(SimulatedAnswers.defaults(taskKey));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return values;
    }

    private List<DossierEntry> dossier(CaseDriver driver, DossierEntryType type) {
        return dossierRepository.findByCase(driver.caseId()).stream().filter(e -> e.type() == type).toList();
    }

    /** Referral, introduction, AD report, intake, search profile and an agreed plan: execution starts. */
    private void throughIntakeAndPlan(CaseDriver driver) {
        for (String task : List.of("aanmeldingBeoordelen", "kennismaking", "adRapportBestuderen", "intakeEnOrientatie",
                "zoekprofielOpstellen", "planSpoor2Opstellen", "planSpoor2Beoordelen")) {
            driver.complete(task, answers(task));
        }
    }

    /**
     * A job application recorded on the case (POST /api/cases/{caseId}/job-applications): the platform sends it to
     * the trajectory with the form's values; no task waits for it.
     */
    private void registerJobApplication(CaseDriver driver, String employer) {
        engine.getRuntimeService().createMessageCorrelation(ProcessKeys.Messages.SOLLICITATIE_GEREGISTREERD)
                .processInstanceId(trajectory(driver).getId())
                .setVariables(answers("sollicitatieRegistreren", "sollicitatieWerkgever", employer)).correlate();
    }

    @Test
    void placementThroughSecondmentUntilTheEndOfTheWaitingPeriod() {
        CaseDriver driver = caseInSpoor2();
        ProcessInstance trajectory = trajectory(driver);
        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("aanmeldingBeoordelen"))).containsExactly("bureau-werkfit");
        Assertions.assertThat(engine.getRuntimeService().getVariable(trajectory.getId(), "functioneleBeperkingen"))
                .as("the person profile starts from the bedrijfsarts's functional limitations")
                .isEqualTo(SimulatedAnswers.defaults("probleemanalyseOpstellen").get("functioneleBeperkingen"));
        throughIntakeAndPlan(driver);

        assertThat(trajectory).as("no task stands open for job applications").isWaitingAtExactly("rapportagemomentBereikt");
        driver.onDay(340);
        registerJobApplication(driver, "Bouwbedrijf De Vries");
        driver.onDay(345);
        registerJobApplication(driver, "Installatiebedrijf Noord");
        Assertions.assertThat(engine.getRuntimeService().getVariables(trajectory.getId()))
                .containsEntry("aantalSollicitaties", 2).containsEntry("laatsteSollicitatie", "2025-12-16")
                .containsEntry("sollicitatiesSindsVorigeRapportage", 2);
        Assertions.assertThat(engine.getRuntimeService().getVariables(driver.instance().getId()))
                .as("visible on the case").containsEntry("aantalSollicitaties", 2)
                .containsEntry("laatsteSollicitatie", "2025-12-16");

        // The first progress report is due 42 days after the plan (day 331 + 42 = day 373), its task from day 359.
        driver.onDay(359).fireDueTimers();
        Task report = driver.task("voortgangsrapportageOpstellen");
        Assertions.assertThat(report.getDueDate()).isEqualTo(endOf(driver.day(373)));
        driver.onDay(365).complete("voortgangsrapportageOpstellen", answers("voortgangsrapportageOpstellen",
                "rapportageVervolg", "passendeFunctieGevonden", "gevondenFunctie", "Planner bij Installatiebedrijf Noord",
                "plaatsingsvorm", "detachering"));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("passendheidToetsen"))).containsExactly("arbo-west");
        driver.complete("passendheidToetsen", answers("passendheidToetsen"));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("detacheringVastleggen"))).containsExactly("werkgever");
        driver.complete("detacheringVastleggen", answers("detacheringVastleggen"));
        driver.complete("nazorgBieden", answers("nazorgBieden"));
        driver.complete("eindrapportageOpstellen", answers("eindrapportageOpstellen", "eindresultaat",
                "geplaatstDetachering"));

        assertThat(trajectory).isEnded().hasPassed("detacheringVastleggen", "duurzaamGeplaatst")
                .hasNotPassed("arbeidsovereenkomstVastleggen");
        assertThat(driver.instance()).hasPassed("spoor2Afgerond");
        Assertions.assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("bureau-werkfit")
                .resourceId(driver.instance().getId()).count())
                .as("with the trajectory ended the bureau is no longer a party of the case").isZero();
        Assertions.assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("arbo-west")
                .resourceId(driver.instance().getId()).count()).as("the arbodienst still is").isEqualTo(2);
        DossierEntry secondment = dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().equals("detacheringVastleggen")).findFirst().orElseThrow();
        Assertions.assertThat(secondment.content()).containsEntry("inlener", "Installatiebedrijf Noord")
                .containsEntry("loonwaardePercentage", 55).containsEntry("detacheringUren", 24);
        DossierEntry reportEntry = dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().equals("voortgangsrapportageOpstellen")).findFirst().orElseThrow();
        Assertions.assertThat(reportEntry.content()).containsEntry("sollicitatiesSindsVorigeRapportage", 2);
        Assertions.assertThat(reportEntry.deadlineMet()).isTrue();
        Assertions.assertThat(dossier(driver, DossierEntryType.TRAJECTORY_ENDED).get(0).content())
                .containsEntry("afsluitreden", "duurzaamGeplaatst");
    }

    @Test
    void placementWithADirectContractAtTheNewEmployer() {
        CaseDriver driver = caseInSpoor2();
        ProcessInstance trajectory = trajectory(driver);
        throughIntakeAndPlan(driver);
        driver.onDay(359).fireDueTimers();
        driver.complete("voortgangsrapportageOpstellen", answers("voortgangsrapportageOpstellen",
                "rapportageVervolg", "passendeFunctieGevonden", "gevondenFunctie", "Planner",
                "plaatsingsvorm", "arbeidsovereenkomst"));
        driver.complete("passendheidToetsen", answers("passendheidToetsen"));
        driver.complete("arbeidsovereenkomstVastleggen", answers("arbeidsovereenkomstVastleggen"));
        driver.complete("nazorgBieden", answers("nazorgBieden"));
        driver.complete("eindrapportageOpstellen", answers("eindrapportageOpstellen"));

        assertThat(trajectory).isEnded().hasPassed("arbeidsovereenkomstVastleggen")
                .hasNotPassed("detacheringVastleggen");
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .anySatisfy(e -> Assertions.assertThat(e.content()).containsEntry("nieuweFunctie", "Planner"));
    }

    @Test
    void aFunctionThatIsNotSuitableSendsTheBureauBackToWork() {
        CaseDriver driver = caseInSpoor2();
        throughIntakeAndPlan(driver);
        driver.onDay(359).fireDueTimers();
        driver.complete("voortgangsrapportageOpstellen", answers("voortgangsrapportageOpstellen",
                "rapportageVervolg", "passendeFunctieGevonden", "gevondenFunctie", "Magazijnmedewerker"));
        driver.complete("passendheidToetsen", answers("passendheidToetsen", "functiePassend", "nee"));

        assertThat(trajectory(driver)).isWaitingAt("rapportagemomentBereikt");
    }

    @Test
    void goalAdjustedAfterTheInterimCheckLeadsToARevisedPlanVanAanpak() {
        CaseDriver driver = caseInSpoor2();
        throughIntakeAndPlan(driver);
        driver.onDay(359).fireDueTimers();
        driver.complete("voortgangsrapportageOpstellen", answers("voortgangsrapportageOpstellen",
                "rapportageVervolg", "einddoelToetsen"));
        driver.complete("haalbaarheidEinddoelToetsen", answers("haalbaarheidEinddoelToetsen",
                "einddoelHaalbaar", "nee", "bijgesteldEinddoel", "Planner 16 uur per week"));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("bijgesteldEinddoelBeoordelen"))).containsExactly("werkgever");
        driver.complete("bijgesteldEinddoelBeoordelen", answers("bijgesteldEinddoelBeoordelen"));

        Task revision = driver.task("planBijstellenNaSpoor2");
        Assertions.assertThat(revision.getName()).isEqualTo("Plan van aanpak bijstellen");
        Assertions.assertThat(revision.getProcessInstanceId()).isEqualTo(driver.instance().getId());
        Assertions.assertThat(CaseDriver.candidateGroups(engine, revision)).containsExactly("werkgever");
        assertThat(trajectory(driver)).isWaitingAt("rapportagemomentBereikt");
        driver.complete("planBijstellenNaSpoor2", answers("planBijstellenNaSpoor2"));
        Task review = driver.task("bijgesteldPlanNaSpoor2Beoordelen");
        Assertions.assertThat(review.getAssignee()).as("the employee judges the revision himself").isEqualTo(employee);
        Assertions.assertThat(CaseDriver.candidateGroups(engine, review)).isEmpty();
        driver.complete("bijgesteldPlanNaSpoor2Beoordelen", answers("bijgesteldPlanNaSpoor2Beoordelen"));
        assertThat(driver.instance()).hasPassed("bijgesteldPlanNaSpoor2Beoordelen", "planBijgesteldNaSpoor2");
    }

    @Test
    void employeeDisagreesWithTheSpoor2PlanSoADeskundigenoordeelIsRequested() {
        CaseDriver driver = caseInSpoor2();
        for (String task : List.of("aanmeldingBeoordelen", "kennismaking", "adRapportBestuderen", "intakeEnOrientatie",
                "zoekprofielOpstellen", "planSpoor2Opstellen")) {
            driver.complete(task, answers(task));
        }
        driver.complete("planSpoor2Beoordelen", answers("planSpoor2Beoordelen", "akkoordSpoor2Plan", "nee"));
        driver.complete("deskundigenoordeelSpoor2Aanvragen", answers("deskundigenoordeelSpoor2Aanvragen"));
        assertThat(trajectory(driver)).isWaitingAt("deskundigenoordeelSpoor2Ontvangen");
        engine.getRuntimeService().createMessageCorrelation("DeskundigenoordeelSpoor2Ontvangen")
                .processInstanceBusinessKey(driver.caseId()).correlate();
        driver.complete("deskundigenoordeelSpoor2Verwerken", answers("deskundigenoordeelSpoor2Verwerken"));
        driver.complete("planSpoor2Opstellen", answers("planSpoor2Opstellen"));
        driver.complete("planSpoor2Beoordelen", answers("planSpoor2Beoordelen"));

        assertThat(trajectory(driver)).hasPassed("deskundigenoordeelSpoor2Verwerken")
                .isWaitingAt("rapportagemomentBereikt");
    }

    @Test
    void aLateProgressReportEscalatesToTheWerkgeverAndIsRecordedAsAMissedDeadline() {
        CaseDriver driver = caseInSpoor2();
        throughIntakeAndPlan(driver);
        ProcessInstance trajectory = trajectory(driver);
        driver.onDay(373).fireDueTimers();
        Assertions.assertThat(escalationsIn(trajectory)).as("day 373 is still in time").isEmpty();
        driver.onDay(374).fireDueTimers();

        Task escalation = escalationsIn(trajectory).get(0);
        Assertions.assertThat(escalation.getName()).isEqualTo("Termijn overschreden: Voortgangsrapportage opstellen");
        Assertions.assertThat(CaseDriver.candidateGroups(engine, escalation)).containsExactly("werkgever");
        DossierEntry missed = dossier(driver, DossierEntryType.DEADLINE_MISSED).stream()
                .filter(e -> e.processInstanceId().equals(trajectory.getId())).findFirst().orElseThrow();
        Assertions.assertThat(missed.elementId()).isEqualTo("voortgangsrapportageOpstellen");
        Assertions.assertThat(missed.role()).isEqualTo("re-integratiebureau");
        Assertions.assertThat(missed.dueDate()).isEqualTo(driver.day(373));
        engine.getTaskService().complete(escalation.getId(), answers("termijnOverschredenAfhandelen"));
        driver.complete("voortgangsrapportageOpstellen", answers("voortgangsrapportageOpstellen"));
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().equals("voortgangsrapportageOpstellen")).findFirst().orElseThrow()
                .deadlineMet()).isFalse();
    }

    private List<Task> escalationsIn(ProcessInstance trajectory) {
        return engine.getTaskService().createTaskQuery().processInstanceId(trajectory.getId())
                .taskDefinitionKey("termijnOverschredenAfhandelen").list();
    }

    @Test
    void theBureauDeclinesTheReferralAndTheWerkgeverChoosesAnother() {
        CaseDriver driver = caseInSpoor2();
        driver.complete("aanmeldingBeoordelen", answers("aanmeldingBeoordelen", "aanmeldingGeaccepteerd", "nee"));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("anderBureauKiezen"))).containsExactly("werkgever");
        driver.complete("anderBureauKiezen", answers("anderBureauKiezen"));

        assertThat(trajectory(driver)).isWaitingAt("aanmeldingBeoordelen");
    }

    @Test
    void aStructuralSpoor1ResultPausesTheTrajectoryWithTheCaseUntilTheRecoveryIsDefinitive() {
        CaseDriver driver = caseInSpoor2();
        throughIntakeAndPlan(driver);
        ProcessInstance trajectory = trajectory(driver);
        driver.onDay(360).fireDueTimers();
        driver.complete("evaluatieVisieGeven", answers("evaluatieVisieGeven"));
        driver.complete("voortgangEvalueren", answers("voortgangEvalueren", "evaluatieVervolg", "structureelHervat",
                "hervatOp", driver.day(360).toString()));

        // The same herstelperiode as a full recovery: a relapse within 4 weeks would resume spoor 2 too.
        Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(trajectory.getId()).suspended().count()).isEqualTo(1);
        driver.onDay(360 + 28 + 28).fireDueTimers();
        assertThat(trajectory).isEnded();
        assertThat(driver.instance()).isEnded().hasPassed("structureleHervattingVastleggen");
        Assertions.assertThat(dossier(driver, DossierEntryType.CASE_CLOSED)).singleElement().satisfies(e ->
                Assertions.assertThat(e.content()).containsEntry("afsluitreden", "structureelHervat"));
    }

    @Test
    void theEndOfTheWaitingPeriodWithoutPlacementClosesTheTrajectoryWithAnEndReport() {
        CaseDriver driver = caseInSpoor2();
        driver.runUntil(713, SimulatedAnswers::onTime, 0);
        ProcessInstance trajectory = trajectory(driver);
        driver.onDay(714).fireDueTimers();
        // Not completed by runUntil yet: the end report is due on the last day of the waiting period.
        Task endReport = driver.task("eindrapportageBijEindeWachttijd");
        Assertions.assertThat(endReport.getDueDate()).isEqualTo(endOf(driver.day(728)));
        driver.complete("eindrapportageBijEindeWachttijd", answers("eindrapportageBijEindeWachttijd"));

        assertThat(trajectory).isEnded().hasPassed("trajectAfgeslotenBijEindeWachttijd");
        Assertions.assertThat(dossier(driver, DossierEntryType.TRAJECTORY_ENDED).get(0).content())
                .containsEntry("afsluitreden", "eindeWachttijd");
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .filteredOn(e -> e.elementId().equals("voortgangsrapportageOpstellen")).hasSizeGreaterThan(6)
                .allSatisfy(e -> Assertions.assertThat(e.deadlineMet()).isTrue());
    }
}
