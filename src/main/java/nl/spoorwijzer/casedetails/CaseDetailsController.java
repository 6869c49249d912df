package nl.spoorwijzer.casedetails;

import io.swagger.v3.oas.annotations.Operation;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrative data of a case for its re-integratieverslag (Regeling procesgang art. 6 lid 1 a–d, art. 3). */
@RestController
@RequestMapping("/api/cases/{caseId}/details")
class CaseDetailsController {

    private final CaseDetailsRecords records;
    private final CaseAccess access;
    private final ConflictRetry retry;

    CaseDetailsController(CaseDetailsRecords records, CaseAccess access, ConflictRetry retry) {
        this.records = records;
        this.access = access;
        this.retry = retry;
    }

    @GetMapping
    @Operation(summary = "The case's data for the re-integratieverslag (art. 6 lid 1 a-d: employee, employer,"
            + " arbodienst, nature of the business, function, skills; art. 3: hours worked), what is still missing and"
            + " the label of each field; for everyone who may read the case (not management)")
    CaseDetailsView details(@PathVariable String caseId) {
        return records.view(access.requireContents(caseId));
    }

    @PutMapping
    @Operation(summary = "Record the case's data for the re-integratieverslag (the whole document; werkgever of the"
            + " case's employer or admin). Every broken rule is named (400); the change is a dossier entry; the"
            + " employer's address, numbers, business and arbodienst prefill its next case. No medical details")
    CaseDetailsView change(@PathVariable String caseId, @RequestBody CaseDetails details) {
        retry.run(() -> records.change(access.requireVisible(caseId), details));
        return records.view(access.requireContents(caseId));
    }
}
