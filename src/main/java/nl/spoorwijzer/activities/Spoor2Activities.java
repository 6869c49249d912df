package nl.spoorwijzer.activities;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.forms.ActionForms;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseAction;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What the executor of spoor 2 does with the employee, each with its date and content (no medical details): the
 * one- or two-weekly sessions, trainings and registrations with employment agencies (seeds 001 and 004), by the
 * rules of form {@code spoor-2-activiteit-vastleggen}. Recorded by the trajectory's re-integratiebureau, or the
 * werkgever when he runs spoor 2 himself; each is a dossier entry, listed for everyone who reads the case's dossier,
 * and counted for the next progress report (as job applications are).
 */
@Component
class Spoor2Activities {

    static final ApiFields FIELDS = new ApiFields(Map.of(
            "kind", "activiteitSoort",
            "date", "activiteitDatum",
            "description", "activiteitOmschrijving"), List.of("kind"));

    /** One activity as the API lists it. */
    record Activity(String kind, String date, String description, String recordedBy, String role,
                    OffsetDateTime recordedAt) {
    }

    private final CaseAccess access;
    private final ActionForms forms;
    private final ActionRecords records;
    private final RunningTrajectory trajectories;
    private final DossierRepository dossier;
    private final RuntimeService runtimeService;
    private final ActionDates dates;

    Spoor2Activities(CaseAccess access, ActionForms forms, ActionRecords records, RunningTrajectory trajectories,
                     DossierRepository dossier, RuntimeService runtimeService, ActionDates dates) {
        this.runtimeService = runtimeService;
        this.dates = dates;
        this.access = access;
        this.forms = forms;
        this.records = records;
        this.trajectories = trajectories;
        this.dossier = dossier;
    }

    DossierEntry record(CaseFile file, Map<String, Object> body) {
        String role = roleOfCaller(file);
        ActionRecords.requireOpen(file, "spoor 2 activities are recorded on a running case");
        ProcessInstance trajectory = trajectories.require(file, "its activities are recorded");
        Spoor2Executors.requireExecutor(role, trajectory, trajectories, "records its activities");
        Map<String, Object> values;
        try {
            values = forms.validate(CaseAction.SPOOR_2_ACTIVITY, FIELDS.toForm(body));
        } catch (RuleViolationException refused) {
            throw FIELDS.inApiTerms(refused);
        }
        dates.requireHappened(file, values.get("activiteitDatum"), "date");
        access.runWithoutCaller(() -> {
            Object counted = runtimeService.getVariable(trajectory.getId(),
                    ProcessVariables.ACTIVITEITEN_SINDS_VORIGE_RAPPORTAGE);
            runtimeService.setVariable(trajectory.getId(), ProcessVariables.ACTIVITEITEN_SINDS_VORIGE_RAPPORTAGE,
                    (counted instanceof Number number ? number.intValue() : 0) + 1);
        });
        return records.record(file, trajectory.getId(), CaseAction.SPOOR_2_ACTIVITY, role, values);
    }

    /** The case's activities in the order they were recorded, from every trajectory it had. */
    List<Activity> list(CaseFile file) {
        return dossier.findByCase(file.caseId()).stream()
                .filter(entry -> CaseAction.SPOOR_2_ACTIVITY.elementId().equals(entry.elementId()))
                .map(entry -> new Activity(upper(entry.content().get("activiteitSoort")),
                        text(entry.content().get("activiteitDatum")),
                        text(entry.content().get("activiteitOmschrijving")), entry.recordedBy(), entry.role(),
                        entry.recordedAt()))
                .toList();
    }

    /** A re-integratiebureau or werkgever (checked against the trajectory), the admin. */
    String roleOfCaller(CaseFile file) {
        if (access.callerIsAdmin()) {
            return ActionRecords.ADMIN_ROLE;
        }
        if (access.callerActsAs(Role.RE_INTEGRATIEBUREAU)) {
            return Role.RE_INTEGRATIEBUREAU.groupId();
        }
        if (access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            return Role.WERKGEVER.groupId();
        }
        throw RuleViolationException.notAllowed("caseId", "spoor 2 activities are recorded by the re-integratiebureau"
                + " of the trajectory, or the werkgever when he runs spoor 2 himself");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String upper(Object value) {
        return value == null ? null : value.toString().toUpperCase(Locale.ROOT);
    }
}
