package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.CaseDriver.endOf;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.recovery.CaseRecovery;
import nl.spoorwijzer.recovery.RecoveryRequest;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.trajectories.Spoor2Aanleiding;
import nl.spoorwijzer.trajectories.Spoor2Start;
import nl.spoorwijzer.trajectories.Spoor2Starts;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import nl.spoorwijzer.cases.CooperationMeasureView;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legal scenarios of the Poortwachter case process, one test each, on the real model with its delegates and
 * dossier (in-memory H2, job executor off). Timers fire because the engine clock is moved and due jobs are
 * executed. Process test coverage of {@code poortwachter} is measured over this class and must reach 88 %.
 */
@SpringBootTest
@Import({ProcessEngineCoverageConfiguration.class, PoortwachterProcessTest.Coverage.class})
class PoortwachterProcessTest {

    /** Monday 6 January 2025: day 42 = Sunday 16 February 2025, day 728 = Sunday 3 January 2027. */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2025, 1, 6);

    /** The floor for the share of {@code poortwachter}'s flow nodes that these scenarios reach. */
    static final double MINIMUM_FLOW_NODE_COVERAGE = 0.88; // raised from 0.85 with issue 26 (89.4 % then)
    private static final List<String> STARTED_CASES = new ArrayList<>();

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return ProcessEngineCoverageProperties.builder()
                    .excludeProcessDefinitionKeys("spoor-2-traject")
                    .build();
        }
    }

    @AfterAll
    static void poortwachterIsCoveredByTheseScenarios(@Autowired ProcessEngine engine) {
        double coverage = FlowNodeCoverage.measure(engine, "poortwachter", STARTED_CASES,
                Path.of("target", "process-test-coverage", "poortwachter-flow-nodes.txt"));
        Assertions.assertThat(coverage).as("flow-node coverage of poortwachter, see target/process-test-coverage")
                .isGreaterThanOrEqualTo(MINIMUM_FLOW_NODE_COVERAGE);
    }

    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossierRepository;
    @Autowired CaseFileRepository caseFiles;
    @Autowired CaseRecovery caseRecovery;
    @Autowired CaseRescheduling rescheduling;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired EvaluationReplanning evaluationReplanning;
    @Autowired Spoor2Starts spoor2Starts;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Each case has its own employee: an employee can have only one open case. */
    private String employee;

    private CaseDriver startCase(int onSickDay) {
        return startCase(onSickDay, Map.of());
    }

    private CaseDriver startCase(int onSickDay, Map<String, Object> more) {
        employee = "bram" + UUID.randomUUID().toString().substring(0, 8);
        ClockUtil.setCurrentTime(CaseDriver.at(FIRST_SICK_DAY.plusDays(onSickDay - 1L), LocalTime.of(9, 0)));
        Map<String, Object> variables = new HashMap<>(more);
        variables.putAll(Map.of(
                "werknemerId", employee,
                "werknemerNaam", "Bram Bakker",
                "werkgeverId", "acme-bouw",
                "eersteZiektedag", FIRST_SICK_DAY.toString()));
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("poortwachter",
                "ZV-TEST-" + UUID.randomUUID(), variables);
        STARTED_CASES.add(instance.getId());
        return new CaseDriver(engine, instance, FIRST_SICK_DAY);
    }

    private List<DossierEntry> dossier(CaseDriver driver, DossierEntryType type) {
        return dossierRepository.findByCase(driver.caseId()).stream().filter(e -> e.type() == type).toList();
    }

    /** An evaluation: the employee gives his own view, the werkgever records the evaluation and what follows. */
    private static void evaluate(CaseDriver driver, Map<String, Object> werkgeverAnswers) {
        driver.complete("evaluatieVisieGeven", answers("evaluatieVisieGeven"));
        driver.complete("voortgangEvalueren", werkgeverAnswers);
    }

    private static Map<String, Object> answers(String taskKey, Object... overrides) {
        Map<String, Object> values = new HashMap<>(SimulatedAnswers.defaults(taskKey));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return values;
    }

    @Test
    void caseStartComputesEveryLegalDateAndTheFirstTaskIsTheWerkgeversReportToTheBedrijfsarts() {
        CaseDriver driver = startCase(1);

        Map<String, Object> variables = engine.getRuntimeService().getVariables(driver.instance().getId());
        Assertions.assertThat(variables)
                .containsEntry("ziekmeldingBedrijfsartsDue", endOf(LocalDate.of(2025, 1, 12)))
                .containsEntry("probleemanalyseDue", endOf(LocalDate.of(2025, 2, 16)))
                .containsEntry("planVanAanpakDue", endOf(LocalDate.of(2025, 3, 2)))
                .containsEntry("ziekmeldingUwvDue", endOf(LocalDate.of(2025, 10, 27)))
                .containsEntry("eerstejaarsevaluatieDue", endOf(LocalDate.of(2026, 1, 4)))
                .containsEntry("wiaAanvraagDue", endOf(LocalDate.of(2026, 10, 18)))
                .containsEntry("eindeWachttijd", endOf(LocalDate.of(2027, 1, 3)));
        Task first = driver.task("ziekmeldingDoorgeven");
        Assertions.assertThat(first.getDueDate()).isEqualTo(endOf(driver.day(7)));
        Assertions.assertThat(first.getFollowUpDate()).as("5 working days before day 7 is before the case existed")
                .isEqualTo(CaseDriver.at(driver.day(1), LocalTime.of(9, 0)));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, first)).containsExactly("werkgever");
        Assertions.assertThat(caseFiles.find(driver.caseId())).hasValueSatisfying(file -> {
            Assertions.assertThat(file.status()).isEqualTo("OPEN");
            Assertions.assertThat(file.phase()).isEqualTo(CasePhase.ZIEKMELDING);
            Assertions.assertThat(file.nextDeadline()).as("the werkgever's report")
                    .isEqualTo(driver.day(7));
        });
        DossierEntry timeline = dossier(driver, DossierEntryType.TIMELINE_COMPUTED).get(0);
        Assertions.assertThat(timeline.content()).containsEntry("eersteZiektedag", "2025-01-06");
        Assertions.assertThat((Map<String, Object>) timeline.content().get("termijnen"))
                .containsEntry("probleemanalyse", "2025-02-16")
                .containsEntry("einde-wachttijd", "2027-01-03");
    }

    @Test
    void anEmployeeWithAnOpenCaseCannotGetASecondOne() {
        CaseDriver first = startCase(1);

        Assertions.assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("poortwachter",
                        Map.of("werknemerId", employee, "werkgeverId", "acme-bouw",
                                "eersteZiektedag", FIRST_SICK_DAY.toString())))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
                .hasMessageContaining("heeft al een lopende zaak (" + first.caseId() + ")");
        Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .variableValueEquals("werknemerId", employee).count()).as("nothing half-started").isEqualTo(1);
    }

    @Test
    void recoveryInWeekThreeBeforeAnyAnalysisIsDue() {
        CaseDriver driver = startCase(1);
        driver.onDay(3).complete("ziekmeldingDoorgeven", answers("ziekmeldingDoorgeven"));
        assertThat(driver.instance()).isWaitingAt("probleemanalyseOpstellen");

        driver.onDay(17);
        engine.getIdentityService().setAuthentication("demo", List.of("camunda-admin"));
        try {
            caseRecovery.recover(caseFiles.find(driver.caseId()).orElseThrow(),
                    new RecoveryRequest(driver.day(17).toString(), null));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        driver.onDay(45); // 28 days after the recovery date (day 17): definitive
        driver.fireDueTimers();
        Assertions.assertThat(caseFiles.find(driver.caseId()).orElseThrow().status()).isEqualTo("CLOSED");
        Assertions.assertThat(driver.isEnded()).as("kept 28 days more for a late relapse report").isFalse();
        driver.onDay(72);
        driver.fireDueTimers();
        Assertions.assertThat(driver.isEnded()).isFalse();
        driver.onDay(73);
        driver.fireDueTimers();

        assertThat(driver.instance()).isEnded();
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED)).isEmpty();
        DossierEntry report = dossier(driver, DossierEntryType.TASK_COMPLETED).get(0);
        Assertions.assertThat(report.subject()).isEqualTo("Ziekmelding doorgeven aan bedrijfsarts");
        Assertions.assertThat(report.role()).isEqualTo("werkgever");
        Assertions.assertThat(report.dueDate()).isEqualTo(driver.day(7));
        Assertions.assertThat(report.deadlineMet()).isTrue();
        Assertions.assertThat(report.content()).containsEntry("bedrijfsarts", "Arbodienst Noord, dr. Eva de Vries");
        Assertions.assertThat(caseFiles.find(driver.caseId())).hasValueSatisfying(file -> {
            Assertions.assertThat(file.status()).isEqualTo("CLOSED");
            Assertions.assertThat(file.closedReason()).isEqualTo("hersteld");
            Assertions.assertThat(file.nextDeadline()).isNull();
        });
        DossierEntry closed = dossier(driver, DossierEntryType.CASE_CLOSED).get(0);
        Assertions.assertThat(closed.content()).containsEntry("afsluitreden", "hersteld")
                .containsEntry("herstelDatum", "2025-01-22");
    }

    @Test
    void theEvaluationCycleGoesOnWithoutTheEmployeesViewAndSpoor1SuccessEndsAViewNeverGiven() {
        CaseDriver driver = startCase(1);
        driver.onDay(5).complete("ziekmeldingDoorgeven", answers("ziekmeldingDoorgeven"));
        driver.onDay(30).complete("probleemanalyseOpstellen", answers("probleemanalyseOpstellen"));
        driver.onDay(40).complete("planVanAanpakOpstellen", answers("planVanAanpakOpstellen"));
        driver.complete("planVanAanpakBeoordelen", answers("planVanAanpakBeoordelen"));
        driver.onDay(68).fireDueTimers();

        // The werkgever evaluates on day 75; the employee writes nothing. The next evaluation is planned from the
        // werkgever's evaluation (due day 75 + 42), not held up by the view that never came.
        driver.onDay(75).complete("voortgangEvalueren", answers("voortgangEvalueren"));
        Assertions.assertThat(driver.openTask("evaluatieVisieGeven")).as("the employee may still write").isPresent();
        driver.onDay(103).fireDueTimers();
        Assertions.assertThat(driver.task("voortgangEvalueren").getDueDate()).isEqualTo(endOf(driver.day(117)));
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(driver.instance().getId())
                .taskDefinitionKey("evaluatieVisieGeven").count()).as("one view per evaluation").isEqualTo(2);

        driver.onDay(110).complete("voortgangEvalueren", answers("voortgangEvalueren", "evaluatieVervolg",
                "structureelHervat", "hervatOp", driver.day(110).toString()));
        assertThat(driver.instance()).hasPassed("structureleHervattingVastleggen");
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(driver.instance().getId())
                .active().count()).as("the views never given pause with the case").isZero();
        driver.onDay(110 + 28 + 28).fireDueTimers();
        assertThat(driver.instance()).isEnded();
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(driver.instance().getId())
                .count()).as("the views never given end with the case").isZero();
    }

    @Test
    void spoor1SuccessWithReturnToAdaptedOwnWorkInWeek30() {
        CaseDriver driver = startCase(1);
        driver.onDay(5).complete("ziekmeldingDoorgeven", answers("ziekmeldingDoorgeven"));
        driver.onDay(30).complete("probleemanalyseOpstellen", answers("probleemanalyseOpstellen"));

        // Plan van aanpak within 2 weeks after the probleemanalyse of day 30: day 44, before day 56.
        Task plan = driver.task("planVanAanpakOpstellen");
        Assertions.assertThat(plan.getDueDate()).isEqualTo(endOf(driver.day(44)));
        Assertions.assertThat(plan.getFollowUpDate()).as("5 working days before Tuesday day 44: Tuesday day 37")
                .isEqualTo(CaseDriver.at(driver.day(37), LocalTime.MIDNIGHT));
        driver.onDay(40).complete("planVanAanpakOpstellen", answers("planVanAanpakOpstellen"));
        Task review = driver.task("planVanAanpakBeoordelen");
        Assertions.assertThat(review.getAssignee()).isEqualTo(employee);
        driver.complete("planVanAanpakBeoordelen", answers("planVanAanpakBeoordelen"));

        Assertions.assertThat(caseFiles.find(driver.caseId()).orElseThrow().phase())
                .isEqualTo(CasePhase.PLAN_VAN_AANPAK);
        // First evaluation due 42 days after the plan (day 82), its task appears 14 days before.
        driver.onDay(67).fireDueTimers();
        Assertions.assertThat(driver.openTask("voortgangEvalueren")).isEmpty();
        driver.onDay(68).fireDueTimers();
        Assertions.assertThat(driver.task("voortgangEvalueren").getDueDate()).isEqualTo(endOf(driver.day(82)));
        Assertions.assertThat(caseFiles.find(driver.caseId()).orElseThrow())
                .satisfies(file -> Assertions.assertThat(file.phase()).isEqualTo(CasePhase.SPOOR_1))
                .satisfies(file -> Assertions.assertThat(file.nextDeadline()).isEqualTo(driver.day(82)));
        Task ownView = driver.task("evaluatieVisieGeven");
        Assertions.assertThat(ownView.getAssignee()).as("the employee writes his own view").isEqualTo(employee);
        Assertions.assertThat(CaseDriver.candidateGroups(engine, ownView)).isEmpty();
        evaluate(driver.onDay(75), answers("voortgangEvalueren"));
        // The second evaluation asks the bedrijfsarts to revise the analysis; the cycle goes on from there.
        driver.onDay(110).fireDueTimers();
        evaluate(driver, answers("voortgangEvalueren", "evaluatieVervolg", "analyseBijstellen"));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("probleemanalyseBijstellen")))
                .containsExactly("arbo-west");
        driver.complete("probleemanalyseBijstellen", answers("probleemanalyseBijstellen"));
        for (int evaluationDay : new int[] {145, 180}) {
            driver.onDay(evaluationDay).fireDueTimers();
            evaluate(driver, answers("voortgangEvalueren"));
        }
        driver.onDay(208).fireDueTimers();
        evaluate(driver.onDay(209), answers("voortgangEvalueren", "evaluatieVervolg", "structureelHervat",
                "hervatOp", driver.day(205).toString()));

        // The same herstelperiode as a full recovery, from the return date: the case pauses for 28 days.
        assertThat(driver.instance()).isNotEnded().hasPassed("structureleHervattingVastleggen");
        Assertions.assertThat(caseFiles.find(driver.caseId()).orElseThrow())
                .satisfies(file -> Assertions.assertThat(file.status()).isEqualTo("RECOVERED"))
                .satisfies(file -> Assertions.assertThat(file.recoveredOn()).isEqualTo(driver.day(205)));
        Assertions.assertThat(dossier(driver, DossierEntryType.RECOVERY)).singleElement().satisfies(e -> {
            Assertions.assertThat(e.subject()).startsWith("Structureel hervat in eigen of aangepast werk op 2025-07-29");
            Assertions.assertThat(e.content()).containsEntry("herstelSoort", "structureelHervat")
                    .containsEntry("zaakGeslotenOp", "2025-08-26");
        });
        driver.onDay(232).fireDueTimers(); // day 205 + 27
        Assertions.assertThat(caseFiles.find(driver.caseId()).orElseThrow().status()).isEqualTo("RECOVERED");
        driver.onDay(233).fireDueTimers(); // day 205 + 28
        Assertions.assertThat(caseFiles.find(driver.caseId()).orElseThrow())
                .satisfies(file -> Assertions.assertThat(file.status()).isEqualTo("CLOSED"))
                .satisfies(file -> Assertions.assertThat(file.closedReason()).isEqualTo("structureelHervat"));
        driver.onDay(261).fireDueTimers(); // and 28 days for a late relapse report
        assertThat(driver.instance()).isEnded().hasNotPassed("ziekmeldingUwvDoen");
        Assertions.assertThat(dossier(driver, DossierEntryType.CASE_CLOSED)).singleElement().satisfies(e ->
                Assertions.assertThat(e.content()).containsEntry("afsluitreden", "structureelHervat")
                        .containsEntry("datum", "2025-08-26").containsEntry("herstelDatum", "2025-07-29"));
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .filteredOn(e -> e.elementId().equals("voortgangEvalueren")).hasSize(5)
                .allSatisfy(e -> Assertions.assertThat(e.deadlineMet()).isTrue())
                .allSatisfy(e -> Assertions.assertThat(e.content()).doesNotContainKey("visieWerknemerEvaluatie"));
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .filteredOn(e -> e.elementId().equals("evaluatieVisieGeven")).hasSize(5)
                .allSatisfy(e -> Assertions.assertThat(e.role()).isEqualTo("werknemer"))
                .allSatisfy(e -> Assertions.assertThat(e.recordedBy()).isEqualTo(employee))
                .allSatisfy(e -> Assertions.assertThat(e.content()).containsOnlyKeys("visieWerknemerEvaluatie"));
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED)).isEmpty();
    }

    @Test
    void noLongTermAbsenceExpectedMeansMonitoringOnlyUntilItBecomesLikely() {
        CaseDriver driver = startCase(1);
        driver.onDay(5).complete("ziekmeldingDoorgeven", answers("ziekmeldingDoorgeven"));
        driver.onDay(20).complete("probleemanalyseOpstellen",
                answers("probleemanalyseOpstellen", "dreigendLangdurigVerzuim", "nee"));

        assertThat(driver.instance()).isWaitingAt("volgendConsult");
        Assertions.assertThat(driver.openTasks()).as("no task stands open for what is recorded at any time")
                .isEmpty();
        driver.onDay(62).fireDueTimers();
        Task consult = driver.task("verzuimMonitoren");
        Assertions.assertThat(CaseDriver.candidateGroups(engine, consult)).containsExactly("arbo-west");
        driver.complete("verzuimMonitoren", answers("verzuimMonitoren"));
        Assertions.assertThat(driver.openTask("planVanAanpakOpstellen")).isEmpty();

        // The next consult, 42 days later (a day later here: summer time started in between), finds threatening
        // long-term absence: probleemanalyse without delay (7 days), then the plan within 2 weeks after it.
        driver.onDay(103).fireDueTimers();
        Assertions.assertThat(driver.openTask("verzuimMonitoren")).isEmpty();
        driver.onDay(104);
        ClockUtil.setCurrentTime(new Date(driver.now().getTime() + 3_600_000L));
        driver.fireDueTimers();
        driver.complete("verzuimMonitoren", answers("verzuimMonitoren", "alsnogDreigendLangdurigVerzuim", "ja"));
        Assertions.assertThat(driver.task("probleemanalyseOpstellen").getDueDate())
                .isEqualTo(endOf(driver.day(111)));
        driver.onDay(108).complete("probleemanalyseOpstellen", answers("probleemanalyseOpstellen"));
        Assertions.assertThat(driver.task("planVanAanpakOpstellen").getDueDate()).isEqualTo(endOf(driver.day(122)));
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED)).isEmpty();
    }

    @Test
    void movingTheTimelineKeepsTheDeadlineOfAProbleemanalyseAskedForLate() {
        CaseDriver driver = startCase(1);
        driver.onDay(5).complete("ziekmeldingDoorgeven", answers("ziekmeldingDoorgeven"));
        driver.onDay(20).complete("probleemanalyseOpstellen",
                answers("probleemanalyseOpstellen", "dreigendLangdurigVerzuim", "nee"));
        driver.onDay(62).fireDueTimers();
        driver.complete("verzuimMonitoren", answers("verzuimMonitoren", "alsnogDreigendLangdurigVerzuim", "ja"));
        Assertions.assertThat(driver.task("probleemanalyseOpstellen").getDueDate()).isEqualTo(endOf(driver.day(69)));

        driver.onDay(64);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> rescheduling.apply(
                driver.instance().getId(), new TimelineChange.VvlGranted(driver.day(64), 13)));

        Assertions.assertThat(driver.task("probleemanalyseOpstellen").getDueDate()).as("not back to day 42")
                .isEqualTo(endOf(driver.day(69)));
        driver.onDay(66).fireDueTimers();
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED)).isEmpty();
    }

    @Test
    void employeeDisagreesWithThePlanSoADeskundigenoordeelIsRequested() {
        CaseDriver driver = startCase(1);
        driver.onDay(5).complete("ziekmeldingDoorgeven", answers("ziekmeldingDoorgeven"));
        driver.onDay(35).complete("probleemanalyseOpstellen", answers("probleemanalyseOpstellen"));
        driver.onDay(45).complete("planVanAanpakOpstellen", answers("planVanAanpakOpstellen"));
        driver.complete("planVanAanpakBeoordelen", answers("planVanAanpakBeoordelen", "akkoordMetPlan", "nee",
                "visieWerknemer", "Het plan houdt geen rekening met mijn mogelijkheden."));

        driver.complete("deskundigenoordeelAanvragen", answers("deskundigenoordeelAanvragen"));
        assertThat(driver.instance()).isWaitingAt("deskundigenoordeelOntvangen");
        driver.onDay(70);
        engine.getRuntimeService().createMessageCorrelation("DeskundigenoordeelOntvangen")
                .processInstanceBusinessKey(driver.caseId()).correlate();
        driver.complete("deskundigenoordeelVerwerken", answers("deskundigenoordeelVerwerken"));
        driver.complete("planVanAanpakBijstellen", answers("planVanAanpakBijstellen"));
        Task revisionReview = driver.task("bijgesteldPlanBeoordelen");
        Assertions.assertThat(revisionReview.getAssignee()).as("the employee judges the revision himself")
                .isEqualTo(employee);
        Assertions.assertThat(CaseDriver.candidateGroups(engine, revisionReview)).isEmpty();
        driver.complete("bijgesteldPlanBeoordelen", answers("bijgesteldPlanBeoordelen"));

        assertThat(driver.instance()).hasPassed("deskundigenoordeelVerwerken", "planVanAanpakBijstellen",
                        "bijgesteldPlanBeoordelen")
                .isWaitingAt("evaluatiemomentBereikt");
        Assertions.assertThat(engine.getRuntimeService().getVariable(driver.instance().getId(), "nextEvaluationDue"))
                .isEqualTo(endOf(driver.day(112)));
        DossierEntry view = dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().equals("planVanAanpakBeoordelen")).findFirst().orElseThrow();
        Assertions.assertThat(view.role()).isEqualTo("werknemer");
        Assertions.assertThat(view.recordedBy()).isEqualTo(employee);
        Assertions.assertThat(view.content()).containsEntry("akkoordMetPlan", "nee");
        DossierEntry revision = dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().equals("planVanAanpakBijstellen")).findFirst().orElseThrow();
        Assertions.assertThat(revision.role()).isEqualTo("werkgever");
        Assertions.assertThat(revision.content()).doesNotContainKey("visieWerknemerBijstelling");
        DossierEntry revisionView = dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().equals("bijgesteldPlanBeoordelen")).findFirst().orElseThrow();
        Assertions.assertThat(revisionView.role()).isEqualTo("werknemer");
        Assertions.assertThat(revisionView.recordedBy()).isEqualTo(employee);
        Assertions.assertThat(revisionView.content()).containsKeys("akkoordMetBijstelling", "visieWerknemerBijstelling");
    }

    @Test
    void missedProbleemanalyseDeadlineEscalatesToTheWerkgeverAndIsRecorded() {
        CaseDriver driver = startCase(1);
        driver.onDay(5).complete("ziekmeldingDoorgeven", answers("ziekmeldingDoorgeven"));

        ClockUtil.setCurrentTime(CaseDriver.at(driver.day(42), LocalTime.of(23, 59, 0)));
        driver.fireDueTimers();
        Assertions.assertThat(driver.openTask("termijnOverschredenAfhandelen")).as("day 42 is still in time")
                .isEmpty();
        ClockUtil.setCurrentTime(CaseDriver.at(driver.day(43), LocalTime.of(0, 0, 0)));
        driver.fireDueTimers();

        Task escalation = driver.task("termijnOverschredenAfhandelen");
        Assertions.assertThat(escalation.getName()).isEqualTo("Termijn overschreden: Probleemanalyse opstellen");
        Assertions.assertThat(CaseDriver.candidateGroups(engine, escalation)).containsExactly("werkgever");
        assertThat(driver.instance()).isWaitingAt("probleemanalyseOpstellen");
        DossierEntry missed = dossier(driver, DossierEntryType.DEADLINE_MISSED).get(0);
        Assertions.assertThat(missed.subject()).isEqualTo("Termijn overschreden: Probleemanalyse opstellen");
        Assertions.assertThat(missed.elementId()).isEqualTo("probleemanalyseOpstellen");
        Assertions.assertThat(missed.role()).isEqualTo("bedrijfsarts");
        Assertions.assertThat(missed.dueDate()).isEqualTo(LocalDate.of(2025, 2, 16));
        Assertions.assertThat(missed.deadlineMet()).isFalse();

        driver.onDay(45).complete("probleemanalyseOpstellen", answers("probleemanalyseOpstellen"));
        DossierEntry late = dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().equals("probleemanalyseOpstellen")).findFirst().orElseThrow();
        Assertions.assertThat(late.deadlineMet()).isFalse();
        Assertions.assertThat(late.dueDate()).isEqualTo(driver.day(42));
        // A late analysis does not stretch the plan's deadline beyond day 56.
        Assertions.assertThat(driver.task("planVanAanpakOpstellen").getDueDate()).isEqualTo(endOf(driver.day(56)));
        driver.complete("termijnOverschredenAfhandelen", answers("termijnOverschredenAfhandelen"));
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .anySatisfy(e -> Assertions.assertThat(e.elementId()).isEqualTo("termijnOverschredenAfhandelen"));
    }

    @Test
    void eerstejaarsevaluatieStartsSpoor2WithinSixWeeks() {
        CaseDriver driver = startCase(1);
        Function<String, Map<String, Object>> onTime = SimulatedAnswers::onTime;
        driver.runUntil(329, key -> key.equals("eerstejaarsevaluatieHouden") ? null : onTime.apply(key), 0);
        // The EJE window opened on day 316; the evaluation is held on day 330.
        Task eje = driver.task("eerstejaarsevaluatieHouden");
        Assertions.assertThat(eje.getDueDate()).isEqualTo(endOf(driver.day(364)));
        Assertions.assertThat(eje.getCreateTime()).isEqualTo(CaseDriver.at(driver.day(316), LocalTime.MIDNIGHT));
        driver.onDay(330).complete("eerstejaarsevaluatieHouden", answers("eerstejaarsevaluatieHouden"));

        Task bureau = driver.task("reintegratiebureauInschakelen");
        Assertions.assertThat(bureau.getDueDate()).as("42 days after the actual EJE").isEqualTo(endOf(driver.day(372)));
        DossierEntry decision = dossier(driver, DossierEntryType.DECISION).get(0);
        Assertions.assertThat(decision.subject()).isEqualTo("Besluiten over spoor 2");
        Assertions.assertThat((Map<String, Object>) decision.content().get("uitkomst"))
                .containsEntry("spoor2Inzetten", true).containsEntry("spoor2Uitzondering", "geen");
        Assertions.assertThat((Map<String, Object>) decision.content().get("invoer"))
                .containsEntry("structureleTerugkeerBinnen3Maanden", false);

        driver.onDay(340).complete("reintegratiebureauInschakelen", answers("reintegratiebureauInschakelen"));
        assertThat(driver.instance()).isWaitingAt("spoor2TrajectUitvoeren", "evaluatiemomentBereikt");
        ProcessInstance spoor2 = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("spoor-2-traject").processInstanceBusinessKey(driver.caseId()).singleResult();
        Assertions.assertThat(spoor2).isNotNull();
        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("aanmeldingBeoordelen")))
                .containsExactly("bureau-werkfit");
        Assertions.assertThat(spoor2.getTenantId()).as("the trajectory carries the employer's tenant")
                .isEqualTo("acme-bouw");
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED)).isEmpty();
    }

    @Test
    void eachPartyWritesItsOwnViewInTheEerstejaarsevaluatie() throws java.io.IOException {
        CaseDriver driver = startCase(1);
        driver.runUntil(329, key -> key.equals("eerstejaarsevaluatieHouden") ? null
                : SimulatedAnswers.onTime(key), 0);
        Assertions.assertThat(engine.getFormService().getDeployedTaskForm(driver.task("eerstejaarsevaluatieHouden")
                        .getId()).readAllBytes())
                .asString().contains("\"visieWerkgeverEje\"").doesNotContain("visieWerknemer");
        driver.onDay(330).complete("eerstejaarsevaluatieHouden", answers("eerstejaarsevaluatieHouden"));

        Task ownView = driver.task("eerstejaarsevaluatieVisieGeven");
        Assertions.assertThat(ownView.getAssignee()).as("the employee's own task").isEqualTo(employee);
        Assertions.assertThat(CaseDriver.candidateGroups(engine, ownView)).as("no group shares it").isEmpty();
        Assertions.assertThat(ownView.getDueDate()).as("the EJE's legal date").isEqualTo(endOf(driver.day(364)));
        Assertions.assertThat(driver.openTask("reintegratiebureauInschakelen")).as("spoor 2 does not wait for it")
                .isPresent();
        driver.onDay(335).complete("eerstejaarsevaluatieVisieGeven", Map.of("visieWerknemerEje",
                "Ik wil liefst terug in mijn eigen werk, maar sta open voor ander werk."));

        List<DossierEntry> views = dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().startsWith("eerstejaarsevaluatie")).toList();
        Assertions.assertThat(views).extracting(DossierEntry::elementId, DossierEntry::role)
                .containsExactly(Assertions.tuple("eerstejaarsevaluatieHouden", "werkgever"),
                        Assertions.tuple("eerstejaarsevaluatieVisieGeven", "werknemer"));
        Assertions.assertThat(views.get(0).content()).containsKey("visieWerkgeverEje")
                .doesNotContainKey("visieWerknemerEje");
        Assertions.assertThat(views.get(1).recordedBy()).isEqualTo(employee);
        Assertions.assertThat(views.get(1).deadlineMet()).isTrue();
        Assertions.assertThat(views.get(1).content()).containsOnlyKeys("visieWerknemerEje");
    }

    @Test
    void eerstejaarsevaluatieDocumentsTheAowExceptionToSpoor2() {
        CaseDriver driver = startCase(1);
        driver.runUntil(329, key -> key.equals("eerstejaarsevaluatieHouden") ? null
                : SimulatedAnswers.onTime(key), 0);
        // AOW age 200 days after the end of the waiting period (3 January 2027), both parties agree.
        driver.onDay(330).complete("eerstejaarsevaluatieHouden", answers("eerstejaarsevaluatieHouden",
                "aowDatum", "2027-07-22", "partijenAkkoordGeenSpoor2", true));

        assertThat(driver.instance()).hasPassed("spoor2UitzonderingVastleggen")
                .hasNotPassed("reintegratiebureauInschakelen").isWaitingAt("herbeoordelingNadert");
        Map<String, Object> outcome = (Map<String, Object>) dossier(driver, DossierEntryType.DECISION).get(0)
                .content().get("uitkomst");
        Assertions.assertThat(outcome).containsEntry("spoor2Inzetten", false)
                .containsEntry("spoor2Uitzondering", "aowLeeftijd");
        Assertions.assertThat((String) outcome.get("spoor2Reden")).contains("AOW-leeftijd");
    }

    @Test
    void noResultLeadsToTheWiaApplicationAndTheEndOfTheWaitingPeriodOnSickDay728() {
        CaseDriver driver = startCase(1);
        driver.runUntil(727, SimulatedAnswers::onTime, 0);

        assertThat(driver.instance()).hasPassed("ziekmeldingUwvDoen", "eerstejaarsevaluatieHouden",
                "spoor2TrajectUitvoeren", "actueelOordeelOpstellen", "eindevaluatieHouden",
                "visieOpReintegratieGeven", "reintegratieverslagSamenstellen", "wiaAanvraagIndienen",
                "wiaAangevraagd", "ejeSpoor2StartVastleggen", "ejeSpoor2EindeVastleggen").isNotEnded();
        DossierEntry wia = dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().equals("wiaAanvraagIndienen")).findFirst().orElseThrow();
        Assertions.assertThat(wia.dueDate()).isEqualTo(LocalDate.of(2026, 10, 18));
        Assertions.assertThat(wia.deadlineMet()).isTrue();
        Assertions.assertThat(wia.role()).isEqualTo("werknemer");
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .filteredOn(e -> e.elementId().startsWith("eindevaluatie"))
                .extracting(DossierEntry::elementId, DossierEntry::role)
                .as("the werkgever's eindevaluatie, then the employee's own view on it")
                .containsExactly(Assertions.tuple("eindevaluatieHouden", "werkgever"),
                        Assertions.tuple("eindevaluatieVisieGeven", "werknemer"));
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .filteredOn(e -> e.elementId().equals("eindevaluatieVisieGeven")).singleElement()
                .satisfies(e -> Assertions.assertThat(e.recordedBy()).isEqualTo(employee));

        ClockUtil.setCurrentTime(CaseDriver.at(driver.day(728), LocalTime.of(23, 59, 0)));
        driver.fireDueTimers();
        assertThat(driver.instance()).isNotEnded();
        ClockUtil.setCurrentTime(CaseDriver.at(driver.day(729), LocalTime.of(0, 0)));
        driver.fireDueTimers();

        assertThat(driver.instance()).isEnded().hasPassed("eindeWachttijdVastleggen", "eindeWachttijdBereikt");
        Assertions.assertThat(dossier(driver, DossierEntryType.CASE_CLOSED).get(0).content())
                .containsEntry("afsluitreden", "eindeWachttijd");
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED)).isEmpty();
    }

    @Test
    void theFinalPhaseNeverWaitsForAMissingPartTheApplicationStillComesAndTheMissIsRecorded() {
        CaseDriver driver = startCase(1);
        Function<String, Map<String, Object>> withoutActueelOordeel = key ->
                key.equals("actueelOordeelOpstellen") ? null : SimulatedAnswers.onTime(key);
        driver.runUntil(636, withoutActueelOordeel, 0);
        Assertions.assertThat(driver.openTask("reintegratieverslagSamenstellen")).as("waits for the parts").isEmpty();

        driver.runUntil(700, withoutActueelOordeel, 0);

        assertThat(driver.instance()).hasPassed("onderdelenTermijnVerstreken", "reintegratieverslagSamenstellen",
                "wiaAanvraagIndienen", "wiaAangevraagd").hasNotPassed("onderdelenCompleet");
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED)).extracting(DossierEntry::elementId)
                .containsExactly("actueelOordeelOpstellen");
        DossierEntry wia = dossier(driver, DossierEntryType.TASK_COMPLETED).stream()
                .filter(e -> e.elementId().equals("wiaAanvraagIndienen")).findFirst().orElseThrow();
        Assertions.assertThat(wia.deadlineMet()).isTrue();
        Assertions.assertThat(driver.openTask("actueelOordeelOpstellen")).as("a late actueel oordeel can still come")
                .isPresent();
    }

    @Test
    void theApplicationStartsAsSoonAsEveryPartIsGivenAndTheLastDayForADeskundigenoordeelIsATask() {
        CaseDriver driver = startCase(1);
        LocalDate lastDay = driver.day(728).minusWeeks(26);
        Function<String, Map<String, Object>> leavingTheReminder = key ->
                key.equals("deskundigenoordeelInspanningenOverwegen") ? null : SimulatedAnswers.onTime(key);
        driver.runUntil(531, leavingTheReminder, 0);
        Assertions.assertThat(driver.openTask("deskundigenoordeelInspanningenOverwegen")).isEmpty();
        driver.runUntil(533, leavingTheReminder, 0);
        Task reminder = driver.task("deskundigenoordeelInspanningenOverwegen");
        Assertions.assertThat(reminder.getDueDate()).as("day 546: 26 weeks before day 728").isEqualTo(endOf(lastDay));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, reminder)).containsExactly("werkgever");
        driver.runUntil(547, leavingTheReminder, 0);
        Assertions.assertThat(driver.openTask("deskundigenoordeelInspanningenOverwegen")).as("the option lapsed")
                .isEmpty();

        driver.runUntil(700, SimulatedAnswers::onTime, 0);

        assertThat(driver.instance()).hasPassed("onderdelenCompleet", "aanvraagmogelijkheidVervallen")
                .hasNotPassed("onderdelenTermijnVerstreken");
        Date riv = engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(driver.instance().getId()).taskDefinitionKey("reintegratieverslagSamenstellen")
                .singleResult().getStartTime();
        Assertions.assertThat(riv).as("not only when the parts' deadline passed").isBefore(endOf(driver.day(636)));
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED)).isEmpty();
    }

    @Test
    void aMissingArbeidsdeskundigRapportIsARecordedMissAtTheEerstejaarsevaluatiesDeadline() {
        CaseDriver driver = startCase(1);
        driver.runUntil(365, key -> key.equals("arbeidsdeskundigRapportOpstellen") ? null
                : answers(key, "terugkeerEigenWerkTwijfelachtig", true), 0);

        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED))
                .extracting(DossierEntry::elementId, DossierEntry::dueDate)
                .containsExactly(Assertions.tuple("arbeidsdeskundigRapportOpstellen", driver.day(364)));
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED)).as("escalated to the werkgever")
                .filteredOn(e -> e.elementId().equals("termijnOverschredenAfhandelen")).hasSize(1);
    }

    @Test
    void everyLegalDeadlineThatIsMissedIsEscalatedAndRecordedOnce() {
        CaseDriver driver = startCase(1);
        driver.runUntil(700, key -> answers(key, "terugkeerEigenWerkTwijfelachtig", true), 1);

        List<String> missed = dossier(driver, DossierEntryType.DEADLINE_MISSED).stream()
                .map(DossierEntry::elementId).toList();
        Assertions.assertThat(missed).contains("ziekmeldingDoorgeven", "probleemanalyseOpstellen",
                "planVanAanpakOpstellen", "voortgangEvalueren", "ziekmeldingUwvDoen", "eerstejaarsevaluatieHouden",
                "reintegratiebureauInschakelen", "actueelOordeelOpstellen", "eindevaluatieHouden",
                "reintegratieverslagSamenstellen", "wiaAanvraagIndienen");
        Assertions.assertThat(missed.stream()
                        .filter(key -> !key.equals("voortgangEvalueren") && !key.equals("voortgangsrapportageOpstellen")))
                .as("each one-off deadline is missed and recorded exactly once").doesNotHaveDuplicates();
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .filteredOn(e -> e.elementId().equals("termijnOverschredenAfhandelen")).hasSameSizeAs(missed);
        assertThat(driver.instance()).hasPassed("arbeidsdeskundigOnderzoekLatenUitvoeren",
                "arbeidsdeskundigRapportOpstellen");
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .filteredOn(e -> e.elementId().equals("probleemanalyseOpstellen"))
                .allSatisfy(e -> Assertions.assertThat(e.deadlineMet()).isFalse());
    }

    /** Only the ziek-uit-dienstmelding is left undone. */
    private static Map<String, Object> allButTheZiekUitDienstmelding(String key) {
        return key.equals("ziekUitDienstmeldingDoen") ? null : SimulatedAnswers.onTime(key);
    }

    @Test
    void aContractEndingDuringSicknessHandsTheCaseOverToUwvAfterItsLastDay() {
        // Day 63 is Sunday 9 March 2025: the melding is due on the last working day, Friday 7 March (day 61).
        CaseDriver driver = startCase(1, Map.of("contractEinddatum", "2025-03-09"));
        Assertions.assertThat(engine.getRuntimeService().getVariables(driver.instance().getId()))
                .containsEntry("contractEinde", endOf(driver.day(63)))
                .containsEntry("ziekUitDienstmeldingDue", endOf(driver.day(61)))
                .containsEntry("ziekUitDienstmeldingTaskStart", CaseDriver.at(driver.day(47), LocalTime.MIDNIGHT));

        driver.runUntil(46, PoortwachterProcessTest::allButTheZiekUitDienstmelding, 0);
        Assertions.assertThat(driver.openTask("ziekUitDienstmeldingDoen")).as("appears two weeks ahead").isEmpty();
        driver.runUntil(47, PoortwachterProcessTest::allButTheZiekUitDienstmelding, 0);
        Task melding = driver.task("ziekUitDienstmeldingDoen");
        Assertions.assertThat(melding.getDueDate()).isEqualTo(endOf(driver.day(61)));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, melding)).containsExactly("werkgever");

        driver.runUntil(62, PoortwachterProcessTest::allButTheZiekUitDienstmelding, 0);
        driver.onDay(63).fireDueTimers();
        Assertions.assertThat(driver.isEnded()).as("the duties end after the contract's last day, not on it")
                .isFalse();
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED)).extracting(DossierEntry::elementId)
                .contains("ziekUitDienstmeldingDoen");
        driver.onDay(64).fireDueTimers();

        assertThat(driver.instance()).isEnded().hasPassed("laatsteDagDienstverbandVoorbij", "dienstverbandGeeindigd",
                "overdrachtAanUwvVastleggen", "zaakAfsluitenZiekUitDienst", "ziekUitDienst");
        Assertions.assertThat(caseFiles.find(driver.caseId())).hasValueSatisfying(file -> {
            Assertions.assertThat(file.status()).isEqualTo("CLOSED");
            Assertions.assertThat(file.closedReason()).isEqualTo("ziekUitDienst");
        });
        Map<String, Object> handover = dossier(driver, DossierEntryType.HANDOVER_TO_UWV).get(0).content();
        Assertions.assertThat(handover)
                .containsEntry("contractEinddatum", "2025-03-09")
                .containsEntry("laatsteWerkdag", "2025-03-07")
                .containsEntry("ziektedagen", 63)
                .containsEntry("reintegratieverslag", "VERKORT")
                .containsEntry("ziekUitDienstmeldingGedaan", false);
        Assertions.assertThat((List<String>) handover.get("beeindigdeTaken"))
                .doesNotContain("Ziek-uit-dienstmelding doen");
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(driver.caseId())
                .count()).as("every open task ended").isZero();
    }

    @Test
    void aContractEndDateSetOrChangedLaterPlansTheEndOfEmploymentAgain() {
        CaseDriver driver = startCase(1);
        assertThat(driver.instance()).isWaitingAt("einddatumContractVastgelegd");

        correlateContractEnd(driver, "2025-06-30");
        assertThat(driver.instance()).isWaitingAt("dienstverbandLooptAf");
        Assertions.assertThat(timer(driver, "laatsteDagDienstverbandVoorbij")).isEqualTo(endOf(LocalDate.of(2025, 6, 30)));

        correlateContractEnd(driver, "2025-09-30");
        assertThat(driver.instance()).hasPassed("einddatumContractGewijzigd");
        Assertions.assertThat(timer(driver, "laatsteDagDienstverbandVoorbij")).isEqualTo(endOf(LocalDate.of(2025, 9, 30)));
        Assertions.assertThat(timer(driver, "ziekUitDienstmeldingVoorbereiden"))
                .isEqualTo(CaseDriver.at(LocalDate.of(2025, 9, 16), LocalTime.MIDNIGHT));

        correlateContractEnd(driver, null);
        assertThat(driver.instance()).isWaitingAt("einddatumContractVastgelegd");
        Assertions.assertThat(timer(driver, "laatsteDagDienstverbandVoorbij")).isNull();
    }

    @Test
    void aGrantedEarlyIvaEndsTheReintegrationAndClosesTheCaseOnUwvsDate() {
        CaseDriver driver = startCase(1);
        driver.runUntil(120, key -> key.equals("voortgangEvalueren") ? null : SimulatedAnswers.onTime(key), 0);
        Assertions.assertThat(driver.openTasks()).isNotEmpty();

        engine.getRuntimeService().createMessageCorrelation("VervroegdeIvaToegekend")
                .processInstanceId(driver.instance().getId())
                .setVariable("vervroegdeIvaBesluit", "toegekend")
                .setVariable("eindeVerkorteWachttijd", endOf(driver.day(150)))
                .setVariable("verkorteWachttijdVoorbij", false)
                .correlate();

        Assertions.assertThat(driver.openTasks()).as("the re-integration obligations end at once").isEmpty();
        assertThat(driver.instance()).isWaitingAt("verkorteWachttijdVerstreken");
        Assertions.assertThat(timer(driver, "wachttijdVerstreken")).as("the 104-week end no longer applies").isNull();
        driver.onDay(150).fireDueTimers();
        Assertions.assertThat(driver.isEnded()).isFalse();
        driver.onDay(151).fireDueTimers();

        assertThat(driver.instance()).isEnded().hasPassed("vervroegdeIvaVastleggen", "zaakGeslotenVervroegdeIva");
        Assertions.assertThat(caseFiles.find(driver.caseId()).orElseThrow().closedReason()).isEqualTo("vervroegdeIva");
        Assertions.assertThat(dossier(driver, DossierEntryType.CASE_CLOSED).get(0).content())
                .containsEntry("afsluitreden", "vervroegdeIva")
                .containsEntry("eindeWachttijd", driver.day(150).toString());
    }

    // --- issue 26: cooperation (seed 004) and the vaststellingsovereenkomst ---

    /** The werkgever's measure as the cooperation service hands it to the case: the event subprocess's own variables. */
    private void takeMeasure(CaseDriver driver, String id, String kind, LocalDate reviewOn) {
        Map<String, Object> measure = new HashMap<>();
        measure.put("maatregelId", id);
        measure.put("maatregelSoort", kind);
        measure.put("maatregelSoortNaam", kind.equals("WAARSCHUWING") ? "Waarschuwing" : "Stopzetting van het loon");
        measure.put("maatregelGrond", "Niet verschenen op het gesprek met het re-integratiebureau");
        measure.put("maatregelIngangsdatum", driver.day(20).toString());
        measure.put("maatregelHerbeoordelenOp", endOf(reviewOn));
        engine.getRuntimeService().createMessageCorrelation("MaatregelMedewerkingGenomen")
                .processInstanceId(driver.instance().getId()).setVariablesToTriggeredScope(measure).correlate();
        dossierRepository.append(new DossierEntry(null, driver.caseId(), driver.instance().getId(), "acme-bouw",
                DossierEntryType.COOPERATION_MEASURE_TAKEN, "Maatregel bij onvoldoende medewerking", null, "anna", null,
                java.time.OffsetDateTime.now(), null, null, Map.of("maatregelId", id, "soort", kind,
                        "soortOmschrijving", measure.get("maatregelSoortNaam"), "grond", "Niet verschenen",
                        "ingangsdatum", driver.day(20).toString(), "herbeoordelenOp", reviewOn.toString())));
    }

    private Task review(CaseDriver driver, String measureId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(driver.instance().getId())
                .taskDefinitionKey("maatregelHerbeoordelen").list().stream()
                .filter(task -> measureId.equals(engine.getTaskService().getVariable(task.getId(), "maatregelId")))
                .findFirst().orElse(null);
    }

    @Test
    @DisplayName("seed 004: \"Indien door de bedrijfsarts is vastgesteld dat spoor 2 moet worden ingezet\" the"
            + " werknemer must cooperate: a measure is reviewed on its day, kept, and ended when he cooperates again")
    void aMeasureForNonCooperationIsReviewedKeptAndEndedInItsReview() {
        // seed 004: "De belangrijkste plicht van de werknemer is dat deze actief bijdraagt aan het re-integratietraject."
        CaseDriver driver = startCase(20);
        takeMeasure(driver, "m-stop", "STOPZETTING_LOON", driver.day(34));
        takeMeasure(driver, "m-waarschuwing", "WAARSCHUWING", driver.day(30));

        Task stop = review(driver, "m-stop");
        Assertions.assertThat(stop.getName()).isEqualTo("Maatregel bij onvoldoende medewerking herbeoordelen");
        Assertions.assertThat(stop.getDueDate()).as("the review day the werkgever chose").isEqualTo(endOf(driver.day(34)));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, stop)).containsExactly("werkgever");
        Assertions.assertThat(review(driver, "m-waarschuwing").getDueDate()).as("each measure its own review")
                .isEqualTo(endOf(driver.day(30)));

        driver.onDay(34);
        engine.getTaskService().complete(stop.getId(), Map.of("maatregelUitkomst", "handhaven",
                "maatregelVolgendeHerbeoordeling", driver.day(48).toString(), "maatregelToelichting", "Nog geen contact"));
        Task again = review(driver, "m-stop");
        Assertions.assertThat(again.getDueDate()).as("kept until the next review").isEqualTo(endOf(driver.day(48)));
        Assertions.assertThat(engine.getRuntimeService().getVariables(driver.instance().getId()))
                .as("the answers of one review are not left for another").doesNotContainKeys("maatregelUitkomst",
                        "maatregelVolgendeHerbeoordeling", "maatregelToelichting");

        driver.onDay(45);
        Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(again.getId(), Map.of(
                        "maatregelUitkomst", "beeindigen", "medewerkingHersteldOp", driver.day(46).toString())))
                .hasMessageContaining("medewerkingHersteldOp");
        engine.getTaskService().complete(again.getId(), Map.of("maatregelUitkomst", "beeindigen",
                "medewerkingHersteldOp", driver.day(44).toString()));

        Assertions.assertThat(review(driver, "m-stop")).isNull();
        Assertions.assertThat(review(driver, "m-waarschuwing")).as("the other measure runs on").isNotNull();
        assertThat(driver.instance()).hasPassed("maatregelMedewerkingGenomen", "herbeoordelingGepland",
                "maatregelHerbeoordelingVastleggen", "maatregelGehandhaafd", "maatregelBeeindigd");
        List<CooperationMeasureView> measures = CooperationMeasureView.fromDossier(
                dossierRepository.findByCase(driver.caseId()));
        Assertions.assertThat(measures).extracting(CooperationMeasureView::id, CooperationMeasureView::active,
                        CooperationMeasureView::endedOn)
                .containsExactly(Assertions.tuple("m-stop", false, driver.day(44)),
                        Assertions.tuple("m-waarschuwing", true, null));
        Assertions.assertThat(dossier(driver, DossierEntryType.COOPERATION_MEASURE_REVIEWED).get(0).content())
                .containsEntry("herbeoordelenOp", driver.day(48).toString()).containsEntry("uitkomst", "gehandhaafd");
    }

    @Test
    @DisplayName("seed 004: the measure ends as soon as the werknemer cooperates again, before its review")
    void aMeasureEndsBeforeItsReviewWhenTheWerknemerCooperatesAgain() {
        CaseDriver driver = startCase(20);
        takeMeasure(driver, "m-1", "WAARSCHUWING", driver.day(34));
        takeMeasure(driver, "m-2", "STOPZETTING_LOON", driver.day(34));

        engine.getRuntimeService().createMessageCorrelation("MedewerkingHersteld")
                .processInstanceId(driver.instance().getId()).localVariableEquals("maatregelId", "m-1").correlate();

        Assertions.assertThat(review(driver, "m-1")).isNull();
        Assertions.assertThat(review(driver, "m-2")).as("only the measure named").isNotNull();
        assertThat(driver.instance()).hasPassed("medewerkingHersteld", "maatregelBeeindigdVoorHerbeoordeling")
                .isActive();
    }

    @Test
    @DisplayName("seed 004: \"Soms wordt een beëindiging met een vaststellingsovereenkomst voorgesteld\" the"
            + " employment ends on the agreed day and the case closes with that reason")
    void aVaststellingsovereenkomstEndsTheEmploymentAndClosesTheCaseWithItsReason() {
        CaseDriver driver = startCase(1);
        driver.onDay(60);
        engine.getRuntimeService().createMessageCorrelation("EinddatumContractGewijzigd")
                .processInstanceId(driver.instance().getId())
                .setVariable("contractEinddatum", driver.day(90).toString())
                .setVariable("eindeDienstverbandReden", "vaststellingsovereenkomst")
                .setVariable("vsoOndertekendOp", driver.day(60).toString())
                .correlate();
        driver.runUntil(91, SimulatedAnswers::onTime, 0);

        assertThat(driver.instance()).isEnded().hasPassed("overdrachtAanUwvVastleggen", "zaakAfsluitenZiekUitDienst");
        Assertions.assertThat(caseFiles.find(driver.caseId()).orElseThrow().closedReason())
                .isEqualTo("vaststellingsovereenkomst");
        Assertions.assertThat(dossier(driver, DossierEntryType.CASE_CLOSED).get(0).content())
                .containsEntry("afsluitreden", "vaststellingsovereenkomst")
                .containsEntry("afsluitredenOmschrijving", "Vaststellingsovereenkomst")
                .containsEntry("contractEinddatum", driver.day(90).toString())
                .containsEntry("vsoOndertekendOp", driver.day(60).toString());
        Assertions.assertThat(dossier(driver, DossierEntryType.HANDOVER_TO_UWV).get(0).subject())
                .contains("vaststellingsovereenkomst");
    }

    // ---- opbouw in eigen werk and the spoor 1 re-check (issue 26, point 4) ----

    @Test
    @DisplayName("seed 000: \"re-integratie in het eigen werk voortzetten en uitbreiden conform het advies van de"
            + " bedrijfsarts. Blijf door middel van regelmatige evaluaties (voorstel om de twee weken) nauwgezet de"
            + " re-integratie volgen\"")
    void whileAnOpbouwschemaRunsThePlanIsEvaluatedEveryTwoWeeksAndAtLeastEverySixWeeksAfterwards() {
        CaseDriver driver = startCase(1);
        driver.onDay(5).complete("ziekmeldingDoorgeven", answers("ziekmeldingDoorgeven"));
        driver.onDay(30).complete("probleemanalyseOpstellen", answers("probleemanalyseOpstellen"));
        driver.onDay(40).complete("planVanAanpakOpstellen", answers("planVanAanpakOpstellen"));
        driver.complete("planVanAanpakBeoordelen", answers("planVanAanpakBeoordelen"));
        Assertions.assertThat(variable(driver, "nextEvaluationDue")).as("no opbouw: 42 days after the plan")
                .isEqualTo(endOf(driver.day(82)));

        // Day 50: the werkgever sets an opbouwschema (days 50 to 105) on the bedrijfsarts's advice. The waiting
        // evaluation moves forward to 14 days after the schedule starts; its task appears 12 days ahead.
        scheduleOpbouw(driver.onDay(50), 50, 105);
        Assertions.assertThat(variable(driver, "nextEvaluationDue")).isEqualTo(endOf(driver.day(64)));
        Assertions.assertThat(timer(driver, "evaluatiemomentBereikt"))
                .isEqualTo(CaseDriver.at(driver.day(52), LocalTime.MIDNIGHT));
        driver.onDay(51).fireDueTimers();
        Assertions.assertThat(driver.openTask("voortgangEvalueren")).isEmpty();
        driver.onDay(52).fireDueTimers();
        Task first = driver.task("voortgangEvalueren");
        Assertions.assertThat(first.getDueDate()).isEqualTo(endOf(driver.day(64)));
        Assertions.assertThat(engine.getTaskService().getVariablesLocal(first.getId()))
                .as("the form shows the period that runs and its planned hours")
                .containsEntry("opbouwPeriode", driver.day(50) + " t/m " + driver.day(105)
                        + ": 8 uur per week; Planning en telefoon")
                .containsEntry("gewerkteUren", 8.0);

        // Evaluated on day 60 while opbouw runs: the next one is due 14 days later, its task a week ahead.
        evaluate(driver.onDay(60), answers("voortgangEvalueren"));
        Assertions.assertThat(variable(driver, "nextEvaluationDue")).isEqualTo(endOf(driver.day(74)));
        Assertions.assertThat(timer(driver, "evaluatiemomentBereikt"))
                .isEqualTo(CaseDriver.at(driver.day(67), LocalTime.MIDNIGHT));
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .filteredOn(e -> e.elementId().equals("voortgangEvalueren")).singleElement()
                .satisfies(e -> Assertions.assertThat(e.content())
                        .containsKeys("watGingGoed", "watGingNietGoed", "afsprakenVolgendePeriode")
                        .containsEntry("gewerkteUren", 8.0));

        // Evaluated on day 108, after the schedule ended on day 105: at least every 6 weeks again.
        driver.onDay(67).fireDueTimers();
        evaluate(driver.onDay(108), answers("voortgangEvalueren"));
        Assertions.assertThat(variable(driver, "nextEvaluationDue")).isEqualTo(endOf(driver.day(150)));
        Assertions.assertThat(timer(driver, "evaluatiemomentBereikt"))
                .isEqualTo(CaseDriver.at(driver.day(136), LocalTime.MIDNIGHT));
    }

    @Test
    @DisplayName("seed 000: \"de interne mogelijkheden in eigen of ander werk beoordeeld blijven worden bij de eigen"
            + " werkgever (1e spoor), bijvoorbeeld als de belastbaarheid van werknemer verandert, de organisatie"
            + " verandert of een nieuwe functie of vacature ontstaat\"; \"Indien dit niet mogelijk is, dient dit goed"
            + " onderbouwd vastgelegd te worden in het re-integratiedossier\"")
    void eachChangeForSpoor1GivesTheWerkgeverAReCheckWithItsDueDateAndAMissIsEscalated() {
        CaseDriver driver = startCase(1);
        driver.onDay(5).complete("ziekmeldingDoorgeven", answers("ziekmeldingDoorgeven"));

        reportSpoor1Change(driver.onDay(20), "VACATURE", "Vacature planner op het hoofdkantoor", 34);
        Task recheck = driver.task("spoor1MogelijkhedenHerbeoordelen");
        Assertions.assertThat(recheck.getDueDate()).isEqualTo(endOf(driver.day(34)));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, recheck)).containsExactly("werkgever");
        reportSpoor1Change(driver.onDay(22), "ORGANISATIE", "Afdeling logistiek wordt opgeheven", 36);
        Assertions.assertThat(driver.openTasks()).filteredOn(t -> t.getTaskDefinitionKey()
                .equals("spoor1MogelijkhedenHerbeoordelen")).as("one re-check per change").hasSize(2);

        driver.onDay(30).complete("spoor1MogelijkhedenHerbeoordelen", Map.of("passendWerkEigenOrganisatie", "nee",
                "motiveringGeenPassendWerk", "De vacature vraagt volledige dagen; de opbouw staat op 4 uur per dag."));
        driver.onDay(37).fireDueTimers();

        assertThat(driver.instance()).hasPassed("spoor1WijzigingGemeld", "spoor1Herbeoordeeld",
                "spoor1MogelijkhedenHerbeoordelenTermijnVerstreken",
                "spoor1MogelijkhedenHerbeoordelenOverschrijdingGemeld");
        Assertions.assertThat(dossier(driver, DossierEntryType.TASK_COMPLETED))
                .filteredOn(e -> e.elementId().equals("spoor1MogelijkhedenHerbeoordelen")).singleElement()
                .satisfies(e -> Assertions.assertThat(e.content()).containsEntry("spoor1WijzigingSoort", "VACATURE")
                        .containsEntry("passendWerkEigenOrganisatie", "nee")
                        .containsKey("motiveringGeenPassendWerk"));
        Assertions.assertThat(dossier(driver, DossierEntryType.DEADLINE_MISSED))
                .extracting(DossierEntry::elementId, DossierEntry::dueDate)
                .containsExactly(Assertions.tuple("spoor1MogelijkhedenHerbeoordelen", driver.day(36)));
        Assertions.assertThat(driver.task("termijnOverschredenAfhandelen").getName())
                .isEqualTo("Termijn overschreden: Mogelijkheden spoor 1 opnieuw beoordelen");
    }

    /** As ownwork/ does: the schedule's dossier decision, then the case process learns it in the same transaction. */
    private void scheduleOpbouw(CaseDriver driver, int fromDay, int toDay) {
        Map<String, Object> period = new java.util.LinkedHashMap<>();
        period.put("van", driver.day(fromDay).toString());
        period.put("tot", driver.day(toDay).toString());
        period.put("urenPerWeek", 8);
        period.put("taken", "Planning en telefoon");
        Map<String, Object> content = Map.of("versie", 1, "adviesBedrijfsartsVan", driver.day(fromDay).toString(),
                "perioden", List.of(period));
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            dossierRepository.append(new DossierEntry(null, driver.caseId(), driver.instance().getId(), "acme-bouw",
                    DossierEntryType.DECISION, "Opbouwschema vastgesteld", "opbouwschemaVastleggen", "anna",
                    "werkgever", java.time.OffsetDateTime.now(), null, null, content));
            evaluationReplanning.opbouwScheduled(driver.instance().getId(),
                    new nl.spoorwijzer.timeline.OwnWorkCadence.Span(driver.day(fromDay), driver.day(toDay)));
        });
    }

    /** As ownwork/ does: the change goes to a new re-check of its own, due on the given day. */
    private void reportSpoor1Change(CaseDriver driver, String kind, String description, int dueDay) {
        engine.getRuntimeService().createMessageCorrelation("Spoor1Herbeoordelen")
                .processInstanceId(driver.instance().getId())
                .setVariablesToTriggeredScope(Map.of("spoor1WijzigingSoort", kind,
                        "spoor1WijzigingOmschrijving", description,
                        "spoor1WijzigingDatum", LocalDate.ofInstant(driver.now().toInstant(),
                                CaseDriver.AMSTERDAM).toString(),
                        "spoor1HerbeoordelingUiterlijk", endOf(driver.day(dueDay))))
                .correlate();
    }

    private Object variable(CaseDriver driver, String name) {
        return engine.getRuntimeService().getVariable(driver.instance().getId(), name);
    }

    private void correlateContractEnd(CaseDriver driver, String date) {
        engine.getRuntimeService().createMessageCorrelation("EinddatumContractGewijzigd")
                .processInstanceId(driver.instance().getId())
                .setVariable("contractEinddatum", date)
                .correlate();
    }

    private Date timer(CaseDriver driver, String activityId) {
        for (var job : engine.getManagementService().createJobQuery().processInstanceId(driver.instance().getId())
                .timers().list()) {
            String activity = engine.getManagementService().createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
            if (activity.equals(activityId)) {
                return job.getDuedate();
            }
        }
        return null;
    }

    // ---- Spoor 2 whenever it is due (issue 26): early, after a re-examination, restarted; by a bureau or the
    // werkgever himself. Each start and end is a dossier decision with its reason and aanleiding.

    private static final String EARLY_REASON = "Terugkeer naar de eigen werkgever belemmert het herstel: een"
            + " arbeidsconflict met de leidinggevende; eigen werk komt niet terug.";

    private List<DossierEntry> spoor2Decisions(CaseDriver driver) {
        return dossier(driver, DossierEntryType.DECISION).stream()
                .filter(entry -> entry.subject().toLowerCase().contains("spoor 2"))
                .filter(entry -> !entry.subject().equals("Besluiten over spoor 2")).toList();
    }

    private List<ProcessInstance> trajectories(CaseDriver driver) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("spoor-2-traject")
                .processInstanceBusinessKey(driver.caseId()).list();
    }

    /** Plays the case, leaving the EJE and the bureau's acceptance of a trajectory open. */
    private static Map<String, Object> keepingOpen(String key, String... open) {
        return List.of(open).contains(key) ? null : SimulatedAnswers.onTime(key);
    }

    @Test
    void anEarlySpoor2OnSituationalIncapacityRunsAndTheEerstejaarsevaluatieStartsNoSecond() {
        // seed 004: "Eerder mag dus ook" — and the situational incapacity sentence: "Eigenlijk spreek je in zo'n
        // situatie ook van situationele arbeidsongeschiktheid ofwel de klachten nemen toe wanneer men
        // werkzaamheden verricht bij de eigen werkgever."
        CaseDriver driver = startCase(1);
        driver.runUntil(77, key -> keepingOpen(key), 0);
        driver.onDay(78); // week 12
        spoor2Starts.start(driver.caseId(), new Spoor2Start(Spoor2Aanleiding.VROEG, EARLY_REASON, true,
                "bedrijfsarts", "bureau", "bureau-werkfit", null, "anna", "werkgever"));

        Assertions.assertThat(trajectories(driver)).hasSize(1);
        Assertions.assertThat(CaseDriver.candidateGroups(engine, driver.task("aanmeldingBeoordelen")))
                .containsExactly("bureau-werkfit");
        DossierEntry started = spoor2Decisions(driver).get(0);
        Assertions.assertThat(started.subject()).startsWith("Spoor 2 ingezet: vroeg");
        Assertions.assertThat(started.recordedBy()).isEqualTo("anna");
        Assertions.assertThat(started.content()).containsEntry("aanleiding", "VROEG")
                .containsEntry("situatieveArbeidsongeschiktheid", true).containsEntry("conclusieVan", "bedrijfsarts")
                .containsEntry("uitvoerder", "bureau").containsEntry("reden", EARLY_REASON)
                .containsEntry("datum", driver.day(78).toString());
        Assertions.assertThatThrownBy(() -> spoor2Starts.start(driver.caseId(),
                        Spoor2Start.of(Spoor2Aanleiding.DESKUNDIGENOORDEEL, "UWV: spoor 2 is nodig, eigen werk keert niet terug")))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already runs");

        driver.runUntil(329, key -> keepingOpen(key, "eerstejaarsevaluatieHouden", "aanmeldingBeoordelen"), 0);
        driver.onDay(330).complete("eerstejaarsevaluatieHouden", answers("eerstejaarsevaluatieHouden"));

        assertThat(driver.instance()).hasPassed("lopendSpoor2Vastleggen", "spoor2LooptDoor")
                .hasNotPassed("spoor2Besluiten", "reintegratiebureauInschakelen");
        Assertions.assertThat(trajectories(driver)).as("no second trajectory").hasSize(1);
        Assertions.assertThat(spoor2Decisions(driver)).extracting(DossierEntry::subject)
                .containsExactly("Spoor 2 ingezet: " + Spoor2Aanleiding.VROEG.label(),
                        "Spoor 2 loopt al: de eerstejaarsevaluatie start geen tweede traject");
    }

    @Test
    void theBedrijfsartsConcludesEarlyTheWerkgeverRunsSpoor2HimselfAndRestartsItAfterItEnded() {
        // seed 003: "Dit kan de werkgever zelf verzorgen, maar vaak kiest HR ervoor om dit gedeelte uit tebesteden."
        CaseDriver driver = startCase(1);
        driver.runUntil(90, key -> keepingOpen(key), 0);
        driver.onDay(91);
        spoor2Starts.start(driver.caseId(), new Spoor2Start(Spoor2Aanleiding.VROEG, EARLY_REASON, false,
                "bedrijfsarts", null, null, null, "eva", "bedrijfsarts"));
        Task choice = driver.task("spoor2UitvoerderKiezen");
        Assertions.assertThat(CaseDriver.candidateGroups(engine, choice)).containsExactly("werkgever");
        Assertions.assertThat(trajectories(driver)).as("waits for the werkgever's choice").isEmpty();
        driver.complete("spoor2UitvoerderKiezen", Map.of("spoor2Uitvoerder", "werkgever",
                "spoor2Startdatum", driver.day(92).toString()));

        ProcessInstance first = trajectories(driver).get(0);
        Assertions.assertThat(engine.getRuntimeService().getVariable(first.getId(), "spoor2Uitvoerder"))
                .isEqualTo("werkgever");
        Assertions.assertThat(engine.getRuntimeService().getVariable(first.getId(), "reintegratiebureau")).isNull();
        Assertions.assertThat(spoor2Decisions(driver).get(0).recordedBy()).isEqualTo("eva");
        Assertions.assertThat(spoor2Decisions(driver).get(0).role()).isEqualTo("bedrijfsarts");

        driver.onDay(150);
        engine.getRuntimeService().createMessageCorrelation("Spoor1Geslaagd").processInstanceId(first.getId())
                .correlate();
        Assertions.assertThat(trajectories(driver)).isEmpty();
        assertThat(driver.instance()).hasPassed("spoor2EindeVastleggen", "ingezetSpoor2Afgerond");

        driver.onDay(160);
        spoor2Starts.start(driver.caseId(), new Spoor2Start(Spoor2Aanleiding.HERSTART, "Spoor 1 hield geen stand:"
                + " nieuw traject naar ander werk", null, null, "bureau", "bureau-werkfit", "plaatsingMislukt",
                "anna", "werkgever"));
        Assertions.assertThat(trajectories(driver)).as("a new trajectory in the same case").hasSize(1)
                .noneMatch(instance -> instance.getId().equals(first.getId()));
        Assertions.assertThat(spoor2Decisions(driver)).extracting(entry -> entry.content().get("aanleiding"))
                .containsExactly("VROEG", "VROEG", "HERSTART");
        Assertions.assertThat(spoor2Decisions(driver).get(1).content()).containsEntry("eindreden", "spoor1Geslaagd");
        Assertions.assertThat(spoor2Decisions(driver).get(2).content()).containsEntry("uitvoerder", "bureau")
                .containsEntry("reintegratiebureau", "bureau-werkfit");

        // A restart while a trajectory runs ends it first (by spoor-2-traject's own end message), or is refused
        // while the trajectory's model cannot be ended that way.
        ProcessInstance second = trajectories(driver).get(0);
        boolean endable = engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(second.getId())
                .eventName("Spoor2TrajectBeeindigen").count() > 0;
        Spoor2Start again = new Spoor2Start(Spoor2Aanleiding.HERSTART, "Loonsanctie: het traject begint opnieuw",
                null, null, "werkgever", null, "loonsanctie", "anna", "werkgever");
        if (endable) {
            spoor2Starts.start(driver.caseId(), again);
            Assertions.assertThat(trajectories(driver)).hasSize(1)
                    .noneMatch(instance -> instance.getId().equals(second.getId()));
        } else {
            Assertions.assertThatThrownBy(() -> spoor2Starts.start(driver.caseId(), again))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining("cannot end");
            Assertions.assertThat(trajectories(driver)).extracting(ProcessInstance::getId)
                    .containsExactly(second.getId());
        }
    }

    @Test
    void theWerkgeverRunsSpoor2HimselfAfterTheEerstejaarsevaluatie() throws java.io.IOException {
        // seed 003: "Dit kan de werkgever zelf verzorgen, maar vaak kiest HR ervoor om dit gedeelte uit tebesteden."
        CaseDriver driver = startCase(1);
        driver.runUntil(329, key -> keepingOpen(key, "eerstejaarsevaluatieHouden"), 0);
        driver.onDay(330).complete("eerstejaarsevaluatieHouden", answers("eerstejaarsevaluatieHouden"));
        Assertions.assertThat(engine.getFormService().getDeployedTaskForm(driver.task("reintegratiebureauInschakelen")
                .getId()).readAllBytes()).asString().contains("\"spoor2Uitvoerder\"");
        driver.onDay(335).complete("reintegratiebureauInschakelen", Map.of("spoor2Uitvoerder", "werkgever",
                "spoor2Startdatum", driver.day(335).toString()));

        ProcessInstance trajectory = trajectories(driver).get(0);
        Assertions.assertThat(engine.getRuntimeService().getVariable(trajectory.getId(), "spoor2Uitvoerder"))
                .isEqualTo("werkgever");
        DossierEntry started = spoor2Decisions(driver).get(0);
        Assertions.assertThat(started.subject()).isEqualTo("Spoor 2 ingezet: na de eerstejaarsevaluatie");
        Assertions.assertThat(started.content()).containsEntry("aanleiding", "NA_EJE")
                .containsEntry("uitvoerder", "werkgever").doesNotContainKey("reintegratiebureau");
    }

    @Test
    void anExceptionToSpoor2IsReexaminedOnItsDateUntilSpoor2StartsAfterAll() {
        CaseDriver driver = startCase(1);
        driver.runUntil(329, key -> keepingOpen(key, "eerstejaarsevaluatieHouden"), 0);
        driver.onDay(330).complete("eerstejaarsevaluatieHouden", answers("eerstejaarsevaluatieHouden",
                "structureleTerugkeerBinnen3Maanden", true));

        DossierEntry postponed = spoor2Decisions(driver).get(0);
        Assertions.assertThat(postponed.subject()).isEqualTo("Spoor 2 niet gestart, herbeoordeling op "
                + driver.day(421));
        Assertions.assertThat(postponed.content()).containsEntry("uitzondering", "structureleTerugkeer")
                .containsEntry("herbeoordelingOp", driver.day(421).toString());
        Assertions.assertThat((String) postponed.content().get("reden")).contains("structurele terugkeer");
        driver.onDay(406).fireDueTimers();
        Assertions.assertThat(driver.openTask("spoor2OpnieuwBeoordelen")).as("14 days before the date").isEmpty();
        driver.onDay(407).fireDueTimers();
        Task reexamination = driver.task("spoor2OpnieuwBeoordelen");
        Assertions.assertThat(reexamination.getDueDate()).isEqualTo(endOf(driver.day(421)));
        Assertions.assertThat(CaseDriver.candidateGroups(engine, reexamination)).containsExactly("werkgever");

        driver.onDay(410).complete("spoor2OpnieuwBeoordelen", Map.of("spoor2Herbeoordeling", "nietInzetten",
                "herbeoordelingToelichting", "Hervatting in eigen werk loopt volgens schema, nu 30 uur per week."));
        Assertions.assertThat(spoor2Decisions(driver).get(1).content())
                .containsEntry("besluit", "herbeoordeling door de werkgever")
                .containsEntry("herbeoordelingOp", driver.day(501).toString())
                .containsEntry("reden", "Hervatting in eigen werk loopt volgens schema, nu 30 uur per week.");
        driver.onDay(487).fireDueTimers();
        driver.onDay(490).complete("spoor2OpnieuwBeoordelen", Map.of("spoor2Herbeoordeling", "inzetten",
                "herbeoordelingToelichting", "De opbouw stokt; terugkeer in eigen werk komt niet meer."));

        assertThat(driver.instance()).hasPassed("spoor2NaHerbeoordelingInzetten", "spoor2NaHerbeoordelingIngezet");
        driver.complete("spoor2UitvoerderKiezen", answers("reintegratiebureauInschakelen"));
        Assertions.assertThat(trajectories(driver)).hasSize(1);
        Assertions.assertThat(spoor2Decisions(driver).get(2).content()).containsEntry("aanleiding", "NA_EJE")
                .containsEntry("reden", "De opbouw stokt; terugkeer in eigen werk komt niet meer.");
    }

    @Test
    @DisplayName("A re-examination of an exception lapses when spoor 2 started another way in the meantime (a"
            + " deskundigenoordeel): no task, and no decision that contradicts the running trajectory")
    void aReexaminationLapsesWhenSpoor2StartedInTheMeantime() {
        CaseDriver driver = startCase(1);
        driver.runUntil(329, key -> keepingOpen(key, "eerstejaarsevaluatieHouden"), 0);
        driver.onDay(330).complete("eerstejaarsevaluatieHouden", answers("eerstejaarsevaluatieHouden",
                "structureleTerugkeerBinnen3Maanden", true));

        driver.onDay(360);
        spoor2Starts.start(driver.caseId(), nl.spoorwijzer.trajectories.Spoor2Start.of(
                nl.spoorwijzer.trajectories.Spoor2Aanleiding.DESKUNDIGENOORDEEL, "Deskundigenoordeel UWV: niet geschikt"));
        LocalDate due = driver.day(360);
        for (int workingDay = 0; workingDay < 5; workingDay++) {
            due = nl.spoorwijzer.timeline.WorkingDays.statutory().onOrAfter(due.plusDays(1));
        }
        Assertions.assertThat(driver.task("spoor2UitvoerderKiezen").getDueDate())
                .as("a practice term of 5 working days: the choice never waits unseen").isEqualTo(endOf(due));
        driver.complete("spoor2UitvoerderKiezen", answers("reintegratiebureauInschakelen"));
        Assertions.assertThat(trajectories(driver)).hasSize(1);

        driver.onDay(407).fireDueTimers();
        Assertions.assertThat(driver.openTask("spoor2OpnieuwBeoordelen")).isEmpty();
        assertThat(driver.instance()).hasPassed("spoor2InmiddelsGestart", "herbeoordelingVervallen");
        Assertions.assertThat(spoor2Decisions(driver)).extracting(DossierEntry::subject)
                .noneMatch(subject -> subject.startsWith("Spoor 2 niet gestart, herbeoordeling op " + driver.day(501)));
    }
}
