package nl.spoorwijzer.employment;

import io.swagger.v3.oas.annotations.Operation;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.cases.CaseView;
import nl.spoorwijzer.cases.CaseViews;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The vaststellingsovereenkomst of a case the caller may see (otherwise answered as not found). */
@RestController
class SettlementController {

    private final SettlementAgreements settlements;
    private final CaseAccess access;
    private final CaseViews views;
    private final ConflictRetry retry;

    SettlementController(SettlementAgreements settlements, CaseAccess access, CaseViews views, ConflictRetry retry) {
        this.settlements = settlements;
        this.access = access;
        this.views = views;
        this.retry = retry;
    }

    @PostMapping("/api/cases/{caseId}/settlement")
    @Operation(summary = "Record, as werkgever, a vaststellingsovereenkomst signed by both parties: a dossier decision;"
            + " the employment ends on the agreed day (the ziek-uit-dienstmelding's task and the handover to UWV"
            + " follow as for a contract end) and the case closes with the reason vaststellingsovereenkomst. 409 while"
            + " a loonsanctie runs, after an early IVA, or when the contract already ends earlier")
    CaseView settlement(@PathVariable String caseId, @RequestBody(required = false) SettlementRequest request) {
        retry.run(() -> settlements.record(access.requireVisible(caseId),
                request == null ? new SettlementRequest(null, null, null) : request));
        return views.details(caseId);
    }
}
