package nl.spoorwijzer.recovery;

import io.swagger.v3.oas.annotations.Operation;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.cases.CaseView;
import nl.spoorwijzer.cases.CaseViews;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recovery reports on a case the caller may see (a case one may not see is answered as not found). */
@RestController
class RecoveryController {

    private final CaseRecovery recovery;
    private final CaseAccess access;
    private final CaseViews views;
    private final ConflictRetry retry;

    RecoveryController(CaseRecovery recovery, CaseAccess access, CaseViews views, ConflictRetry retry) {
        this.recovery = recovery;
        this.access = access;
        this.views = views;
        this.retry = retry;
    }

    @PostMapping("/api/cases/{caseId}/recovery")
    @Operation(summary = "Report full recovery (the work pauses; closed as hersteld after 28 days without relapse,"
            + " but a sick report with a first sick day less than 28 days after the recovery date still reopens it"
            + " within spoorwijzer.recovery.late-relapse-report-days) or partial recovery with a percentage (the"
            + " clock keeps running)")
    CaseView recovery(@PathVariable String caseId, @RequestBody RecoveryRequest request) {
        retry.run(() -> recovery.recover(access.requireVisible(caseId), request));
        return views.details(caseId);
    }
}
