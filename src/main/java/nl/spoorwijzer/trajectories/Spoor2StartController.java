package nl.spoorwijzer.trajectories;

import io.swagger.v3.oas.annotations.Operation;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.cases.CaseView;
import nl.spoorwijzer.cases.CaseViews;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Spoor 2 started whenever it is due, on a case the caller may see (one he may not see is answered as not found). */
@RestController
class Spoor2StartController {

    private final Spoor2Requests requests;
    private final CaseAccess access;
    private final CaseViews views;
    private final ConflictRetry retry;

    Spoor2StartController(Spoor2Requests requests, CaseAccess access, CaseViews views, ConflictRetry retry) {
        this.requests = requests;
        this.access = access;
        this.views = views;
        this.retry = retry;
    }

    @PostMapping("/api/cases/{caseId}/spoor2")
    @Operation(summary = "Start spoor 2 now: VROEG on the bedrijfsarts's or arbeidsdeskundige's conclusion (also"
            + " situational incapacity; by the werkgever, or by that bedrijfsarts or arbeidsdeskundige himself) or"
            + " HERSTART after a failed placement or a loonsanctie (werkgever; a running trajectory is ended first)."
            + " Run by a bureau or by the werkgever himself. 201: the start is a dossier decision and the trajectory"
            + " runs (or the werkgever chooses who runs it); 409 when a trajectory runs, the case is not running, or"
            + " the eerstejaarsevaluatie already decided")
    ResponseEntity<CaseView> start(@PathVariable String caseId, @RequestBody(required = false) Spoor2Request request) {
        retry.run(() -> requests.request(access.requireVisible(caseId),
                request == null ? new Spoor2Request(null, null, null, null, null, null, null) : request));
        return ResponseEntity.status(HttpStatus.CREATED).body(views.details(caseId));
    }
}
