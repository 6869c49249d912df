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
import nl.spoorwijzer.simulation.SimulatedAnswers;
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
        for (String task : List.of("aanmeldingBeoordelen", "visieKeuzeBureauGeven", "kennismaking",
                "adRapportBestuderen", "intakeEnOrientatie", "zoekprofielOpstellen", "planSpoor2Opstellen",
                "planSpoor2Beoordelen")) {
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

        assertThat(trajectory).as("no task stands open for job applications").isWaitingAtExactly("wachtenOpRapportagemoment", "rapportagemomentBereikt");
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
        driver.complete("detacheringVastleggen", answers("detacheringVastleggen",
                "detacheringEinde", driver.day(455).toString()));
        // seed 004: the detachering has an end and a follow-up: the hirer offers a contract after it.
        assertThat(trajectory).isWaitingAt("detacheringLooptAf");
        driver.onDay(441).fireDueTimers();
        Task conclusion = driver.task("detacheringAfronden");
        Assertions.assertThat(conclusion.getDueDate()).isEqualTo(endOf(driver.day(455)));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, conclusion)).containsExactly("bureau-werkfit");
        driver.complete("detacheringAfronden", answers("detacheringAfronden"));
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
        for (String task : List.of("aanmeldingBeoordelen", "visieKeuzeBureauGeven", "kennismaking",
                "adRapportBestuderen", "intakeEnOrientatie", "zoekprofielOpstellen", "planSpoor2Opstellen")) {
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

    // ---- spoor 2 as it happens (issue 26) ----

    /** A placement reported on the case (POST /api/cases/{caseId}/spoor2/placement-reports). */
    private void reportPlacement(CaseDriver driver, String form) {
        engine.getRuntimeService().createMessageCorrelation(ProcessKeys.Messages.PLAATSING_GEMELD)
                .processInstanceId(trajectory(driver).getId())
                .setVariables(answers("plaatsingMelden", "plaatsingsvorm", form)).correlate();
    }

    private void correlate(CaseDriver driver, String message, Object... variables) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(trajectory(driver).getId())
                .setVariables(values).correlate();
    }

    @Test
    // seed 001: "Nadat een nieuwe functie is gevonden, wordt getoetst of de functie duurzaam en passend is."
    // seed 004: "De bedrijfsarts helpt bij de bepaling of het werk daadwerkelijk passend is."
    void aPlacementReportedAtOnceIsCheckedAtOnceNotAfterTheNextProgressReport() {
        CaseDriver driver = caseInSpoor2();
        throughIntakeAndPlan(driver);
        driver.onDay(340); // Thursday 11 December 2025; the next progress report is due on day 373
        reportPlacement(driver, "arbeidsovereenkomst");

        Task check = driver.task("passendheidToetsen");
        Assertions.assertThat(check.getDueDate()).as("5 working days").isEqualTo(endOf(driver.day(347)));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, check)).containsExactly("arbo-west");
        Assertions.assertThat(driver.openTask("voortgangsrapportageOpstellen")).isEmpty();
        driver.complete("passendheidToetsen", answers("passendheidToetsen"));
        driver.complete("arbeidsovereenkomstVastleggen", answers("arbeidsovereenkomstVastleggen"));
        assertThat(trajectory(driver)).hasPassed("plaatsingGemeld", "passendheidToetsen")
                .hasNotPassed("voortgangsrapportageOpstellen").isWaitingAt("nazorgBieden");
    }

    @Test
    // seed 004: "Een detachering van een zieke werknemer eindigt op enig moment." Without a contract offer by the hirer
    // the search goes on; the no-riskpolis and the premium advantages are recorded either way.
    void aDetacheringWithoutAContractOfferSendsTheSearchOn() {
        CaseDriver driver = caseInSpoor2();
        throughIntakeAndPlan(driver);
        driver.onDay(340);
        reportPlacement(driver, "detachering");
        driver.complete("passendheidToetsen", answers("passendheidToetsen"));
        driver.complete("detacheringVastleggen", answers("detacheringVastleggen",
                "detacheringEinde", driver.day(400).toString()));
        driver.onDay(385).fireDueTimers();
        Assertions.assertThat(driver.openTask("detacheringAfronden")).as("14 days before the end").isEmpty();
        driver.onDay(386).fireDueTimers();
        driver.complete("detacheringAfronden", answers("detacheringAfronden", "contractaanbodInlener", "nee",
                "noRiskPolis", "nee", "premievoordelen", "Geen: de inlener neemt de werknemer niet over."));

        assertThat(trajectory(driver)).hasPassed("contractBijInlener").isWaitingAt("rapportagemomentBereikt");
        DossierEntry outcome = dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().equals("detacheringAfronden")).findFirst().orElseThrow();
        Assertions.assertThat(outcome.content()).containsEntry("contractaanbodInlener", "nee")
                .containsEntry("noRiskPolis", "nee").containsKey("premievoordelen");
    }

    @Test
    // seed 004: "Een werknemer hoeft overigens geen werk te accepteren dat niet passend is."
    void theEmployeeRefusesAnOfferAndTheWerkgeverAsksForADeskundigenoordeel() {
        CaseDriver driver = caseInSpoor2();
        throughIntakeAndPlan(driver);
        correlate(driver, ProcessKeys.Messages.AANBOD_GEWEIGERD, "geweigerdAanbod", "Magazijnmedewerker",
                "weigeringDatum", driver.day(331).toString(), "weigeringMotivering", "Ploegendienst.");
        Task judge = driver.task("weigeringBeoordelen");
        Assertions.assertThat(CaseDriver.candidateGroups(engine, judge)).containsExactly("werkgever");
        driver.complete("weigeringBeoordelen", answers("weigeringBeoordelen", "weigeringOordeel",
                "deskundigenoordeel"));
        assertThat(trajectory(driver)).hasPassed("deskundigenoordeelGevraagd").isWaitingAt("rapportagemomentBereikt");

        correlate(driver, ProcessKeys.Messages.AANBOD_GEWEIGERD, "geweigerdAanbod", "Chauffeur");
        driver.complete("weigeringBeoordelen", answers("weigeringBeoordelen"));
        assertThat(trajectory(driver)).hasPassed("weigeringAfgehandeld");
    }

    @Test
    // seed 004: "Wij vinden het belangrijk dat de werknemer zelf ook wordt betrokken bij de keuze voor een
    // re-integratiebureau." His view is his own task, not a checkbox of the werkgever.
    void theEmployeeGivesHisOwnViewOnTheChoiceOfTheBureau() {
        CaseDriver driver = caseInSpoor2();
        Task view = driver.task("visieKeuzeBureauGeven");
        Assertions.assertThat(view.getAssignee()).isEqualTo(employee);
        Assertions.assertThat(CaseDriver.candidateGroups(engine, view)).isEmpty();
        Assertions.assertThat(driver.openTask("aanmeldingBeoordelen")).as("the trajectory does not wait").isPresent();
        driver.complete("visieKeuzeBureauGeven", answers("visieKeuzeBureauGeven"));
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .anySatisfy(e -> Assertions.assertThat(e.content()).containsKey("visieKeuzeBureau"));
    }

    @Test
    // seed 003: "Van belang is, dat de werkgever altijd verantwoordelijk blijft/is voor de re-integratie." He may run
    // spoor 2 himself: the bureau's tasks are his, with the same reports and the same watch on their deadlines.
    void theWerkgeverRunsSpoor2HimselfWithTheSameReportsAndCadence() {
        employee = "bram" + UUID.randomUUID().toString().substring(0, 8);
        ClockUtil.setCurrentTime(CaseDriver.at(FIRST_SICK_DAY, LocalTime.of(9, 0)));
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("poortwachter",
                "ZV-S2-" + UUID.randomUUID(), Map.of("werknemerId", employee, "werkgeverId", "acme-bouw",
                        "eersteZiektedag", FIRST_SICK_DAY.toString()));
        CaseDriver driver = new CaseDriver(engine, instance, FIRST_SICK_DAY);
        driver.runUntil(329, key -> key.equals("eerstejaarsevaluatieHouden") ? null : SimulatedAnswers.onTime(key),
                0);
        driver.onDay(330).complete("eerstejaarsevaluatieHouden",
                SimulatedAnswers.defaults("eerstejaarsevaluatieHouden"));
        Map<String, Object> himself = new java.util.HashMap<>(SimulatedAnswers.defaults("reintegratiebureauInschakelen"));
        himself.put("spoor2Uitvoerder", "werkgever"); // seed 003: "Dit kan de werkgever zelf verzorgen"
        driver.onDay(331).complete("reintegratiebureauInschakelen", himself);
        ProcessInstance trajectory = trajectory(driver);
        TRAJECTORIES.add(trajectory.getId());

        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("kennismaking")))
                .containsExactly("werkgever");
        for (String task : List.of("kennismaking", "adRapportBestuderen", "intakeEnOrientatie",
                "zoekprofielOpstellen", "planSpoor2Opstellen", "planSpoor2Beoordelen")) {
            driver.complete(task, answers(task));
        }
        driver.onDay(359).fireDueTimers();
        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("voortgangsrapportageOpstellen")))
                .containsExactly("werkgever");
        driver.onDay(374).fireDueTimers();
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED)).as("the same cadence watch")
                .anySatisfy(e -> Assertions.assertThat(e.elementId()).isEqualTo("voortgangsrapportageOpstellen"));
        correlate(driver, ProcessKeys.Messages.BELASTBAARHEID_GEWIJZIGD, "belastbaarheidWijziging",
                "Belastbaar tot 20 uur per week.");
        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("gewijzigdeBelastbaarheidVerwerken")))
                .containsExactly("werkgever");

        assertThat(trajectory).hasNotPassed("aanmeldingBeoordelen", "visieKeuzeBureauGeven");
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(trajectory.getId())
                .taskCandidateGroupIn(List.of("re-integratiebureau", "bureau-werkfit")).count())
                .as("no task of a bureau").isZero();
        Assertions.assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("bureau-werkfit")
                .resourceId(driver.instance().getId()).count()).as("no bureau is a party of the case").isZero();
    }

    @Test
    // seed 003: the werkgever tells the bureau when capacity changes (a task in its list, 5 working days).
    void aChangeOfCapacityGivesTheBureauATask() {
        CaseDriver driver = caseInSpoor2();
        throughIntakeAndPlan(driver);
        driver.onDay(340);
        correlate(driver, ProcessKeys.Messages.BELASTBAARHEID_GEWIJZIGD, "belastbaarheidWijziging",
                "Belastbaar tot 20 uur per week, geen ploegendienst.");
        Task task = driver.task("gewijzigdeBelastbaarheidVerwerken");
        Assertions.assertThat(CaseDriver.candidateGroups(engine, task)).containsExactly("bureau-werkfit");
        Assertions.assertThat(task.getDueDate()).isEqualTo(endOf(driver.day(347)));
        driver.complete("gewijzigdeBelastbaarheidVerwerken", answers("gewijzigdeBelastbaarheidVerwerken"));
        assertThat(trajectory(driver)).hasPassed("belastbaarheidVerwerkt").isWaitingAt("rapportagemomentBereikt");
    }

    @Test
    void endingTheTrajectoryRecordsItsReasonAndReturnsToTheCase() {
        CaseDriver driver = caseInSpoor2();
        throughIntakeAndPlan(driver);
        ProcessInstance trajectory = trajectory(driver);
        correlate(driver, ProcessKeys.Messages.SPOOR_2_TRAJECT_BEEINDIGEN, "trajectEindreden", "plaatsingMislukt");

        assertThat(trajectory).isEnded().hasPassed("trajectVoortijdigBeeindigd");
        assertThat(driver.instance()).hasPassed("spoor2Afgerond");
        Assertions.assertThat(dossier(driver, DossierEntryType.TRAJECTORY_ENDED)).singleElement().satisfies(e ->
                Assertions.assertThat(e.content()).containsEntry("afsluitreden", "plaatsingMislukt"));
        Assertions.assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("bureau-werkfit")
                .resourceId(driver.instance().getId()).count()).as("the bureau left the case").isZero();
    }
}
