package nl.spoorwijzer.activities;

import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.forms.ActionForms;
import nl.spoorwijzer.process.CaseAction;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.TaskRoles;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The employee refuses an offer of work he considers not suitable (seed 004: he need not accept work that is not
 * suitable), by the rules of form {@code aanbod-weigeren}: his own answer, so only he records it. It is a dossier
 * entry, and the werkgever gets the task "Weigering passende arbeid beoordelen" (message
 * {@value ProcessKeys.Messages#AANBOD_GEWEIGERD}): accept it, or ask UWV for a deskundigenoordeel on suitable work.
 */
@Component
class OfferRefusals {

    static final ApiFields FIELDS = new ApiFields(Map.of(
            "offer", "geweigerdAanbod",
            "date", "weigeringDatum",
            "reason", "weigeringMotivering"), List.of());

    private final CaseAccess access;
    private final ActionForms forms;
    private final ActionRecords records;
    private final RunningTrajectory trajectories;
    private final ActionDates dates;

    OfferRefusals(CaseAccess access, ActionForms forms, ActionRecords records, RunningTrajectory trajectories,
                  ActionDates dates) {
        this.access = access;
        this.dates = dates;
        this.forms = forms;
        this.records = records;
        this.trajectories = trajectories;
    }

    DossierEntry record(CaseFile file, Map<String, Object> body) {
        String role = roleOfCaller(file);
        ActionRecords.requireOpen(file, "refusals of an offer are recorded on a running case");
        ProcessInstance trajectory = trajectories.require(file, "a refusal of an offer is recorded");
        Map<String, Object> values;
        try {
            values = forms.validate(CaseAction.OFFER_REFUSAL, FIELDS.toForm(body));
        } catch (RuleViolationException refused) {
            throw FIELDS.inApiTerms(refused);
        }
        dates.requireHappened(file, values.get("weigeringDatum"), "date");
        if (!trajectories.deliverToItsOwnScope(trajectory, ProcessKeys.Messages.AANBOD_GEWEIGERD, values)) {
            throw RuleViolationException.conflict("caseId", "this case's spoor 2 trajectory runs on a model version"
                    + " without the refusal of an offer; the process owner migrates it");
        }
        return records.record(file, trajectory.getId(), CaseAction.OFFER_REFUSAL, role, values);
    }

    /** The employee himself (or the admin for him); nobody else. */
    String roleOfCaller(CaseFile file) {
        if (access.callerIsAdmin()) {
            return ActionRecords.ADMIN_ROLE;
        }
        if (file.employeeId() != null && file.employeeId().equals(access.callerId())) {
            return TaskRoles.EMPLOYEE_ROLE;
        }
        throw RuleViolationException.notAllowed("caseId", "only the employee himself refuses an offer of work"
                + " as not suitable");
    }
}
