package nl.spoorwijzer.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.CaseTimeline;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.MilestoneKey;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import nl.spoorwijzer.timeline.TimelineInput;
import nl.spoorwijzer.trajectories.Spoor2Aanleiding;
import nl.spoorwijzer.trajectories.Spoor2Start;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 28: cases at several phases move from version 1 of {@code poortwachter} to a version 2 that adds a task
 * (with its form and candidate group) and moves a timer (renamed, so that the cases waiting on it need a mapping).
 * The plan is tried first (the cases on the renamed timer cannot move without the mapping, in Dutch why), then the
 * batch runs (its jobs executed here) and every case's dossier and legal dates are checked.
 */
@SpringBootTest
class CaseMigrationTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** The day the migration happens; each case is played from its own first sick day up to it. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String OLD_TIMER = MigrationFixtures.OLD_TIMER;
    static final String NEW_TIMER = MigrationFixtures.NEW_TIMER;
    static final String ADDED_TASK = MigrationFixtures.ADDED_TASK;

    @Autowired ProcessEngine engine;
    @Autowired MigrationPlans plans;
    @Autowired MigrationDryRun dryRun;
    @Autowired MigrationStart start;
    @Autowired MigratedCaseFollowUp followUp;
    @Autowired DossierRepository dossier;
    @Autowired PoortwachterCalendar calendar;
    @Autowired nl.spoorwijzer.trajectories.Spoor2Starts spoor2Starts;

    private final List<String> startedCases = new ArrayList<>();
    private MigrationFixtures fixtures;

    @org.junit.jupiter.api.BeforeEach
    void fixtures() {
        fixtures = new MigrationFixtures(engine);
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (String caseId : startedCases) {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                    .processDefinitionKey("poortwachter").list().forEach(instance -> engine.getRuntimeService()
                            .deleteProcessInstance(instance.getId(), "test"));
        }
        // Today's models last again, so they remain the latest for the tests that follow on this database.
        fixtures.deployTodaysModels();
        ClockUtil.reset();
    }

    @Test
    void casesAtSeveralPhasesMoveToAVersionThatAddsATaskAndMovesATimer() throws IOException {
        ProcessDefinition v1 = fixtures.latest();
        // At the probleemanalyse (day 10), in spoor 1 (day 120): waiting on the timer that version 2 moves.
        // At the 42e-weeksmelding (day 290): past that timer, its task open.
        Case early = startAndPlay(9, "probleemanalyseOpstellen");
        Case spoor1 = startAndPlay(119, null);
        Case uwv = startAndPlay(289, "ziekmeldingUwvDoen");
        ApiTimes before = ApiTimes.of(engine, List.of(early, spoor1, uwv));

        ProcessDefinition v2 = fixtures.deployVersion2();
        assertThat(v2.getVersion()).isGreaterThan(v1.getVersion());

        // Without a mapping the cases waiting on the renamed timer cannot move; the plan says why, in Dutch.
        MigrationRequest withoutMapping = request(v1, v2, List.of(), null);
        MigrationPreview preview = dryRun.preview(plans.build(withoutMapping));
        assertThat(result(preview, uwv).canMove()).as("past the renamed timer").isTrue();
        for (Case blocked : List.of(early, spoor1)) {
            MigrationPreview.CaseResult result = result(preview, blocked);
            assertThat(result.canMove()).isFalse();
            assertThat(result.reasons()).anySatisfy(reason -> assertThat(reason)
                    .contains("'Twee weken voor de 42e-weeksmelding' (" + OLD_TIMER + ")")
                    .contains("extraMappings"));
            assertThat(String.join(" ", result.reasons())).doesNotContain("Exception", "ActivityInstance");
        }
        assertThat(runsOn(early)).as("a dry run keeps nothing").isEqualTo(v1.getId());

        // With the mapping every case can move; then the batch moves the three selected cases.
        List<MigrationRequest.ActivityMapping> mapping = List.of(
                new MigrationRequest.ActivityMapping(OLD_TIMER, NEW_TIMER));
        MigrationPreview mapped = dryRun.preview(plans.build(request(v1, v2, mapping, null)));
        for (Case each : List.of(early, spoor1, uwv)) {
            assertThat(result(mapped, each).canMove()).as(each.caseId).isTrue();
        }
        MigrationStart.Started started = start.start(request(v1, v2, mapping,
                List.of(early.caseId, spoor1.caseId, uwv.caseId)), "hanna");
        assertThat(engine.getManagementService().createBatchQuery().batchId(started.batchId()).singleResult()
                .getType()).isEqualTo(Batch.TYPE_PROCESS_INSTANCE_MIGRATION);
        fixtures.executeBatch(started.batchId());

        for (Case each : List.of(early, spoor1, uwv)) {
            assertThat(runsOn(each)).as(each.caseId + " runs on version 2").isEqualTo(v2.getId());
            List<DossierEntry> migrated = entries(each, DossierEntryType.MODEL_MIGRATED);
            boolean onMappedStep = each != uwv;
            assertThat(migrated).singleElement().satisfies(entry -> {
                assertThat(entry.subject()).isEqualTo("Zaak overgezet naar versie " + v2.getVersion()
                        + " (versionTag " + v2.getVersionTag() + ") door hanna" + (onMappedStep ? "; stap '" + OLD_TIMER
                        + "' gaat verder als 'Termijn van de 42e-weeksmelding' (" + NEW_TIMER + ")" : ""));
                if (onMappedStep) {
                    assertThat(entry.content()).as("the step it moved from").containsEntry("stappen",
                            Map.of(OLD_TIMER, NEW_TIMER));
                } else {
                    assertThat(entry.content()).doesNotContainKey("stappen");
                }
                assertThat(entry.recordedBy()).isEqualTo("hanna");
                assertThat(entry.content()).containsEntry("vanVersie", v1.getVersion())
                        .containsEntry("naarVersie", v2.getVersion());
            });
            assertThat(entries(each, DossierEntryType.TIMELINE_UPDATED)).last().satisfies(entry ->
                    assertThat(entry.subject()).contains("zaak overgezet naar versie " + v2.getVersion()));
            assertThat(engine.getRuntimeService().getVariables(each.instanceId)).as("no marker left")
                    .doesNotContainKeys(MigrationStart.MIGRATED_BY, MigrationStart.MIGRATED_FROM,
                            MigrationStart.MIGRATED_MAPPINGS);
            // Every legal date is still the calendar's.
            assertThat(engine.getRuntimeService().getVariables(each.instanceId, CaseTimeline.writtenVariables()))
                    .isEqualTo(before.legalDates.get(each.caseId));
        }
        // Open tasks keep their legal due dates.
        assertThat(dueDate(early, "probleemanalyseOpstellen")).isEqualTo(endOf(early.day(42)))
                .isEqualTo(before.taskDue.get(early.caseId + "/probleemanalyseOpstellen"));
        assertThat(dueDate(uwv, "ziekmeldingUwvDoen")).isEqualTo(endOf(ziekmeldingUwv(uwv)))
                .isEqualTo(before.taskDue.get(uwv.caseId + "/ziekmeldingUwvDoen"));
        // The moved timer: version 1 opened the task two weeks before the 42e-weeksmelding, version 2 on its deadline.
        for (Case waiting : List.of(early, spoor1)) {
            assertThat(timer(waiting, OLD_TIMER)).isNull();
            assertThat(timer(waiting, NEW_TIMER)).as(waiting.caseId).isEqualTo(endOf(ziekmeldingUwv(waiting)));
        }

        // The case runs on on version 2: at the moved timer the added task comes, with its form and group.
        ClockUtil.setCurrentTime(timer(spoor1, NEW_TIMER));
        new CasePlayer(engine, spoor1.caseId).fireDueTimers();
        Task added = engine.getTaskService().createTaskQuery().processInstanceId(spoor1.instanceId)
                .taskDefinitionKey(ADDED_TASK).singleResult();
        assertThat(added).as("the task version 2 adds").isNotNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(added.getId())).extracting(IdentityLink::getGroupId)
                .contains("werkgever");
        assertThat(engine.getTaskService().createTaskQuery().taskId(added.getId()).initializeFormKeys().singleResult()
                .getCamundaFormRef().getKey()).isEqualTo("ziekmelding-uwv-voorbereiden");
    }

    @Test
    void aRunningSpoor2TrajectoryMovesAndItsCaseRecordsIt() throws IOException {
        Case spoor2 = startAndPlay(77, null);
        ClockUtil.setCurrentTime(Date.from(TODAY.atTime(LocalTime.of(10, 0)).atZone(AMSTERDAM).toInstant()));
        spoor2Starts.start(spoor2.caseId, new Spoor2Start(Spoor2Aanleiding.VROEG, "Terugkeer naar de eigen werkgever"
                + " belemmert het herstel; de bedrijfsarts adviseert spoor 2 nu.", true, "bedrijfsarts", "bureau",
                "bureau-werkfit", null, "anna", "werkgever"));
        ProcessInstance trajectory = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("spoor-2-traject").processInstanceBusinessKey(spoor2.caseId).singleResult();
        Map<String, Date> dueBefore = ApiTimes.of(engine, List.of(new Case(spoor2.caseId, trajectory.getId(),
                spoor2.firstSickDay))).taskDue();
        Map<String, Object> legalBefore = engine.getRuntimeService().getVariables(spoor2.instanceId,
                CaseTimeline.writtenVariables());
        ProcessDefinition v2 = fixtures.deploySpoor2Version(fixtures.nextVersionTag("spoor-2-traject"));

        MigrationRequest request = new MigrationRequest("spoor-2-traject", null, trajectory.getProcessDefinitionId(),
                null, v2.getId(), null, null, List.of(spoor2.caseId), true);
        assertThat(result(dryRun.preview(plans.build(request)), spoor2).canMove()).isTrue();
        fixtures.executeBatch(start.start(request, "hanna").batchId());

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(trajectory.getId())
                .singleResult().getProcessDefinitionId()).isEqualTo(v2.getId());
        assertThat(entries(spoor2, DossierEntryType.MODEL_MIGRATED)).singleElement().satisfies(entry -> {
            assertThat(entry.subject()).isEqualTo("Zaak overgezet naar versie " + v2.getVersion()
                    + " (versionTag " + v2.getVersionTag() + ") van spoor-2-traject door hanna");
            assertThat(entry.processInstanceId()).as("the case's own instance").isEqualTo(spoor2.instanceId);
        });
        assertThat(engine.getRuntimeService().getVariables(spoor2.instanceId, CaseTimeline.writtenVariables()))
                .isEqualTo(legalBefore);
        assertThat(ApiTimes.of(engine, List.of(new Case(spoor2.caseId, trajectory.getId(), spoor2.firstSickDay)))
                .taskDue()).as("the bureau's open tasks keep their due dates").isEqualTo(dueBefore);
    }

    @Test
    void badInputIsRefusedNamingTheField() throws IOException {
        ProcessDefinition v1 = fixtures.latest();
        assertThatThrownBy(() -> plans.build(new MigrationRequest("herstelperiode", 1, null, null, null, null, null,
                null, null))).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.getMessage()).contains("processKey"));
        assertThatThrownBy(() -> plans.build(new MigrationRequest("poortwachter", 9999, null, null, null, null, null,
                null, null))).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.getMessage()).contains("sourceVersion"));
        assertThatThrownBy(() -> plans.build(new MigrationRequest("poortwachter", v1.getVersion(), null, null, null,
                null, null, null, null))).as("the latest is the source itself")
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.getMessage()).contains("targetVersion"));
        ProcessDefinition v2 = fixtures.deployVersion2();
        assertThatThrownBy(() -> plans.build(request(v1, v2, List.of(new MigrationRequest.ActivityMapping(OLD_TIMER,
                "bestaatNiet")), null))).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.getMessage()).contains("extraMappings[0].to"));
        assertThatThrownBy(() -> start.start(new MigrationRequest("poortwachter", v1.getVersion(), null,
                v2.getVersion(), null, null, null, List.of("ZV-BESTAAT-NIET"), true), "hanna"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.getMessage()).contains("caseIds[0]"));
        assertThatThrownBy(() -> start.start(request(v1, v2, List.of(), List.of("x")).withoutConfirm(), "hanna"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.getMessage()).contains("confirm"));
    }

    @Test
    void theDryRunAlsoTriesWhatFollowsTheMoveAndSaysWhyItFails() throws IOException {
        ProcessDefinition v1 = fixtures.latest();
        Case early = startAndPlay(9, "probleemanalyseOpstellen");
        // The open task's due date from a variable no running case has: Camunda moves the case, the dates do not.
        ProcessDefinition v2 = fixtures.deployVersion2(fixtures.nextVersionTag("poortwachter"), model -> ((UserTask) model
                .getModelElementById("probleemanalyseOpstellen")).setCamundaDueDate("${nieuweDue}"));
        List<MigrationRequest.ActivityMapping> mapping = List.of(
                new MigrationRequest.ActivityMapping(OLD_TIMER, NEW_TIMER));

        MigrationPreview.CaseResult result = result(dryRun.preview(plans.build(request(v1, v2, mapping, null))),
                early);

        assertThat(result.canMove()).isFalse();
        assertThat(result.reasons()).singleElement().satisfies(reason -> assertThat(reason)
                .contains("${nieuweDue}")
                .contains("'Probleemanalyse opstellen' (probleemanalyseOpstellen)")
                .doesNotContain("Exception", "PropertyNotFound"));
        assertThat(runsOn(early)).as("a dry run keeps nothing").isEqualTo(v1.getId());
        assertThat(entries(early, DossierEntryType.MODEL_MIGRATED)).isEmpty();
    }

    @Test
    void mappingsKeepLegalStepsPhasesAndRivPartsAndTheTargetIsNewerAndNamedAtTheStart() throws IOException {
        ProcessDefinition v1 = fixtures.latest();
        ProcessDefinition v2 = fixtures.deployVersion2();
        // A case in the probleemanalyse does not continue as plan van aanpak.
        assertThatThrownBy(() -> plans.build(request(v1, v2, List.of(new MigrationRequest.ActivityMapping(
                "probleemanalyseOpstellen", "planVanAanpakOpstellen")), null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.getMessage())
                        .contains("extraMappings[0]").contains("wettelijke termijn"));
        assertThatThrownBy(() -> plans.build(request(v1, v2, List.of(new MigrationRequest.ActivityMapping(
                "verzuimMonitoren", ADDED_TASK)), null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.getMessage())
                        .contains("extraMappings[0].from").contains("bestaat ook in versie " + v2.getVersion()));
        assertThatThrownBy(() -> plans.build(request(v1, v2, List.of(new MigrationRequest.ActivityMapping(
                OLD_TIMER, "verzuimMonitoren")), null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.getMessage())
                        .contains("extraMappings[0]").contains("andere fase").contains("fase MONITORING"));
        assertThatThrownBy(() -> plans.build(request(v2, v1, List.of(), null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.getMessage())
                        .contains("targetVersion").contains("nieuwere versie"));
        List<MigrationRequest.ActivityMapping> tooMany = new ArrayList<>();
        for (int i = 0; i <= MigrationPlans.MAX_MAPPINGS; i++) {
            tooMany.add(new MigrationRequest.ActivityMapping(OLD_TIMER, NEW_TIMER));
        }
        assertThatThrownBy(() -> plans.build(request(v1, v2, tooMany, null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.getMessage())
                        .contains("extraMappings").contains("hoogstens " + MigrationPlans.MAX_MAPPINGS));
        assertThatThrownBy(() -> plans.build(new MigrationRequest("poortwachter", v1.getVersion(), null, null, null,
                "tenant-bestaat-niet", null, null, null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.getMessage())
                        .contains("tenantId"));

        // The start names its target: a version deployed after the dry run is not taken.
        assertThatThrownBy(() -> start.start(new MigrationRequest("poortwachter", v1.getVersion(), null, null, null,
                null, null, List.of("x"), true), "hanna"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.getMessage())
                        .contains("targetDefinitionId"));
        List<String> manyCases = new ArrayList<>();
        for (int i = 0; i <= MigrationStart.MAX_CASES; i++) {
            manyCases.add("ZV-" + i);
        }
        assertThatThrownBy(() -> start.start(request(v1, v2, List.of(), manyCases), "hanna"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.getMessage())
                        .contains("caseIds").contains("hoogstens " + MigrationStart.MAX_CASES));
    }

    @Test
    void theMarkersGoEvenWhenTheFollowUpHasNothingToRecord() {
        // An instance of a model that is not migrated here, carrying the markers a plan sets.
        ProcessInstance other = engine.getRuntimeService().createProcessInstanceByKey("herstelperiode")
                .businessKey("ZV-MIGRATIE-" + UUID.randomUUID()).setVariables(Map.of("werkgeverId", "acme-bouw",
                        "herstelperiodeEinde", "2099-01-01T00:00:00", MigrationStart.MIGRATED_BY, "hanna",
                        MigrationStart.MIGRATED_FROM, 1, MigrationStart.MIGRATED_MAPPINGS, "a->b"))
                .startBeforeActivity("terugvalAfwachten").execute();

        followUp.afterMigration(other.getId(), "hanna", java.util.Set.of("a"));

        assertThat(engine.getRuntimeService().getVariables(other.getId())).doesNotContainKeys(
                MigrationStart.MIGRATED_BY, MigrationStart.MIGRATED_FROM, MigrationStart.MIGRATED_MAPPINGS);
        engine.getRuntimeService().deleteProcessInstance(other.getId(), "test");
    }

    record Case(String caseId, String instanceId, LocalDate firstSickDay) {
        LocalDate day(int n) {
            return firstSickDay.plusDays(n - 1L);
        }
    }

    /** What the test compares before and after: the legal date variables and the open tasks' due dates. */
    record ApiTimes(Map<String, Map<String, Object>> legalDates, Map<String, Date> taskDue) {
        static ApiTimes of(ProcessEngine engine, List<Case> cases) {
            Map<String, Map<String, Object>> dates = new LinkedHashMap<>();
            Map<String, Date> due = new HashMap<>();
            for (Case each : cases) {
                dates.put(each.caseId, engine.getRuntimeService().getVariables(each.instanceId,
                        CaseTimeline.writtenVariables()));
                for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(each.instanceId).list()) {
                    due.put(each.caseId + "/" + task.getTaskDefinitionKey(), task.getDueDate());
                }
            }
            return new ApiTimes(dates, due);
        }
    }

    private Case startAndPlay(int daysBeforeToday, String leaveOpen) {
        LocalDate firstSickDay = TODAY.minusDays(daysBeforeToday);
        ClockUtil.setCurrentTime(Date.from(firstSickDay.atTime(LocalTime.of(9, 0)).atZone(AMSTERDAM).toInstant()));
        String caseId = "ZV-MIGRATIE-" + UUID.randomUUID();
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("poortwachter", caseId,
                Map.of("werknemerId", "bram" + UUID.randomUUID().toString().substring(0, 8),
                        "werknemerNaam", "Bram Bakker", "werkgeverId", "acme-bouw",
                        "eersteZiektedag", firstSickDay.toString()));
        startedCases.add(caseId);
        Function<String, Map<String, Object>> answers = key -> key.equals(leaveOpen) ? null
                : SimulatedAnswers.onTime(key);
        new CasePlayer(engine, caseId).playUntil(TODAY.atTime(9, 0).atZone(AMSTERDAM).toInstant(), answers, 0);
        return new Case(caseId, instance.getId(), firstSickDay);
    }

    private static MigrationRequest request(ProcessDefinition source, ProcessDefinition target,
                                            List<MigrationRequest.ActivityMapping> mappings, List<String> caseIds) {
        return new MigrationRequest("poortwachter", source.getVersion(), null, target.getVersion(), null, null,
                mappings, caseIds, true);
    }

    private static MigrationPreview.CaseResult result(MigrationPreview preview, Case each) {
        return preview.cases().stream().filter(result -> result.caseId().equals(each.caseId)).findFirst()
                .orElseThrow(() -> new AssertionError("case " + each.caseId + " not in the plan"));
    }

    private List<DossierEntry> entries(Case each, DossierEntryType type) {
        return dossier.findByCase(each.caseId).stream().filter(entry -> entry.type() == type).toList();
    }

    private String runsOn(Case each) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(each.instanceId)
                .singleResult().getProcessDefinitionId();
    }

    private Date dueDate(Case each, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(each.instanceId).taskDefinitionKey(taskKey)
                .singleResult().getDueDate();
    }

    private Date timer(Case each, String activityId) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(each.instanceId).timers()
                .list()) {
            String activity = engine.getManagementService().createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
            if (activity.equals(activityId)) {
                return job.getDuedate();
            }
        }
        return null;
    }

    private LocalDate ziekmeldingUwv(Case each) {
        return calendar.compute(TimelineInput.of(each.firstSickDay)).dateOf(MilestoneKey.ZIEKMELDING_UWV);
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(AMSTERDAM).toInstant());
    }
}
