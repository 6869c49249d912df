package nl.spoorwijzer.cases;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.DossierEntry;
import nl.spoorwijzer.casefile.DossierRepository;
import nl.spoorwijzer.process.TaskRoles;
import nl.spoorwijzer.recovery.CaseRecovery;
import nl.spoorwijzer.recovery.RecoveryRequest;
import nl.spoorwijzer.report.ReintegrationReports;
import nl.spoorwijzer.uwv.UwvDecisionRequest;
import nl.spoorwijzer.uwv.UwvDecisions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API: intake of a sick report, and what a case stands at and its dossier for those who may see it (the
 * employers they serve; an employee only his own case). A case one may not see is answered as not found.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    static final int MAX_PAGE_SIZE = 200;

    private final CaseIntake intake;
    private final CaseRecovery recovery;
    private final UwvDecisions uwvDecisions;
    private final ReintegrationReports reintegrationReports;
    private final CaseFileRepository cases;
    private final CaseAccess access;
    private final DossierRepository dossier;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final Clock clock;

    CaseController(CaseIntake intake, CaseRecovery recovery, UwvDecisions uwvDecisions,
                   ReintegrationReports reintegrationReports, CaseFileRepository cases, CaseAccess access, DossierRepository dossier,
                   TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
                   Clock clock) {
        this.intake = intake;
        this.recovery = recovery;
        this.uwvDecisions = uwvDecisions;
        this.reintegrationReports = reintegrationReports;
        this.cases = cases;
        this.access = access;
        this.dossier = dossier;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Report sickness: opens a case and computes every legal date (201), or continues the"
            + " employee's recovered case when the relapse falls within 28 days of the recovery (200)")
    ResponseEntity<CaseView> open(@RequestBody IntakeRequest request) {
        CaseIntake.Opened opened = intake.open(request);
        URI location = URI.create("/api/cases/" + opened.caseId());
        return opened.continued() ? ResponseEntity.ok().location(location).body(details(opened.caseId()))
                : ResponseEntity.created(location).body(details(opened.caseId()));
    }

    @PostMapping("/{caseId}/recovery")
    @Operation(summary = "Report full recovery (the work pauses; closed as hersteld after 28 days without relapse)"
            + " or partial recovery with a percentage (the clock keeps running)")
    CaseView recovery(@PathVariable String caseId, @RequestBody RecoveryRequest request) {
        recovery.recover(visible(caseId), request);
        return details(caseId);
    }

    @PostMapping("/{caseId}/uwv-decisions")
    @Operation(summary = "Record a UWV decision: LOONSANCTIE or VVL move the end of the waiting period (and every"
            + " pending timer and due date), BEKORTING ends a sanction 6 weeks after it was granted,"
            + " DESKUNDIGENOORDEEL goes to the step waiting for it")
    CaseView uwvDecision(@PathVariable String caseId, @RequestBody UwvDecisionRequest request) {
        uwvDecisions.record(visible(caseId), request);
        return details(caseId);
    }

    @GetMapping
    @Operation(summary = "Cases the caller may see, soonest legal deadline first")
    List<CaseView> list(@RequestParam(required = false) String employer,
                        @RequestParam(required = false) CasePhase phase,
                        @RequestParam(required = false) Boolean overdue,
                        @RequestParam(required = false) Integer dueWithinDays,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new CaseRequestException(400, "page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new CaseRequestException(400, "size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (dueWithinDays != null && dueWithinDays < 0) {
            throw new CaseRequestException(400, "dueWithinDays", "must be 0 or more");
        }
        LocalDate today = LocalDate.now(clock);
        return cases.list(new CaseQuery(employer, phase, overdue, dueWithinDays, page, size),
                        access.visibleEmployers(), access.onlyEmployee(), today).stream()
                .map(file -> CaseView.summary(file, today)).toList();
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "A case: phase, next deadline, open steps, spoor 2 status, job applications, timeline")
    CaseView get(@PathVariable String caseId) {
        return details(caseId);
    }

    @GetMapping("/{caseId}/timeline")
    @Operation(summary = "The case's legal dates as last computed (they move with relapses and UWV decisions)")
    Map<String, Object> timeline(@PathVariable String caseId) {
        visible(caseId);
        return DossierEntry.latestTimeline(dossier.findByCase(caseId));
    }

    @GetMapping("/{caseId}/dossier")
    @Operation(summary = "All dossier entries of the case, in the order they were recorded")
    List<DossierEntry> dossier(@PathVariable String caseId) {
        visible(caseId);
        return dossier.findByCase(caseId);
    }

    private CaseFile visible(String caseId) {
        return cases.find(caseId).filter(access::maySee).orElseThrow(() ->
                new CaseRequestException(404, "caseId", "no case '" + caseId + "' that you may see"));
    }

    private CaseView details(String caseId) {
        CaseFile file = visible(caseId);
        List<DossierEntry> entries = dossier.findByCase(caseId);
        LocalDate today = LocalDate.now(clock);
        CaseView summary = CaseView.summary(file, today);
        return access.asDirectory(() -> new CaseView(summary.caseId(), summary.employerId(), summary.employeeId(),
                summary.firstSickDay(), summary.status(), summary.phase(), summary.nextDeadline(),
                summary.nextDeadlineTask(), summary.overdue(), summary.closedReason(), summary.recoveredOn(),
                summary.partialRecoveryPercentage(), openTasks(file),
                spoor2Status(caseId), jobApplications(file), DossierEntry.latestTimeline(entries),
                reintegrationReports.completeness(file, entries)));
    }

    private List<CaseView.OpenTask> openTasks(CaseFile file) {
        // A recovered case's paused tasks cannot be worked, so they are not open steps.
        return taskService.createTaskQuery().processInstanceBusinessKey(file.caseId()).active().orderByDueDate().asc()
                .list()
                .stream().map(task -> new CaseView.OpenTask(task.getName(), roleOf(task, file.employeeId()),
                        task.getAssignee(),
                        task.getDueDate() == null ? null
                                : LocalDate.ofInstant(task.getDueDate().toInstant(), clock.getZone())))
                .toList();
    }

    private String roleOf(Task task, String employee) {
        return TaskRoles.of(taskService.getIdentityLinksForTask(task.getId()), task.getAssignee(), employee);
    }

    private String spoor2Status(String caseId) {
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey("spoor-2-traject")
                .processInstanceBusinessKey(caseId).count() > 0) {
            return "lopend";
        }
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("spoor-2-traject")
                .processInstanceBusinessKey(caseId).count() > 0 ? "afgerond" : "niet gestart";
    }

    private Integer jobApplications(CaseFile file) {
        HistoricVariableInstance count = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(file.processInstanceId()).variableName("aantalSollicitaties").singleResult();
        return count == null ? 0 : ((Number) count.getValue()).intValue();
    }
}
