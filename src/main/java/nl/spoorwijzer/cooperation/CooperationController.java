package nl.spoorwijzer.cooperation;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.cases.CooperationMeasureView;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Measures for non-cooperation on a case: recorded and ended by the case's werkgever; read by whoever may read the
 * case's dossier (they are in it). A case one may not see is answered as not found; management, which sees a case's
 * status only, is refused.
 */
@RestController
class CooperationController {

    private final CooperationMeasures measures;
    private final CaseAccess access;
    private final ConflictRetry retry;

    CooperationController(CooperationMeasures measures, CaseAccess access, ConflictRetry retry) {
        this.measures = measures;
        this.access = access;
        this.retry = retry;
    }

    @PostMapping("/api/cases/{caseId}/cooperation-measures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record, as werkgever, a measure because the werknemer does not cooperate (BW 7:629 lid 3"
            + " and 6): kind WAARSCHUWING, OPSCHORTING_LOON or STOPZETTING_LOON, its ground (no medical details),"
            + " start and optional review day. A dossier decision and a review task for the werkgever on that day;"
            + " 409 when a measure of the same kind is in force or the case is not running")
    CooperationMeasureView take(@PathVariable String caseId,
                                @RequestBody(required = false) CooperationMeasureRequest request) {
        return retry.inTransaction(() -> measures.take(access.requireVisible(caseId),
                request == null ? new CooperationMeasureRequest(null, null, null, null) : request));
    }

    @GetMapping("/api/cases/{caseId}/cooperation-measures")
    @Operation(summary = "The case's measures for non-cooperation, oldest first: in force (with their review day) or"
            + " ended (with the day the werknemer cooperates again)")
    List<CooperationMeasureView> list(@PathVariable String caseId) {
        return measures.of(access.requireContents(caseId));
    }

    @PostMapping("/api/cases/{caseId}/cooperation-measures/{measureId}/end")
    @Operation(summary = "End, as werkgever, a measure: the werknemer cooperates again from the given date (a dossier"
            + " entry); its review task disappears")
    CooperationMeasureView end(@PathVariable String caseId, @PathVariable String measureId,
                               @RequestBody(required = false) CooperationEndRequest request) {
        return retry.inTransaction(() -> measures.end(access.requireVisible(caseId), measureId,
                request == null ? new CooperationEndRequest(null, null) : request));
    }
}
