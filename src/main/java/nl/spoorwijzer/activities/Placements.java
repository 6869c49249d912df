package nl.spoorwijzer.activities;

import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.forms.ActionForms;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseAction;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * Loonwaarde and proefplaatsingen: the werkgever records them on the case whenever they happen, in spoor 1 and spoor
 * 2, by the rules of form {@code loonwaarde-proefplaatsing-vastleggen}. Each is a dossier entry.
 */
@Component
class Placements {

    static final ApiFields FIELDS = new ApiFields(Map.of(
            "kind", "registratieSoort",
            "wageValuePercentage", "loonwaardePercentage",
            "placedWith", "proefplaatsingWaar",
            "startDate", "proefplaatsingVan",
            "endDate", "proefplaatsingTot",
            "hoursPerWeek", "proefplaatsingUren",
            "explanation", "registratieToelichting"), List.of("kind"));

    private final CaseAccess access;
    private final ActionForms forms;
    private final ActionRecords records;

    Placements(CaseAccess access, ActionForms forms, ActionRecords records) {
        this.access = access;
        this.forms = forms;
        this.records = records;
    }

    DossierEntry record(CaseFile file, Map<String, Object> body) {
        if (!access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("caseId", "only the werkgever of employer '" + file.employerId()
                    + "' records loonwaarde and proefplaatsingen");
        }
        ActionRecords.requireOpen(file, "loonwaarde and proefplaatsingen are recorded on a running case");
        Map<String, Object> values;
        try {
            values = forms.validate(CaseAction.PLACEMENT, FIELDS.toForm(body));
        } catch (RuleViolationException refused) {
            throw FIELDS.inApiTerms(refused);
        }
        return records.record(file, file.processInstanceId(), CaseAction.PLACEMENT,
                access.callerIsAdmin() ? ActionRecords.ADMIN_ROLE : Role.WERKGEVER.groupId(), values);
    }
}
