package nl.spoorwijzer.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The outside organisations that serve employers: arbodiensten (bedrijfsartsen), arbeidsdeskundigenpraktijken and
 * re-integratiebedrijven. Each is a Camunda group whose type says what it is ({@link Role#organisationType()}), its
 * professionals are its members, and the employers it has a contract with are the tenants it is a member of — all
 * kept in Camunda Admin. Lookups read the directory as it is; callers run them as the platform.
 */
@Component
public class Organisations {

    private final IdentityService identityService;

    public Organisations(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The organisations of this kind that serve the employer, by id. */
    public List<Group> serving(Role role, String employerId) {
        if (role.organisationType() == null || employerId == null) {
            return List.of();
        }
        return identityService.createGroupQuery().groupType(role.organisationType()).memberOfTenant(employerId)
                .orderByGroupId().asc().list();
    }

    /**
     * The organisation that takes a role's tasks in the employer's cases when the case does not choose one: the
     * employer's arbodienst for the bedrijfsarts. With several, the first by id (keep one per employer).
     */
    public Optional<String> contracted(Role role, String employerId) {
        return serving(role, employerId).stream().map(Group::getId).findFirst();
    }

    /** Does this organisation, of the role's kind, serve the employer? */
    public boolean serves(String groupId, Role role, String employerId) {
        return groupId != null && serving(role, employerId).stream().anyMatch(group -> group.getId().equals(groupId));
    }

    /** The role's group id for an organisation's group (the role it acts in); any other group as it is. */
    public String roleOf(String groupId) {
        return kindOf(groupId).map(Role::groupId).orElse(groupId);
    }

    /**
     * The role a group acts in as a case's party served from outside: an organisation's type, or a role's own group
     * standing in for an employer without such an organisation. Empty for any other group (werkgever, management).
     */
    public Optional<Role> kindOf(String groupId) {
        Optional<Role> role = Role.ofGroup(groupId);
        if (role.isPresent()) {
            return role.filter(r -> r.organisationType() != null); // a role's own group: no directory lookup
        }
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        if (group == null || group.getType() == null) {
            return Optional.empty();
        }
        return Arrays.stream(Role.values()).filter(r -> group.getType().equals(r.organisationType())).findFirst();
    }

}
