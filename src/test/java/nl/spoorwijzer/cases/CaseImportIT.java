package nl.spoorwijzer.cases;

import static nl.spoorwijzer.support.ApiCases.endOf;
import static nl.spoorwijzer.support.ApiCases.onDay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.ProcessKeys.Tasks;
import nl.spoorwijzer.process.ProcessSettings;
import nl.spoorwijzer.report.ReintegrationReport.Part;
import nl.spoorwijzer.report.ReintegrationReport;
import nl.spoorwijzer.report.ReintegrationReports;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.timeline.MilestoneKey;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import nl.spoorwijzer.timeline.TimelineInput;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Importing a running case (issue 24 point 2) over HTTP, in simulated time: the steps taken elsewhere become imported
 * dossier entries, the case starts where they left it with only what is still due as tasks, and what was due and is
 * missing is recorded as missed once — no escalation tasks when the overdue timers are caught up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseImportIT {

    /** The import day: a Monday. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    @Autowired ReintegrationReports reports;
    @Autowired CaseFileRepository caseFiles;
    @Autowired PoortwachterCalendar calendar;
    @Autowired ProcessSettings processSettings;
    HttpTestClient http;
    ApiCases cases;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        onDay(TODAY);
    }

    @AfterEach
    void cleanUp() {
        cases.deleteAll("herstelperiode", "spoor-2-traject", "poortwachter");
    }

    static LocalDate day(LocalDate firstSickDay, int n) {
        return firstSickDay.plusDays(n - 1L);
    }

    @Test
    void caseImportedOnDay200WithAnalysisAndPlanOnTimeResumesAfterThem() throws Exception {
        LocalDate first = TODAY.minusDays(199);
        HttpResponse<String> opened = importCase(first, """
                [{"step": "ziekmelding-bedrijfsarts", "date": "%s", "role": "werkgever"},
                 {"step": "probleemanalyse", "date": "%s", "role": "bedrijfsarts", "document": "PA-2026-17.pdf"},
                 {"step": "plan-van-aanpak", "date": "%s", "document": "PvA getekend"},
                 {"step": "evaluatie", "date": "%s"},
                 {"step": "evaluatie", "date": "%s"}]""".formatted(day(first, 3), day(first, 30), day(first, 40),
                day(first, 120), day(first, 190)), "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).path("caseId").asText();
        CasePlayer player = new CasePlayer(engine, caseId);
        player.fireDueTimers();

        assertThat(taskKeys(player)).as("steps taken elsewhere are no tasks here; nothing is overdue")
                .doesNotContain(Tasks.ZIEKMELDING_DOORGEVEN, Tasks.PROBLEEMANALYSE_OPSTELLEN,
                        Tasks.PLAN_VAN_AANPAK_OPSTELLEN, Tasks.PLAN_VAN_AANPAK_BEOORDELEN,
                        Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN, Tasks.VOORTGANG_EVALUEREN);

        List<DossierEntry> entries = dossier.findByCase(caseId);
        List<DossierEntry> imported = entries.stream().filter(e -> e.type() == DossierEntryType.STEP_IMPORTED)
                .toList();
        assertThat(imported).hasSize(5).allSatisfy(entry -> assertThat(entry.recordedBy()).isEqualTo("anna"));
        assertThat(imported).extracting(DossierEntry::elementId).containsExactly(Tasks.ZIEKMELDING_DOORGEVEN,
                Tasks.PROBLEEMANALYSE_OPSTELLEN, Tasks.PLAN_VAN_AANPAK_OPSTELLEN, Tasks.VOORTGANG_EVALUEREN,
                Tasks.VOORTGANG_EVALUEREN);
        DossierEntry analysis = imported.get(1);
        assertThat(analysis.role()).as("the werkgever declared it, whoever took the step").isEqualTo("werkgever");
        assertThat(analysis.content()).containsEntry("stap", "probleemanalyse")
                .containsEntry("datum", day(first, 30).toString()).containsEntry("document", "PA-2026-17.pdf")
                .containsEntry("rol", "bedrijfsarts").containsEntry("opgegevenDoor", "werkgever (import)");
        assertThat(analysis.deadlineMet()).isTrue();
        DossierEntry plan = imported.get(2);
        assertThat(plan.dueDate()).as("the plan is due 2 weeks after the imported probleemanalyse, not on day 56")
                .isEqualTo(day(first, 44));
        assertThat(plan.deadlineMet()).isTrue();
        assertThat(entries).noneMatch(e -> e.type() == DossierEntryType.DEADLINE_MISSED);
        ReintegrationReport riv = reports.compile(caseFiles.find(caseId).orElseThrow());
        Part analysisPart = riv.parts().stream().filter(p -> p.key().equals("PROBLEEMANALYSE")).findFirst()
                .orElseThrow();
        assertThat(analysisPart.status()).as("imported steps are in the re-integratieverslag")
                .isEqualTo(ReintegrationReport.Status.AANWEZIG);
        assertThat(analysisPart.documents()).singleElement().satisfies(document -> {
            assertThat(document.date()).as("the day taken, not the day imported").isEqualTo(day(first, 30));
            assertThat(document.content()).containsEntry("document", "PA-2026-17.pdf")
                    .as("the RIV says who took it and who declared it").containsEntry("rol", "bedrijfsarts")
                    .containsEntry("opgegevenDoor", "werkgever (import)");
            assertThat(document.recordedBy()).isEqualTo("anna");
            assertThat(document.role()).isEqualTo("werkgever");
        });

        // The next evaluation is due one interval after the last imported one.
        LocalDate evaluationDue = calendar.nextPeriodicDue(day(first, 190));
        onDay(evaluationDue.minusDays(1));
        player.fireDueTimers();
        Task evaluation = task(player, Tasks.VOORTGANG_EVALUEREN);
        assertThat(evaluation.getDueDate()).isEqualTo(endOf(evaluationDue));
        complete(player, Tasks.VOORTGANG_EVALUEREN);

        // The 42e-weeksmelding comes as in any case, due on the calendar's date.
        LocalDate uwvDue = calendar.compute(TimelineInput.of(first)).dateOf(MilestoneKey.ZIEKMELDING_UWV);
        onDay(uwvDue.minusDays(1));
        player.fireDueTimers();
        assertThat(task(player, Tasks.ZIEKMELDING_UWV_DOEN).getDueDate()).isEqualTo(endOf(uwvDue));
        // Deadlines after the import are watched as in any case: the evaluation planned at the first one's
        // completion was left open, and its miss is recorded and escalated.
        assertThat(dossier.findByCase(caseId)).filteredOn(e -> e.type() == DossierEntryType.DEADLINE_MISSED)
                .extracting(DossierEntry::elementId).containsExactly(Tasks.VOORTGANG_EVALUEREN);
        assertThat(taskKeys(player)).containsOnlyOnce(Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN);
    }

    @Test
    void missingPlanIsRecordedMissedOnceWithoutEscalationTasks() throws Exception {
        LocalDate first = TODAY.minusDays(299);
        HttpResponse<String> opened = importCase(first, """
                [{"step": "probleemanalyse", "date": "%s"}]""".formatted(day(first, 35)), "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).path("caseId").asText();
        CasePlayer player = new CasePlayer(engine, caseId);
        player.fireDueTimers();

        List<DossierEntry> missed = dossier.findByCase(caseId).stream()
                .filter(e -> e.type() == DossierEntryType.DEADLINE_MISSED).toList();
        assertThat(missed).extracting(DossierEntry::elementId).as("one miss per legal step due before day 300")
                .containsExactlyInAnyOrder(Tasks.PLAN_VAN_AANPAK_OPSTELLEN, Tasks.ZIEKMELDING_UWV_DOEN);
        DossierEntry planMissed = missed.stream()
                .filter(e -> e.elementId().equals(Tasks.PLAN_VAN_AANPAK_OPSTELLEN)).findFirst().orElseThrow();
        assertThat(planMissed.dueDate()).isEqualTo(day(first, 49));
        assertThat(planMissed.deadlineMet()).isFalse();

        // What is still to be done comes, overdue on its legal date, and no escalation storm.
        assertThat(task(player, Tasks.PLAN_VAN_AANPAK_OPSTELLEN).getDueDate()).isEqualTo(endOf(day(first, 49)));
        assertThat(taskKeys(player)).contains(Tasks.ZIEKMELDING_UWV_DOEN)
                .doesNotContain(Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN, Tasks.ZIEKMELDING_DOORGEVEN,
                        Tasks.PROBLEEMANALYSE_OPSTELLEN);
        assertThat(deadlineTimers(caseId)).as("no watch left on deadlines already recorded as missed").isZero();

        // Catching up later: a day on, the timers fire, the late plan is made — still one miss each.
        onDay(TODAY.plusDays(1));
        player.fireDueTimers();
        complete(player, Tasks.PLAN_VAN_AANPAK_OPSTELLEN);
        player.fireDueTimers();
        assertThat(dossier.findByCase(caseId)).filteredOn(e -> e.type() == DossierEntryType.DEADLINE_MISSED)
                .hasSize(2);
        assertThat(taskKeys(player)).doesNotContain(Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN);
    }

    @Test
    void plainBackdatedReportStillEscalatesEachOverdueDeadline() throws Exception {
        // Today's behaviour without steps, for contrast: the boundary timers of a case 300 days old fire as soon as
        // they are caught up, each with a miss and a "Termijn overschreden" task.
        LocalDate first = TODAY.minusDays(299);
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(first),
                "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).path("caseId").asText();
        CasePlayer player = new CasePlayer(engine, caseId);
        player.fireDueTimers();
        long escalations = taskKeys(player).stream().filter(Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN::equals).count();
        System.out.println("Plain backdated report on day 300: " + escalations + " escalation tasks, "
                + dossier.findByCase(caseId).stream().filter(e -> e.type() == DossierEntryType.DEADLINE_MISSED)
                .count() + " misses");
        assertThat(escalations).isPositive();
    }

    @Test
    void importingTheSameCaseTwiceCreatesNothingNew() throws Exception {
        LocalDate first = TODAY.minusDays(99);
        String steps = """
                [{"step": "probleemanalyse", "date": "%s"}]""".formatted(day(first, 30));
        HttpResponse<String> once = importCase(first, steps, "anna");
        HttpResponse<String> twice = importCase(first, steps, "anna");
        assertThat(once.statusCode()).as(once.body()).isEqualTo(201);
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(200);
        String caseId = json.readTree(once.body()).path("caseId").asText();
        assertThat(json.readTree(twice.body()).path("caseId").asText()).isEqualTo(caseId);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .count()).isEqualTo(1);
        assertThat(dossier.findByCase(caseId)).filteredOn(e -> e.type() == DossierEntryType.STEP_IMPORTED)
                .hasSize(1);

        // An import without steps is known as one by its import day.
        String noSteps = """
                {"employeeId": "piet", "employerId": "acme-bouw", "firstSickDay": "%s", "steps": []}""".formatted(first);
        HttpResponse<String> imported = http.post("/api/cases", noSteps, "anna", "anna");
        HttpResponse<String> importedAgain = http.post("/api/cases", noSteps, "anna", "anna");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(importedAgain.statusCode()).as(importedAgain.body()).isEqualTo(200);
    }

    @Test
    void importOntoACaseReportedHereIsRefusedNotReportedAsAlreadyImported() throws Exception {
        LocalDate first = TODAY.minusDays(99);
        HttpResponse<String> plain = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(first),
                "anna", "anna");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
        String caseId = json.readTree(plain.body()).path("caseId").asText();

        HttpResponse<String> imported = importCase(first, """
                [{"step": "probleemanalyse", "date": "%s"}]""".formatted(day(first, 30)), "anna");
        assertThat(imported.statusCode()).as("the steps would be dropped silently: " + imported.body())
                .isEqualTo(409);
        JsonNode problem = json.readTree(imported.body());
        assertThat(problem.path("field").asText()).isEqualTo("employeeId");
        assertThat(problem.path("rule").asText()).contains(caseId).contains("not imported")
                .contains("not merged");
        assertThat(dossier.findByCase(caseId)).noneMatch(e -> e.type() == DossierEntryType.STEP_IMPORTED);

        String csv = "employeeId,employerId,firstSickDay,probleemanalyse\r\ntim,acme-bouw,%s,%s\r\n"
                .formatted(first, day(first, 30));
        JsonNode row = json.readTree(postCsv(csv, "anna", "application/json").body()).path("results").get(0);
        assertThat(row.path("outcome").asText()).as(row.toString()).isEqualTo("REFUSED");
        assertThat(row.path("violations").get(0).path("field").asText()).isEqualTo("employeeId");
        assertThat(row.path("violations").get(0).path("rule").asText()).contains("not imported");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .count()).isEqualTo(1);
    }

    @Test
    void importedEerstejaarsevaluatieWithoutSpoor2LeavesSpoor2ToItsOwnDeadlineWatch() throws Exception {
        LocalDate first = TODAY.minusDays(449);
        HttpResponse<String> opened = importCase(first, """
                [{"step": "ziekmelding-bedrijfsarts", "date": "%s"},
                 {"step": "probleemanalyse", "date": "%s"},
                 {"step": "plan-van-aanpak", "date": "%s"},
                 {"step": "evaluatie", "date": "%s"},
                 {"step": "ziekmelding-uwv", "date": "%s"},
                 {"step": "eerstejaarsevaluatie", "date": "%s"}]""".formatted(day(first, 3), day(first, 35),
                day(first, 45), day(first, 420), day(first, 290), day(first, 350)), "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).path("caseId").asText();
        CasePlayer player = new CasePlayer(engine, caseId);

        assertThat(dossier.findByCase(caseId)).as("spoor 2 is due only when decided, so the import records no miss")
                .filteredOn(e -> e.type() == DossierEntryType.DEADLINE_MISSED)
                .extracting(DossierEntry::elementId).doesNotContain(Tasks.REINTEGRATIEBUREAU_INSCHAKELEN);
        assertThat(dossier.findByCase(caseId)).as("the decision after the imported eerstejaarsevaluatie")
                .anyMatch(e -> e.type() == DossierEntryType.DECISION && e.subject().contains("spoor 2"));
        // The decision (no exception given) says spoor 2 is needed: its task comes with its legal date and watch.
        LocalDate spoor2Due = calendar.compute(TimelineInput.of(first).withActualEerstejaarsevaluatie(
                day(first, 350))).dateOf(MilestoneKey.SPOOR_2_START);
        assertThat(spoor2Due).isBefore(TODAY);
        assertThat(task(player, Tasks.REINTEGRATIEBUREAU_INSCHAKELEN).getDueDate()).isEqualTo(endOf(spoor2Due));
        assertThat(deadlineTimers(caseId, Tasks.REINTEGRATIEBUREAU_INSCHAKELEN)).isEqualTo(1);

        // Its deadline passed: the watch records the miss once, with one escalation task — also when caught up again.
        player.fireDueTimers();
        onDay(TODAY.plusDays(1));
        player.fireDueTimers();
        assertThat(dossier.findByCase(caseId)).filteredOn(e -> e.type() == DossierEntryType.DEADLINE_MISSED)
                .filteredOn(e -> e.elementId().equals(Tasks.REINTEGRATIEBUREAU_INSCHAKELEN)).singleElement()
                .satisfies(miss -> {
                    assertThat(miss.dueDate()).isEqualTo(spoor2Due);
                    assertThat(miss.deadlineMet()).isFalse();
                });
        assertThat(taskKeys(player)).containsOnlyOnce(Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN)
                .containsOnlyOnce(Tasks.REINTEGRATIEBUREAU_INSCHAKELEN);
    }

    @Test
    void finalPhaseStepsBeforeTheFinalPhaseOrTheEerstejaarsevaluatieAreRefused() throws Exception {
        LocalDate young = TODAY.minusDays(59);
        assertRefused(young, """
                [{"step": "actueel-oordeel", "date": "%s"}, {"step": "eindevaluatie", "date": "%s"}]"""
                .formatted(day(young, 40), day(young, 41)), "steps[0].date", "final phase");

        LocalDate first = TODAY.minusDays(629);
        LocalDate finalPhaseStart = calendar.compute(TimelineInput.of(first)).dateOf(MilestoneKey.WIA_AANVRAAG)
                .minusWeeks(processSettings.finalPhaseWeeksBeforeWiaApplication()).plusDays(1);
        assertThat(finalPhaseStart).isBefore(TODAY);
        assertRefused(first, """
                [{"step": "eindevaluatie", "date": "%s"}]""".formatted(finalPhaseStart.minusDays(1)),
                "steps[0].date", "final phase of this case could start (" + finalPhaseStart);
        assertRefused(first, """
                [{"step": "eerstejaarsevaluatie", "date": "%s"}, {"step": "actueel-oordeel", "date": "%s"}]"""
                .formatted(finalPhaseStart.plusDays(5), finalPhaseStart), "steps[1].date", "eerstejaarsevaluatie");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .count()).as("nothing of a refused import is written").isZero();

        HttpResponse<String> onTheFirstDay = importCase(first, """
                [{"step": "actueel-oordeel", "date": "%s"}]""".formatted(finalPhaseStart), "anna");
        assertThat(onTheFirstDay.statusCode()).as(onTheFirstDay.body()).isEqualTo(201);
    }

    @Test
    void eerstejaarsevaluatieAndActueelOordeelImportedLeaveTheRestOfTheFinalPhase() throws Exception {
        LocalDate first = TODAY.minusDays(629);
        HttpResponse<String> opened = importCase(first, """
                [{"step": "probleemanalyse", "date": "%s"},
                 {"step": "plan-van-aanpak", "date": "%s"},
                 {"step": "evaluatie", "date": "%s"},
                 {"step": "ziekmelding-uwv", "date": "%s"},
                 {"step": "eerstejaarsevaluatie", "date": "%s"},
                 {"step": "spoor-2-start", "date": "%s", "role": "werkgever"},
                 {"step": "actueel-oordeel", "date": "%s", "role": "bedrijfsarts"}]""".formatted(day(first, 40),
                day(first, 50), day(first, 600), day(first, 295), day(first, 350), day(first, 380),
                day(first, 625)), "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).path("caseId").asText();
        CasePlayer player = new CasePlayer(engine, caseId);
        player.fireDueTimers();

        assertThat(taskKeys(player)).contains(Tasks.EINDEVALUATIE_HOUDEN)
                .doesNotContain(Tasks.ACTUEEL_OORDEEL_OPSTELLEN, Tasks.EERSTEJAARSEVALUATIE_HOUDEN,
                        Tasks.REINTEGRATIEBUREAU_INSCHAKELEN, Tasks.ZIEKMELDING_UWV_DOEN,
                        Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN);
        assertThat(dossier.findByCase(caseId)).noneMatch(e -> e.type() == DossierEntryType.DEADLINE_MISSED);

        // The eindevaluatie and the employee's view complete the join with the imported actueel oordeel.
        complete(player, Tasks.EINDEVALUATIE_HOUDEN);
        complete(player, "eindevaluatieVisieGeven");
        assertThat(taskKeys(player)).as("the application starts as soon as both parts are there")
                .contains(Tasks.VISIE_OP_REINTEGRATIE_GEVEN, "reintegratieverslagSamenstellen", "wiaAanvraagIndienen");
    }

    @Test
    void bothPartsOfTheFinalPhaseImportedStartTheApplicationAtOnce() throws Exception {
        LocalDate first = TODAY.minusDays(629);
        HttpResponse<String> opened = importCase(first, """
                [{"step": "probleemanalyse", "date": "%s"},
                 {"step": "plan-van-aanpak", "date": "%s"},
                 {"step": "evaluatie", "date": "%s"},
                 {"step": "ziekmelding-uwv", "date": "%s"},
                 {"step": "eerstejaarsevaluatie", "date": "%s"},
                 {"step": "spoor-2-start", "date": "%s", "role": "werkgever"},
                 {"step": "actueel-oordeel", "date": "%s", "role": "bedrijfsarts"},
                 {"step": "eindevaluatie", "date": "%s", "role": "werkgever"}]""".formatted(day(first, 40),
                day(first, 50), day(first, 600), day(first, 295), day(first, 350), day(first, 380),
                day(first, 625), day(first, 626)), "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        CasePlayer player = new CasePlayer(engine, json.readTree(opened.body()).path("caseId").asText());
        player.fireDueTimers();

        assertThat(taskKeys(player)).contains(Tasks.VISIE_OP_REINTEGRATIE_GEVEN, "reintegratieverslagSamenstellen",
                "wiaAanvraagIndienen").doesNotContain(Tasks.ACTUEEL_OORDEEL_OPSTELLEN, Tasks.EINDEVALUATIE_HOUDEN);
    }

    @Test
    void anImportThatContradictsItselfIsRefusedNamingTheStepAndTheRule() throws Exception {
        LocalDate first = TODAY.minusDays(99);
        assertRefused(first, """
                [{"step": "probleemanalyse", "date": "%s"}, {"step": "plan-van-aanpak", "date": "%s"}]"""
                .formatted(day(first, 40), day(first, 30)), "steps[1].date", "before");
        assertRefused(first, """
                [{"step": "plan-van-aanpak", "date": "%s"}]""".formatted(day(first, 30)), "steps[0].step",
                "probleemanalyse");
        assertRefused(first, """
                [{"step": "probleemanalyse", "date": "%s"}]""".formatted(first.minusDays(1)), "steps[0].date",
                "first sick day");
        assertRefused(first, """
                [{"step": "probleemanalyse", "date": "%s"}]""".formatted(TODAY.plusDays(1)), "steps[0].date",
                "future");
        assertRefused(first, """
                [{"step": "probleemanalyse", "date": "%s"}, {"step": "probleemanalyse", "date": "%s"}]"""
                .formatted(day(first, 30), day(first, 31)), "steps[1].step", "twice");
        assertRefused(first, """
                [{"step": "herstelmelding", "date": "%s"}]""".formatted(day(first, 30)), "steps[0].step",
                "unknown step");
        assertRefused(first, """
                [{"step": "probleemanalyse", "date": "%s", "role": "werkgever"}]""".formatted(day(first, 30)),
                "steps[0].role", "bedrijfsarts");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .count()).as("nothing of a refused import is written").isZero();
    }

    @Test
    void onlyTheEmployersWerkgeverMayImportItsCases() throws Exception {
        LocalDate first = TODAY.minusDays(99);
        String steps = """
                [{"step": "probleemanalyse", "date": "%s"}]""".formatted(day(first, 30));
        HttpResponse<String> otherEmployer = http.post("/api/cases", body(first, steps), "daan", "daan");
        HttpResponse<String> bedrijfsarts = http.post("/api/cases", body(first, steps), "eva", "eva");
        assertThat(otherEmployer.statusCode()).as(otherEmployer.body()).isEqualTo(403);
        assertThat(bedrijfsarts.statusCode()).as(bedrijfsarts.body()).isEqualTo(403);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .count()).isZero();
    }

    @Test
    void csvBulkImportReportsEveryRowAndCreatesNothingTwice() throws Exception {
        LocalDate first = TODAY.minusDays(199);
        String csv = String.join("\r\n",
                "employeeId,employerId,firstSickDay,probleemanalyse,probleemanalyse-document,plan-van-aanpak,evaluatie",
                "tim,acme-bouw,%s,%s,\"PA, versie 2\",%s,%s|%s".formatted(first, day(first, 30), day(first, 40),
                        day(first, 80), day(first, 120)),
                "piet,acme-bouw,%s,%s,,%s,".formatted(first, day(first, 40), day(first, 30)),
                "kees,acme-bouw,%s,,,,".formatted(first),
                "noor,zorggroep-noord,%s,,,,".formatted(first),
                "=HYPERLINK(\"http://x\"),acme-bouw,%s,,,,".formatted(first),
                "joris,acme-bouw,%s,%s,,,".formatted(first, TODAY.plusDays(3)), "");

        JsonNode report = json.readTree(postCsv(csv, "anna", "application/json").body());
        assertThat(report.path("rows").asInt()).isEqualTo(6);
        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("refused").asInt()).isEqualTo(4);
        JsonNode rows = report.path("results");
        assertThat(rows.get(0).path("row").asInt()).isEqualTo(2);
        assertThat(rows.get(0).path("outcome").asText()).isEqualTo("CREATED");
        assertThat(rows.get(1).path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(rows.get(1).path("violations").get(0).path("field").asText()).isEqualTo("plan-van-aanpak");
        assertThat(rows.get(1).path("violations").get(0).path("rule").asText()).contains("before");
        assertThat(rows.get(2).path("outcome").asText()).isEqualTo("CREATED");
        assertThat(rows.get(3).path("violations").get(0).path("field").asText()).as("anna is no werkgever there")
                .isEqualTo("employerId");
        assertThat(rows.get(4).path("violations").get(0).path("field").asText()).isEqualTo("employeeId");
        assertThat(rows.get(5).path("row").asInt()).isEqualTo(7);
        assertThat(rows.get(5).path("violations").get(0).path("field").asText()).isEqualTo("probleemanalyse");
        assertThat(rows.get(5).path("violations").get(0).path("rule").asText()).contains("future");
        String timCase = rows.get(0).path("caseId").asText();
        assertThat(dossier.findByCase(timCase)).filteredOn(e -> e.type() == DossierEntryType.STEP_IMPORTED)
                .extracting(e -> e.content().get("document")).contains("PA, versie 2");

        HttpResponse<String> again = postCsv(csv, "anna", "text/csv");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).as("a second run creates nothing").contains("\"2\",\"tim\",\"acme-bouw\"")
                .contains("ALREADY_IMPORTED").doesNotContain("CREATED")
                .as("a cell a spreadsheet would run as a formula is made plain text").contains("\"'=HYPERLINK(");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .count()).isEqualTo(2);
        assertThat(dossier.findByCase(timCase)).filteredOn(e -> e.type() == DossierEntryType.STEP_IMPORTED)
                .hasSize(4);
    }

    @Test
    void csvImportIsForTheWerkgeverOnlyAndBounded() throws Exception {
        String csv = "employeeId,employerId,firstSickDay\r\ntim,acme-bouw," + TODAY.minusDays(10) + "\r\n";
        assertThat(postCsv(csv, "eva", "application/json").statusCode()).isEqualTo(403);
        JsonNode daan = json.readTree(postCsv(csv, "daan", "application/json").body());
        assertThat(daan.path("refused").asInt()).isEqualTo(1);
        assertThat(daan.path("results").get(0).path("violations").get(0).path("field").asText())
                .isEqualTo("employerId");
        HttpResponse<String> unknownColumn = postCsv("employeeId,employerId,firstSickDay,salaris\r\n", "anna",
                "application/json");
        assertThat(unknownColumn.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownColumn.body()).path("field").asText()).isEqualTo("header");
        StringBuilder tooMany = new StringBuilder("employeeId,employerId,firstSickDay\n");
        for (int i = 0; i <= 500; i++) {
            tooMany.append("x,acme-bouw,2026-01-01\n");
        }
        HttpResponse<String> refused = postCsv(tooMany.toString(), "anna", "application/json");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("field").asText()).isEqualTo("rows");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("poortwachter")
                .count()).isZero();
    }

    private HttpResponse<String> postCsv(String csv, String user, String accept) {
        return http.send(http.request("/api/cases/import").header("Content-Type", "text/csv; charset=UTF-8")
                .header("Accept", accept).header("Authorization", HttpTestClient.basic(user, user))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private void assertRefused(LocalDate first, String steps, String field, String ruleMentions) throws Exception {
        HttpResponse<String> refused = importCase(first, steps, "anna");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("field").asText()).as(refused.body()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).as(refused.body()).contains(ruleMentions);
    }

    private HttpResponse<String> importCase(LocalDate firstSickDay, String steps, String user) {
        return http.post("/api/cases", body(firstSickDay, steps), user, user);
    }

    private static String body(LocalDate firstSickDay, String steps) {
        return """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s", "steps": %s}"""
                .formatted(firstSickDay, steps);
    }

    private void complete(CasePlayer player, String key) {
        engine.getTaskService().complete(task(player, key).getId(), new HashMap<>(SimulatedAnswers.onTime(key)));
    }

    private static List<String> taskKeys(CasePlayer player) {
        return player.openTasks().stream().map(Task::getTaskDefinitionKey).toList();
    }

    private static Task task(CasePlayer player, String key) {
        return player.openTasks().stream().filter(task -> key.equals(task.getTaskDefinitionKey())).findFirst()
                .orElseThrow(() -> new AssertionError("no open task " + key + " at " + ClockUtil.getCurrentTime()
                        + "; open: " + taskKeys(player)));
    }

    /** Pending "Termijn verstreken" timers on one task of the case, due before now. */
    private long deadlineTimers(String caseId, String taskKey) {
        Date now = ClockUtil.getCurrentTime();
        return engine.getManagementService().createJobQuery().processInstanceId(engine.getRuntimeService()
                        .createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId())
                .timers().list().stream().filter(job -> !job.getDuedate().after(now))
                .filter(job -> engine.getManagementService().createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()
                        .equals(taskKey + "TermijnVerstreken")).count();
    }

    /** Pending "Termijn verstreken" timers of the case, due before now. */
    private long deadlineTimers(String caseId) {
        Date now = ClockUtil.getCurrentTime();
        return engine.getManagementService().createJobQuery().processInstanceId(engine.getRuntimeService()
                        .createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId())
                .timers().list().stream().filter(job -> !job.getDuedate().after(now))
                .filter(job -> engine.getManagementService().createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()
                        .endsWith("TermijnVerstreken")).count();
    }
}
