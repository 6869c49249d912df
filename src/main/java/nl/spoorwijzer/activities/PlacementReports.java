package nl.spoorwijzer.activities;

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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A found job or placement in spoor 2, reported when it happens (seeds 001 and 004), by the rules of form
 * {@code plaatsing-melden}: by the employee himself, the re-integratiebureau of his trajectory, or the werkgever when
 * he runs spoor 2 himself. It is a dossier entry, and the trajectory's bedrijfsarts check (passendheidToetsen) starts
 * at once (message {@value ProcessKeys.Messages#PLAATSING_GEMELD}) instead of after the next progress report.
 */
@Component
class PlacementReports {

    static final ApiFields FIELDS = new ApiFields(Map.of(
            "employer", "plaatsingWerkgever",
            "function", "gevondenFunctie",
            "kind", "plaatsingsvorm",
            "startDate", "plaatsingStartdatum",
            "hoursPerWeek", "plaatsingUren"), List.of("kind"));

    private final CaseAccess access;
    private final ActionForms forms;
    private final ActionRecords records;
    private final RunningTrajectory trajectories;
    private final ActionDates dates;

    PlacementReports(CaseAccess access, ActionForms forms, ActionRecords records, RunningTrajectory trajectories,
                     ActionDates dates) {
        this.access = access;
        this.dates = dates;
        this.forms = forms;
        this.records = records;
        this.trajectories = trajectories;
    }

    DossierEntry report(CaseFile file, Map<String, Object> body) {
        String role = roleOfCaller(file);
        ActionRecords.requireOpen(file, "placements are recorded on a running case");
        ProcessInstance trajectory = trajectories.require(file, "a placement is reported");
        Spoor2Executors.requireExecutorOrEmployee(role, trajectory, trajectories, "reports placements");
        Map<String, Object> values;
        try {
            values = forms.validate(CaseAction.PLACEMENT_REPORT, FIELDS.toForm(body));
        } catch (RuleViolationException refused) {
            throw FIELDS.inApiTerms(refused);
        }
        dates.requireWithinWaitingPeriod(file, values.get("plaatsingStartdatum"), "startDate");
        if (!trajectories.deliver(trajectory, ProcessKeys.Messages.PLAATSING_GEMELD, values)) {
            throw RuleViolationException.conflict("caseId", whyNotNow(trajectory));
        }
        return records.record(file, trajectory.getId(), CaseAction.PLACEMENT_REPORT, role, values);
    }

    private String whyNotNow(ProcessInstance trajectory) {
        if (trajectories.hasOpenTask(trajectory, "voortgangsrapportageOpstellen")) {
            return "a progress report of the trajectory is open: report the found job in it (next step: suitable"
                    + " function found); its check then starts at once";
        }
        if (trajectories.hasOpenTask(trajectory, "passendheidToetsen")) {
            return "a placement of this trajectory is being checked by the bedrijfsarts now; report another one"
                    + " after that check";
        }
        return "the trajectory is not searching for work now (intake, plan, or a placement under way); a placement"
                + " is reported once the plan is agreed and no other placement runs";
    }

    /** The employee himself, a re-integratiebureau or werkgever (checked against the trajectory), the admin. */
    String roleOfCaller(CaseFile file) {
        if (access.callerIsAdmin()) {
            return ActionRecords.ADMIN_ROLE;
        }
        if (file.employeeId() != null && file.employeeId().equals(access.callerId())) {
            return TaskRoles.EMPLOYEE_ROLE;
        }
        if (access.callerActsAs(Role.RE_INTEGRATIEBUREAU)) {
            return Role.RE_INTEGRATIEBUREAU.groupId();
        }
        if (access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            return Role.WERKGEVER.groupId();
        }
        throw RuleViolationException.notAllowed("caseId", "placements are reported by the employee himself, the"
                + " re-integratiebureau of his spoor 2 trajectory, or the werkgever when he runs spoor 2 himself");
    }
}
