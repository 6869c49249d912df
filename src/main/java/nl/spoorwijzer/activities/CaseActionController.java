package nl.spoorwijzer.activities;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the parties record on a case whenever it happens (no task waits for it): loonwaarde and proefplaatsingen,
 * job applications. A case one may not see is answered as not found; each answers the dossier entry it recorded.
 */
@RestController
class CaseActionController {

    private final Placements placements;
    private final JobApplications jobApplications;
    private final CaseAccess access;
    private final ConflictRetry retry;

    CaseActionController(Placements placements, JobApplications jobApplications, CaseAccess access,
                         ConflictRetry retry) {
        this.placements = placements;
        this.jobApplications = jobApplications;
        this.access = access;
        this.retry = retry;
    }

    @PostMapping("/api/cases/{caseId}/placements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record, as werkgever, the loonwaarde of the work the employee does or a proefplaatsing:"
            + " kind LOONWAARDE (wageValuePercentage) or PROEFPLAATSING (placedWith, startDate, endDate,"
            + " hoursPerWeek), with an explanation; checked by the rules of form loonwaarde-proefplaatsing-vastleggen"
            + " (its field keys are accepted too). 409 when the case is not running")
    DossierEntry placement(@PathVariable String caseId, @RequestBody(required = false) Map<String, Object> body) {
        return retry.inTransaction(() -> placements.record(access.requireVisible(caseId), body));
    }

    @PostMapping("/api/cases/{caseId}/job-applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a job application in spoor 2 (the employee himself, or the re-integratiebureau of"
            + " his trajectory): date, employer, function, channel, result, checked by the rules of form"
            + " sollicitatie-registreren; it counts towards the bureau's next progress report. 409 when the case is"
            + " not running or no spoor 2 trajectory runs")
    DossierEntry jobApplication(@PathVariable String caseId,
                                @RequestBody(required = false) Map<String, Object> body) {
        return retry.inTransaction(() -> jobApplications.record(access.requireVisible(caseId), body));
    }
}
