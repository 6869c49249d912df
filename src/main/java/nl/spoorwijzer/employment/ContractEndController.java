package nl.spoorwijzer.employment;

import io.swagger.v3.oas.annotations.Operation;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.cases.CaseView;
import nl.spoorwijzer.cases.CaseViews;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The end date of the employee's contract on a case the caller may see (otherwise answered as not found). */
@RestController
class ContractEndController {

    private final ContractEndChange change;
    private final CaseAccess access;
    private final CaseViews views;
    private final ConflictRetry retry;

    ContractEndController(ContractEndChange change, CaseAccess access, CaseViews views, ConflictRetry retry) {
        this.change = change;
        this.access = access;
        this.views = views;
        this.retry = retry;
    }

    @PutMapping("/api/cases/{caseId}/contract-end")
    @Operation(summary = "Change the contract's last day (werkgever, with a reason): a recorded decision that moves"
            + " the timer of the contract end and the ziek-uit-dienstmelding task; an empty date means the contract"
            + " no longer ends. After the last day the case closes as ziekUitDienst")
    CaseView contractEnd(@PathVariable String caseId, @RequestBody ContractEndRequest request) {
        retry.run(() -> change.change(access.requireVisible(caseId), request));
        return views.details(caseId);
    }
}
