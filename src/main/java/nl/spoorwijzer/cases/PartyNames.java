package nl.spoorwijzer.cases;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.identity.DisplayNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The names people read on the case screen: the employee's first and last name (his Camunda user) and the employer's
 * name (its tenant), for cases the caller already may see. One query each for a whole list.
 */
@Component
class PartyNames {

    private final IdentityService identityService;
    private final CaseAccess access;

    PartyNames(IdentityService identityService, CaseAccess access) {
        this.identityService = identityService;
        this.access = access;
    }

    Map<String, String> employees(Collection<String> userIds) {
        String[] ids = new HashSet<>(userIds).toArray(String[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return access.asDirectory(() -> identityService.createUserQuery().userIdIn(ids).list().stream()
                .collect(Collectors.toMap(User::getId, DisplayNames::of)));
    }

    Map<String, String> employers(Collection<String> tenantIds) {
        String[] ids = new HashSet<>(tenantIds).toArray(String[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return access.asDirectory(() -> identityService.createTenantQuery().tenantIdIn(ids).list().stream()
                .collect(Collectors.toMap(Tenant::getId, DisplayNames::of)));
    }
}
