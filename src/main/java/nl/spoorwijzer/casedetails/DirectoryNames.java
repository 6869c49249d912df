package nl.spoorwijzer.casedetails;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.identity.DisplayNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People and organisations by name as the directory (Camunda's identity service) knows them: a user's first and
 * last name, an employer's tenant name, an organisation's group name. Asked as the platform (the caller already may
 * see the case that names them); an id the directory does not know is shown as it is.
 */
@Component
public class DirectoryNames {

    private final IdentityService identityService;
    private final CaseAccess access;

    public DirectoryNames(IdentityService identityService, CaseAccess access) {
        this.identityService = identityService;
        this.access = access;
    }

    /** "Kees van Dijk" for user {@code kees}. */
    public String person(String userId) {
        if (userId == null) {
            return null;
        }
        User user = access.asDirectory(() -> identityService.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : DisplayNames.of(user);
    }

    /** The employer's name (its tenant's). */
    public String employer(String tenantId) {
        if (tenantId == null) {
            return null;
        }
        Tenant tenant = access.asDirectory(() -> identityService.createTenantQuery().tenantId(tenantId).singleResult());
        return tenant == null ? tenantId : DisplayNames.of(tenant);
    }

    /** An organisation's or role's name (its group's), or null when there is no such group. */
    public String group(String groupId) {
        if (groupId == null) {
            return null;
        }
        Group group = access.asDirectory(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
        return group == null || group.getName() == null || group.getName().isBlank() ? null : group.getName();
    }

    /** A memo for one rendering: each name is asked once. */
    public Memo memo() {
        return new Memo();
    }

    public final class Memo {
        private final Map<String, String> people = new ConcurrentHashMap<>();

        private Memo() {
        }

        public String person(String userId) {
            return userId == null ? null : people.computeIfAbsent(userId, DirectoryNames.this::person);
        }
    }
}
