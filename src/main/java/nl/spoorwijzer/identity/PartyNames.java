package nl.spoorwijzer.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The names people read in lists of cases: the employees' first and last names (their Camunda users) and the
 * employers' names (their tenants), ONE directory query per list whatever its length. Asked as the platform: the
 * caller must already have been allowed to see the cases that name them (the case screen, the werkgever's lists of
 * the overview — never management's figures).
 */
@Component
public class PartyNames {

    private final IdentityService identityService;

    public PartyNames(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** By user id; an id the directory does not know is left out. */
    public Map<String, String> employees(Collection<String> userIds) {
        String[] ids = userIds.stream().filter(Objects::nonNull).collect(Collectors.toSet()).toArray(String[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return asPlatform(() -> identityService.createUserQuery().userIdIn(ids).list().stream()
                .collect(Collectors.toMap(User::getId, DisplayNames::of)));
    }

    /** By tenant id; an id the directory does not know is left out. */
    public Map<String, String> employers(Collection<String> tenantIds) {
        String[] ids = new HashSet<>(tenantIds).stream().filter(Objects::nonNull).toArray(String[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return asPlatform(() -> identityService.createTenantQuery().tenantIdIn(ids).list().stream()
                .collect(Collectors.toMap(Tenant::getId, DisplayNames::of)));
    }

    /** The same answer for every caller; the caller's authentication is restored afterwards. */
    private <T> T asPlatform(Supplier<T> lookup) {
        Authentication saved = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return lookup.get();
        } finally {
            if (saved != null) {
                identityService.setAuthentication(saved);
            }
        }
    }
}
