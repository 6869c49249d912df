package nl.spoorwijzer.activities;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spoor 2 as it happens: a found job reported at once, the employee's refusal of an offer, and the executor's
 * sessions, trainings and agency registrations. A case one may not see is answered as not found; each change answers
 * the dossier entry it recorded; 409 when the case or its trajectory is not in a state to take it.
 */
@RestController
class Spoor2ActionController {

    private final PlacementReports placementReports;
    private final OfferRefusals offerRefusals;
    private final Spoor2Activities activities;
    private final CaseAccess access;
    private final ConflictRetry retry;

    Spoor2ActionController(PlacementReports placementReports, OfferRefusals offerRefusals, Spoor2Activities activities,
                     CaseAccess access, ConflictRetry retry) {
        this.placementReports = placementReports;
        this.offerRefusals = offerRefusals;
        this.activities = activities;
        this.access = access;
        this.retry = retry;
    }

    @PostMapping("/api/cases/{caseId}/spoor2/placement-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a found job or placement in spoor 2 when it happens (the employee, the"
            + " re-integratiebureau of his trajectory, or the werkgever running spoor 2 himself): employer, function,"
            + " kind ARBEIDSOVEREENKOMST | DETACHERING, startDate, hoursPerWeek, checked by form plaatsing-melden. The"
            + " bedrijfsarts's suitability check starts at once, due in 5 working days (spoorwijzer.spoor2). 409 when"
            + " no trajectory runs or it cannot take a placement now (say an open progress report)")
    DossierEntry placementReport(@PathVariable String caseId,
                                 @RequestBody(required = false) Map<String, Object> body) {
        return retry.inTransaction(() -> placementReports.report(access.requireVisible(caseId), body));
    }

    @PostMapping("/api/cases/{caseId}/spoor2/offer-refusals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record, as the employee, the refusal of an offer of work he considers not suitable:"
            + " offer, date, reason (form aanbod-weigeren). The werkgever gets the task 'Weigering passende"
            + " arbeid beoordelen' (accept, or ask a deskundigenoordeel on suitable work). 409 when no spoor 2"
            + " trajectory runs")
    DossierEntry offerRefusal(@PathVariable String caseId, @RequestBody(required = false) Map<String, Object> body) {
        return retry.inTransaction(() -> offerRefusals.record(access.requireVisible(caseId), body));
    }

    @PostMapping("/api/cases/{caseId}/spoor2/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a spoor 2 activity (the trajectory's re-integratiebureau, or the werkgever running"
            + " spoor 2 himself): kind GESPREK | TRAINING | INSCHRIJVING_UITZENDBUREAU, date, description (no"
            + " medical details; form spoor-2-activiteit-vastleggen). 409 when no trajectory runs, or for the werkgever"
            + " when a bureau runs it")
    DossierEntry activity(@PathVariable String caseId, @RequestBody(required = false) Map<String, Object> body) {
        return retry.inTransaction(() -> activities.record(access.requireVisible(caseId), body));
    }

    @GetMapping("/api/cases/{caseId}/spoor2/activities")
    @Operation(summary = "The case's spoor 2 activities (sessions, trainings, agency registrations) in recorded"
            + " order, for those who read the case's dossier")
    List<Spoor2Activities.Activity> activities(@PathVariable String caseId) {
        return activities.list(access.requireContents(caseId, "spoor 2-activiteiten"));
    }
}
