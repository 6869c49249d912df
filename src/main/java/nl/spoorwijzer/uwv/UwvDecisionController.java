package nl.spoorwijzer.uwv;

import io.swagger.v3.oas.annotations.Operation;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.cases.CaseView;
import nl.spoorwijzer.cases.CaseViews;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** UWV's decisions on a case the caller may see (a case one may not see is answered as not found). */
@RestController
class UwvDecisionController {

    private final UwvDecisions decisions;
    private final CaseAccess access;
    private final CaseViews views;
    private final ConflictRetry retry;

    UwvDecisionController(UwvDecisions decisions, CaseAccess access, CaseViews views, ConflictRetry retry) {
        this.decisions = decisions;
        this.access = access;
        this.views = views;
        this.retry = retry;
    }

    @PostMapping("/api/cases/{caseId}/uwv-decisions")
    @Operation(summary = "Record a UWV decision: LOONSANCTIE or VVL move the end of the waiting period (and every"
            + " pending timer and due date), BEKORTING ends a sanction 6 weeks after it was granted,"
            + " DESKUNDIGENOORDEEL (question, verdict, optional requestId) goes to the step waiting for it or into the"
            + " dossier, closes the request it answers and says in consequence what follows from it")
    CaseView uwvDecision(@PathVariable String caseId, @RequestBody UwvDecisionRequest request) {
        String consequence = retry.inTransaction(() -> decisions.record(access.requireVisible(caseId), request));
        return views.details(caseId).withConsequence(consequence);
    }
}
