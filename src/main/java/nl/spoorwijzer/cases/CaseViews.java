package nl.spoorwijzer.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.dossier.ExpertOpinionEntries;
import nl.spoorwijzer.identity.Organisations;
import nl.spoorwijzer.identity.PartyNames;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseAction;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.process.TaskRoles;
import nl.spoorwijzer.report.ReintegrationReports;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a case stands at, for a caller who may see it: the read model's row, the open steps with the role that works
 * each, spoor 2, job applications, the legal dates and the RIV's completeness. Every case endpoint answers with it.
 */
@Component
public class CaseViews {

    private static final String SPOOR_2_NOT_STARTED = "niet gestart";
    private static final String SPOOR_2_RUNNING = "lopend";

    private final CaseAccess access;
    private final DossierRepository dossier;
    private final ReintegrationReports reintegrationReports;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final Clock clock;
    private final Organisations organisations;
    private final PartyNames names;
    private final Optional<WorkResumptionSummary> workResumption;
    private final Optional<Spoor2PracticeActions> spoor2Practice;

    CaseViews(CaseAccess access, DossierRepository dossier, ReintegrationReports reintegrationReports,
              TaskService taskService, RuntimeService runtimeService, HistoryService historyService, Clock clock,
              Organisations organisations, PartyNames names, Optional<WorkResumptionSummary> workResumption,
              Optional<Spoor2PracticeActions> spoor2Practice) {
        this.workResumption = workResumption;
        this.spoor2Practice = spoor2Practice;
        this.organisations = organisations;
        this.names = names;
        this.access = access;
        this.dossier = dossier;
        this.reintegrationReports = reintegrationReports;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.clock = clock;
    }

    /** The case in full; a case the caller may not see is refused as not found. */
    public CaseView details(String caseId) {
        CaseFile file = access.requireVisible(caseId);
        List<DossierEntry> entries = dossier.findByCase(caseId);
        LocalDate today = LocalDate.now(clock);
        CaseView summary = CaseView.summary(file, today);
        CaseView view = access.asDirectory(() -> new CaseView(summary.caseId(), summary.employerId(),
                summary.employeeId(),
                summary.firstSickDay(), summary.status(), summary.phase(), summary.nextDeadline(),
                summary.nextDeadlineTask(), summary.overdue(), summary.closedReason(), summary.recoveredOn(),
                summary.partialRecoveryPercentage(), openTasks(file),
                spoor2Status(caseId), jobApplications(file), DossierEntry.latestTimeline(entries),
                reintegrationReports.completeness(file, entries), recorded(entries, CaseAction.PLACEMENT),
                recorded(entries, CaseAction.JOB_APPLICATION), null, null, null,
                ExpertOpinionEntries.openRequests(entries), ExpertOpinionEntries.opinions(entries), null,
                CaseFile.CLOSED.equals(file.status()) ? List.of() : CooperationMeasureView.activeIn(entries),
                workResumption.map(section -> section.of(entries, today)).orElse(null), spoor2(file)));
        if (!access.mayReadContents(file)) {
            return view.statusOnly();
        }
        return named(List.of(view)).get(0).withActions(actionsOn(file, view));
    }

    /** The views with their employee's and employer's names (for views that show who the case is about). */
    List<CaseView> named(List<CaseView> views) {
        Map<String, String> employees = names.employees(views.stream().map(CaseView::employeeId)
                .filter(Objects::nonNull).toList());
        Map<String, String> employers = names.employers(views.stream().map(CaseView::employerId).toList());
        return views.stream().map(view -> view.withNames(employees.get(view.employeeId()),
                employers.getOrDefault(view.employerId(), view.employerId()))).toList();
    }

    /**
     * What the case screen offers the caller, by the rules the API applies to each action (werkgever: everything, a hersteldmelding while the case is open;
     * bedrijfsarts: UWV decisions; every party that reads the case: documents and the re-integratieverslag; the
     * employee: his access log; the spoor 2 actions by activities/' own rules, see {@link Spoor2PracticeActions}).
     * The API still decides every request.
     */
    private List<String> actionsOn(CaseFile file, CaseView view) {
        List<String> actions = new ArrayList<>();
        boolean open = !CaseFile.CLOSED.equals(file.status());
        boolean running = CaseFile.OPEN.equals(file.status()); // open and not in a herstelperiode
        boolean werkgever = access.mayReportFor(file.employerId(), Role.WERKGEVER);
        if (werkgever && running) {
            actions.add(CaseView.RECOVERY);
        }
        if (werkgever && open) {
            actions.add(CaseView.PLACEMENT);
        }
        if (open && access.mayReportFor(file.employerId(), Role.WERKGEVER, Role.BEDRIJFSARTS)) {
            actions.add(CaseView.UWV_DECISION);
        }
        if (open && !access.callerIsAdmin() && (werkgever || access.callerId().equals(file.employeeId()))) {
            actions.add(CaseView.EXPERT_OPINION_REQUEST);
        }
        spoor2Practice.ifPresent(rights -> actions.addAll(rights.offeredOn(file)));
        // cooperation/ and employment/ (vaststellingsovereenkomst): the case's werkgever, on a running case
        if (werkgever && running) {
            actions.add(CaseView.COOPERATION_MEASURE);
            actions.add(CaseView.SETTLEMENT);
        }
        // Opbouw in own work (ownwork/): on a running case, the werkgever its schedule, he or the employee the hours
        // (the screen offers them once a schedule exists); spoor 1 changes by the werkgever, the bedrijfsarts a
        // changed belastbaarheid only.
        if (running && werkgever) {
            actions.add(CaseView.WORK_RESUMPTION_SCHEDULE);
        }
        if (running && (werkgever || access.callerId().equals(file.employeeId()))) {
            actions.add(CaseView.WORK_RESUMPTION_HOURS);
        }
        if (running && werkgever) {
            actions.add(CaseView.SPOOR1_CHANGE);
        } else if (running && access.mayReportFor(file.employerId(), Role.BEDRIJFSARTS)) {
            actions.add(CaseView.SPOOR1_CAPACITY_CHANGE);
        }
        // POST .../spoor2: the werkgever early or as a restart; early only (never started in this case) the
        // bedrijfsarts or arbeidsdeskundige of the case on his own conclusion, or the administrator; a running case.
        boolean expert = access.callerActsAs(Role.BEDRIJFSARTS) || access.callerActsAs(Role.ARBEIDSDESKUNDIGE);
        boolean neverStarted = view.spoor2() == null && SPOOR_2_NOT_STARTED.equals(view.spoor2Status());
        // A start without an executor waits for the werkgever's choice (task 'Uitvoerder spoor 2 kiezen'): no other.
        boolean choosing = view.spoor2() != null && view.spoor2().executor() == null
                && !SPOOR_2_RUNNING.equals(view.spoor2Status());
        if (running && !choosing
                && (werkgever || ((expert || access.callerIsAdmin()) && neverStarted))) {
            actions.add(CaseView.SPOOR_2_START);
        }
        actions.add(CaseView.DOCUMENT_UPLOAD);
        actions.add(CaseView.REINTEGRATION_REPORT);
        if (access.callerIsAdmin() || access.callerId().equals(file.employeeId())) {
            actions.add(CaseView.ACCESS_LOG);
        }
        return actions;
    }

    /** What was recorded by a case action (or, before it was one, by its task). */
    private static List<DossierEntry> recorded(List<DossierEntry> entries, CaseAction action) {
        return entries.stream().filter(entry -> entry.type() == DossierEntryType.TASK_COMPLETED
                && action.elementId().equals(entry.elementId())).toList();
    }

    private List<CaseView.OpenTask> openTasks(CaseFile file) {
        // A recovered case's paused tasks cannot be worked, so they are not open steps.
        return taskService.createTaskQuery().processInstanceBusinessKey(file.caseId()).active().orderByDueDate().asc()
                .list()
                .stream().map(task -> new CaseView.OpenTask(task.getName(), roleOf(task, file.employeeId()),
                        task.getAssignee(),
                        task.getDueDate() == null ? null
                                : LocalDate.ofInstant(task.getDueDate().toInstant(), clock.getZone()),
                        task.getId()))
                .toList();
    }

    private String roleOf(Task task, String employee) {
        return TaskRoles.of(taskService.getIdentityLinksForTask(task.getId()), task.getAssignee(), employee,
                organisations::roleOf);
    }

    private String spoor2Status(String caseId) {
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT)
                .processInstanceBusinessKey(caseId).count() > 0) {
            return SPOOR_2_RUNNING;
        }
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT)
                .processInstanceBusinessKey(caseId).count() > 0 ? "afgerond" : SPOOR_2_NOT_STARTED;
    }

    /**
     * The spoor 2 trajectory started last, from the running case instance's own variables (the history keeps no copy
     * of what people chose; PersonalValuesOutOfHistory); null when spoor 2 was never started or the case ended.
     */
    private Spoor2View spoor2(CaseFile file) {
        Map<String, Object> values = new HashMap<>();
        runtimeService.createVariableInstanceQuery().processInstanceIdIn(file.processInstanceId())
                .variableNameIn(ProcessVariables.SPOOR_2_AANLEIDING, ProcessVariables.SPOOR_2_UITVOERDER,
                        ProcessVariables.SPOOR_2_INGEZET_OP).disableCustomObjectDeserialization().list().stream()
                // the case's own scope: a subprocess or task may hold a local variable of the same name
                .filter(variable -> file.processInstanceId().equals(variable.getExecutionId()))
                .filter(variable -> variable.getValue() != null)
                .forEach(variable -> values.put(variable.getName(), variable.getValue()));
        Object occasion = values.get(ProcessVariables.SPOOR_2_AANLEIDING);
        if (occasion == null) {
            return null;
        }
        Object executor = values.get(ProcessVariables.SPOOR_2_UITVOERDER);
        Object since = values.get(ProcessVariables.SPOOR_2_INGEZET_OP);
        return new Spoor2View(occasion.toString(), executor == null ? null : executor.toString(),
                since == null ? null : LocalDate.parse(since.toString().substring(0, 10)));
    }

    private Integer jobApplications(CaseFile file) {
        HistoricVariableInstance count = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(file.processInstanceId()).variableName(ProcessVariables.AANTAL_SOLLICITATIES)
                .singleResult();
        return count == null ? 0 : ((Number) count.getValue()).intValue();
    }
}
