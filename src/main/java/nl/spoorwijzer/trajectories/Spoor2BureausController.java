package nl.spoorwijzer.trajectories;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.identity.Organisations;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The re-integratiebureaus a start of spoor 2 may name ({@link Spoor2Request#bureau()}): those serving the case's
 * employer, for whoever chooses one — the werkgever of the case, or the administrator. The directory's names only, no
 * case data.
 */
@RestController
class Spoor2BureausController {

    private final CaseAccess access;
    private final Organisations organisations;

    Spoor2BureausController(CaseAccess access, Organisations organisations) {
        this.access = access;
        this.organisations = organisations;
    }

    @GetMapping("/api/cases/{caseId}/spoor2/bureaus")
    @Operation(summary = "The re-integratiebureaus that may run spoor 2 in this case (serving its employer), as a start"
            + " of spoor 2 names them (bureau); for the werkgever of the case. When none serves the employer: the"
            + " general group re-integratiebureau")
    List<Bureau> bureaus(@PathVariable String caseId) {
        CaseFile file = access.requireVisible(caseId);
        if (!access.callerIsAdmin() && !access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("caseId", "only the werkgever of the case chooses who runs"
                    + " spoor 2");
        }
        List<Bureau> serving = access.asDirectory(() -> organisations.serving(Role.RE_INTEGRATIEBUREAU,
                file.employerId())).stream()
                .map(group -> new Bureau(group.getId(), group.getName() == null ? group.getId() : group.getName()))
                .toList();
        return serving.isEmpty() ? List.of(new Bureau(Role.RE_INTEGRATIEBUREAU.groupId(),
                "Elk re-integratiebureau van de werkgever")) : serving;
    }

    /** A re-integratiebureau: its group id (what a start names) and its name. */
    record Bureau(String id, String name) {
    }
}
