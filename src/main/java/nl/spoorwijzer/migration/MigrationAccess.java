package nl.spoorwijzer.migration;

import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * Who may see model versions and move running cases to another version: the procesbeheerder and the administrator.
 * The procesbeheerder reads no case data: she sees counts per version, and in a migration plan only the case ids
 * she selects from (no names, no contents).
 */
@Component
class MigrationAccess {

    private final CaseAccess access;

    MigrationAccess(CaseAccess access) {
        this.access = access;
    }

    /** 403 for anyone but the procesbeheerder and the administrator; returns the caller's user id. */
    String requireProcessOwner() {
        if (!access.callerIsAdmin() && !access.callerActsAs(Role.PROCESBEHEERDER)) {
            throw RuleViolationException.notAllowed("caller", "is alleen voor de procesbeheerder: zij zet zaken over"
                    + " naar een andere modelversie");
        }
        return access.callerId();
    }
}
