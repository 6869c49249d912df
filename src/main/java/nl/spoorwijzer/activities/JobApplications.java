package nl.spoorwijzer.activities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.forms.ActionForms;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseAction;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.TaskRoles;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Job applications in spoor 2, by the rules of form {@code sollicitatie-registreren}: recorded by the employee
 * himself, or for him by the re-integratiebureau that runs his spoor 2 trajectory (it helps him apply and reports on
 * it); not by the werkgever, who follows them in the bureau's progress reports and the case's count. Each is a
 * dossier entry, and the trajectory counts it for its next progress report (message
 * {@value ProcessKeys.Messages#SOLLICITATIE_GEREGISTREERD} to its event subprocess "Sollicitaties bijhouden").
 */
@Component
class JobApplications {

    static final ApiFields FIELDS = new ApiFields(Map.of(
            "date", "sollicitatieDatum",
            "employer", "sollicitatieWerkgever",
            "function", "sollicitatieFunctie",
            "channel", "sollicitatieKanaal",
            "result", "sollicitatieResultaat"), List.of());

    private final CaseAccess access;
    private final ActionForms forms;
    private final ActionRecords records;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    JobApplications(CaseAccess access, ActionForms forms, ActionRecords records, RuntimeService runtimeService,
                    HistoryService historyService) {
        this.access = access;
        this.forms = forms;
        this.records = records;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    DossierEntry record(CaseFile file, Map<String, Object> body) {
        String role = roleOfCaller(file);
        ActionRecords.requireOpen(file, "job applications are recorded on a running case");
        ProcessInstance trajectory = access.withoutCaller(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT).processInstanceBusinessKey(file.caseId())
                .singleResult());
        if (trajectory == null) {
            throw RuleViolationException.conflict("caseId", "no spoor 2 trajectory runs in this case; job"
                    + " applications are recorded while it runs");
        }
        if (role.equals(Role.RE_INTEGRATIEBUREAU.groupId()) && !runsTheTrajectory(trajectory)) {
            throw RuleViolationException.notAllowed("caseId", "only the re-integratiebureau of this case's spoor 2"
                    + " trajectory records job applications for the employee");
        }
        Map<String, Object> values;
        try {
            values = forms.validate(CaseAction.JOB_APPLICATION, FIELDS.toForm(body));
        } catch (RuleViolationException refused) {
            throw FIELDS.inApiTerms(refused);
        }
        count(trajectory, values);
        return records.record(file, trajectory.getId(), CaseAction.JOB_APPLICATION, role, values);
    }

    /** The employee himself, a re-integratiebureau (checked against the trajectory later) or the administrator. */
    private String roleOfCaller(CaseFile file) {
        if (access.callerIsAdmin()) {
            return ActionRecords.ADMIN_ROLE;
        }
        if (file.employeeId() != null && file.employeeId().equals(access.callerId())) {
            return TaskRoles.EMPLOYEE_ROLE;
        }
        if (access.callerActsAs(Role.RE_INTEGRATIEBUREAU)) {
            return Role.RE_INTEGRATIEBUREAU.groupId();
        }
        throw RuleViolationException.notAllowed("caseId", "job applications are recorded by the employee himself or"
                + " the re-integratiebureau of his spoor 2 trajectory");
    }

    /** The engine decides: the trajectory's bureau is its party and reads it; another bureau does not. */
    private boolean runsTheTrajectory(ProcessInstance trajectory) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(trajectory.getId()).count() > 0;
    }

    private void count(ProcessInstance trajectory, Map<String, Object> values) {
        access.runWithoutCaller(() -> {
            if (runtimeService.createEventSubscriptionQuery().processInstanceId(trajectory.getId())
                    .eventName(ProcessKeys.Messages.SOLLICITATIE_GEREGISTREERD).count() == 0) {
                throw RuleViolationException.conflict("caseId", "this case's spoor 2 trajectory runs on a model"
                        + " version that does not count job applications; the process owner migrates it");
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            values.forEach((key, value) -> {
                if (value != null) {
                    variables.put(key, value);
                }
            });
            runtimeService.createMessageCorrelation(ProcessKeys.Messages.SOLLICITATIE_GEREGISTREERD)
                    .processInstanceId(trajectory.getId()).setVariables(variables).correlateWithResult();
        });
    }
}
