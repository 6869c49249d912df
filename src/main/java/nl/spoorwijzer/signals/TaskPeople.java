package nl.spoorwijzer.signals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spoorwijzer.identity.Organisations;
import nl.spoorwijzer.identity.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who a task's signal goes to: exactly those who find the task in Tasklist. Its assignee when it has one; otherwise
 * the users of its candidate groups in the case's organisation — the members of the arbodienst, practice or bureau
 * the case was routed to ({@code process/CasePartyRouting}), or for a role's own group the werkgever's case managers
 * of the case's employer, or the users of that role who are members of the employer's tenant (directly or through an
 * organisation of that role serving it). So a bureau gets
 * mail only of the cases it is a party of, and management and process owners (never a task's candidates) get none.
 */
@Component
class TaskPeople {

    private final IdentityService identity;
    private final Organisations organisations;

    TaskPeople(@Lazy IdentityService identity, @Lazy Organisations organisations) {
        this.identity = identity;
        this.organisations = organisations;
    }

    List<User> of(String assignee, List<? extends IdentityLink> links, String employer) {
        Map<String, User> people = new LinkedHashMap<>();
        if (assignee != null) {
            user(assignee).ifPresent(user -> people.put(user.getId(), user));
            return List.copyOf(people.values());
        }
        for (IdentityLink link : links) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                user(link.getUserId()).ifPresent(user -> people.put(user.getId(), user));
            } else if (link.getGroupId() != null) {
                ofGroup(link.getGroupId(), employer).forEach(user -> people.putIfAbsent(user.getId(), user));
            }
        }
        return List.copyOf(people.values());
    }

    /** The employer's case managers: the werkgever users of its tenant. */
    List<User> caseManagers(String employer) {
        if (employer == null) {
            return List.of();
        }
        return identity.createUserQuery().memberOfGroup(Role.WERKGEVER.groupId()).memberOfTenant(employer)
                .orderByUserId().asc().list();
    }

    Optional<User> user(String userId) {
        return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult());
    }

    private List<User> ofGroup(String group, String employer) {
        Optional<Role> role = Role.ofGroup(group);
        if (role.isPresent()) {
            if (role.get() == Role.WERKGEVER) {
                return caseManagers(employer);
            }
            if (role.get().organisationType() == null) {
                return List.of();
            }
            return ofRoleGroup(role.get(), employer);
        }
        if (organisations.kindOf(group).isEmpty()) {
            return List.of();
        }
        return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list();
    }

    /**
     * A role's own group stands in for an employer without a contracted organisation of that role. Tasklist shows
     * such a task to the users of that role whose tenants include the employer: directly (a bedrijfsarts employed by
     * the employer) or through an organisation of that role serving the employer. Exactly those are told.
     */
    private List<User> ofRoleGroup(Role role, String employer) {
        if (employer == null) {
            return List.of();
        }
        Map<String, User> members = new LinkedHashMap<>();
        identity.createUserQuery().memberOfGroup(role.groupId()).memberOfTenant(employer).orderByUserId().asc()
                .list().forEach(user -> members.put(user.getId(), user));
        for (Group organisation : organisations.serving(role, employer)) {
            for (User user : identity.createUserQuery().memberOfGroup(organisation.getId()).orderByUserId().asc()
                    .list()) {
                if (!members.containsKey(user.getId()) && identity.createGroupQuery().groupMember(user.getId())
                        .groupId(role.groupId()).count() > 0) {
                    members.put(user.getId(), user);
                }
            }
        }
        return List.copyOf(members.values());
    }
}
