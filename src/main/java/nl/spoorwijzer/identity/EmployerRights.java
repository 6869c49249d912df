package nl.spoorwijzer.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The one tenant rule: a user works for the employers (tenants) he is a member of; the administrator for all. Used
 * when a case is started (in the engine and through the case API) and when cases are read.
 */
public final class EmployerRights {

    private EmployerRights() {
    }

    public static boolean isAdmin(Authentication caller) {
        List<String> groups = caller.getGroupIds();
        return groups != null && groups.contains(Groups.CAMUNDA_ADMIN);
    }

    /** May {@code caller} report sickness for, and start cases of, this employer? */
    public static boolean worksFor(Authentication caller, String employerId) {
        List<String> tenants = caller.getTenantIds();
        return isAdmin(caller) || (tenants != null && tenants.contains(employerId));
    }
}
