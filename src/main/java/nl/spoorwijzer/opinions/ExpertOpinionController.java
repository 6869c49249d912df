package nl.spoorwijzer.opinions;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deskundigenoordeel requests of a case: recorded by its werkgever or its werknemer at any time, read by the case's
 * parties (who read its dossier). A case one may not see is answered as not found. UWV's opinion arrives as a UWV
 * decision (POST /api/cases/{caseId}/uwv-decisions, type DESKUNDIGENOORDEEL).
 */
@RestController
class ExpertOpinionController {

    private final ExpertOpinionRequests requests;
    private final CaseAccess access;
    private final ConflictRetry retry;

    ExpertOpinionController(ExpertOpinionRequests requests, CaseAccess access, ConflictRetry retry) {
        this.requests = requests;
        this.access = access;
        this.retry = retry;
    }

    @PostMapping("/api/cases/{caseId}/expert-opinion-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record, as the case's werkgever or werknemer, that you asked UWV for a deskundigenoordeel"
            + " (question GESCHIKTHEID_EIGEN_WERK, PASSENDE_ARBEID or RE_INTEGRATIE_INSPANNINGEN; filedOn; optional"
            + " explanation). 403 for anyone else; 409 for a request on the efforts after its last day, or a closed"
            + " case")
    ExpertOpinionRequestView request(@PathVariable String caseId,
                                     @RequestBody(required = false) ExpertOpinionRequestBody body) {
        return retry.inTransaction(() -> ExpertOpinionRequestView.of(
                requests.record(access.requireVisible(caseId), body), null));
    }

    @GetMapping("/api/cases/{caseId}/expert-opinion-requests")
    @Operation(summary = "The case's deskundigenoordeel requests, oldest first: OPEN, or BEANTWOORD with UWV's"
            + " verdict and what follows from it (consequence)")
    List<ExpertOpinionRequestView> list(@PathVariable String caseId) {
        return requests.list(access.requireContents(caseId));
    }
}
