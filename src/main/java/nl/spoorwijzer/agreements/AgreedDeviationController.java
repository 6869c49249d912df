package nl.spoorwijzer.agreements;

import io.swagger.v3.oas.annotations.Operation;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.cases.CaseView;
import nl.spoorwijzer.cases.CaseViews;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Agreed deviations on a case the caller may see (a case one may not see is answered as not found). */
@RestController
class AgreedDeviationController {

    private final AgreedDeviations deviations;
    private final CaseAccess access;
    private final CaseViews views;
    private final ConflictRetry retry;

    AgreedDeviationController(AgreedDeviations deviations, CaseAccess access, CaseViews views, ConflictRetry retry) {
        this.deviations = deviations;
        this.access = access;
        this.views = views;
        this.retry = retry;
    }

    @PostMapping("/api/cases/{caseId}/agreed-deviations")
    @Operation(summary = "Propose, as werkgever, another deadline for the probleemanalyse or the plan van aanpak agreed"
            + " with the werknemer (Regeling procesgang art. 5); 202: the werknemer confirms it in his own task before"
            + " the current deadline, and only then do the deadline, its task and its miss watch move")
    ResponseEntity<CaseView> agreedDeviation(@PathVariable String caseId,
                                             @RequestBody AgreedDeviationRequest request) {
        retry.run(() -> deviations.propose(access.requireVisible(caseId), request));
        return ResponseEntity.accepted().body(views.details(caseId));
    }
}
