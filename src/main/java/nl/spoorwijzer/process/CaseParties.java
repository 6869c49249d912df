package nl.spoorwijzer.process;

import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who is a party of a case, kept where the engine checks it: a party may READ the case's process instances (runtime
 * and history) by a Camunda authorization per instance, for its organisation's group or, for the employee, for
 * himself. Every read of a case — {@code /api/cases*}, Tasklist, {@code /engine-rest} — is decided by these
 * authorizations (and the employer's tenant), never by a filter of our own. A party that leaves loses them: it keeps
 * its own completed tasks (Camunda's historic task authorizations) but sees nothing new.
 */
@Component
public class CaseParties {

    private final AuthorizationService authorizations;
    private final HistoryService history;

    CaseParties(@Lazy AuthorizationService authorizations, @Lazy HistoryService history) {
        this.authorizations = authorizations;
        this.history = history;
    }

    /** Makes the group a party of the case the execution belongs to (its root instance and its own instance). */
    void joinGroup(ExecutionEntity execution, String groupId) {
        join(execution, null, groupId);
    }

    /** Makes the user (the employee) a party of the case. */
    void joinUser(ExecutionEntity execution, String userId) {
        join(execution, userId, null);
    }

    private void join(ExecutionEntity execution, String userId, String groupId) {
        AsPlatform.inCommand(() -> {
            for (String instance : instancesOf(execution)) {
                grant(userId, groupId, PROCESS_INSTANCE, instance, Permissions.READ, execution);
                grant(userId, groupId, HISTORIC_PROCESS_INSTANCE, instance, HistoricProcessInstancePermissions.READ,
                        execution);
            }
            return null;
        });
    }

    /**
     * Makes the user or group a reader of an ended case's history (a case that ended before parties per case
     * existed); the grant goes with the history at its removal time.
     */
    void joinEndedCase(HistoricProcessInstance root, String userId, String groupId) {
        AsPlatform.inCommand(() -> {
            for (String instance : instancesOfCase(root.getId())) {
                grant(userId, groupId, HISTORIC_PROCESS_INSTANCE, instance, HistoricProcessInstancePermissions.READ,
                        root.getId(), root.getRemovalTime());
            }
            return null;
        });
    }

    /**
     * The group leaves the case: no read of any of the case's process instances any more. Bulk deletes, which never
     * conflict with the engine's own removal of an ending instance's authorizations in the same transaction.
     */
    void leaveGroup(String rootInstanceId, String groupId) {
        AsPlatform.inCommand(() -> {
            AuthorizationManager manager = Context.getCommandContext().getAuthorizationManager();
            for (String instance : instancesOfCase(rootInstanceId)) {
                manager.deleteAuthorizationsByResourceIdAndGroupId(PROCESS_INSTANCE, instance, groupId);
                manager.deleteAuthorizationsByResourceIdAndGroupId(HISTORIC_PROCESS_INSTANCE, instance, groupId);
            }
            return null;
        });
    }

    /** The groups that are parties of the case now. */
    List<String> groupsOf(String rootInstanceId) {
        return AsPlatform.inCommand(() -> authorizations.createAuthorizationQuery()
                .resourceType(HISTORIC_PROCESS_INSTANCE).resourceId(rootInstanceId).list().stream()
                .map(Authorization::getGroupId).filter(group -> group != null).distinct().toList());
    }

    /** A query does not see what this command has saved but not yet flushed (two tasks for one party at once). */
    private static boolean grantedInThisCommand(String userId, String groupId, Resource resource, String instanceId) {
        return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)
                .stream().anyMatch(cached -> cached.getResourceType() == resource.resourceType()
                        && instanceId.equals(cached.getResourceId()) && Objects.equals(userId, cached.getUserId())
                        && Objects.equals(groupId, cached.getGroupId()));
    }

    /**
     * The case's root process instance. Camunda sets an execution's root id only once the instance is inserted, so a
     * start listener finds none: then it is this instance, or its caller's root.
     */
    static String rootOf(ExecutionEntity execution) {
        if (execution.getRootProcessInstanceId() != null) {
            return execution.getRootProcessInstanceId();
        }
        ExecutionEntity instance = execution.getProcessInstance();
        return instance.getSuperExecution() == null ? instance.getId() : rootOf(instance.getSuperExecution());
    }

    private Set<String> instancesOf(ExecutionEntity execution) {
        Set<String> instances = new LinkedHashSet<>();
        instances.add(rootOf(execution));
        instances.add(execution.getProcessInstanceId());
        return instances;
    }

    private List<String> instancesOfCase(String rootInstanceId) {
        List<String> instances = new ArrayList<>(List.of(rootInstanceId));
        history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootInstanceId).list().stream()
                .map(HistoricProcessInstance::getId).filter(id -> !id.equals(rootInstanceId)).forEach(instances::add);
        return instances;
    }

    private void grant(String userId, String groupId, Resource resource, String instanceId, Permission permission,
                       ExecutionEntity execution) {
        grant(userId, groupId, resource, instanceId, permission, rootOf(execution), null);
    }

    private void grant(String userId, String groupId, Resource resource, String instanceId, Permission permission,
                       String rootInstanceId, Date removalTime) {
        if (grantedInThisCommand(userId, groupId, resource, instanceId)) {
            return;
        }
        var query = authorizations.createAuthorizationQuery().resourceType(resource).resourceId(instanceId);
        var existing = (userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).list();
        if (!existing.isEmpty()) {
            return;
        }
        AuthorizationEntity authorization = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        authorization.setUserId(userId);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(instanceId);
        authorization.addPermission(permission);
        if (resource == HISTORIC_PROCESS_INSTANCE) {
            // Removed with the case's history (Camunda gives it the root's removal time when the case ends). Saved
            // by the authorization manager itself: Camunda's save command would look the root up in the history,
            // where a case that starts in this transaction is not yet, and reset it.
            authorization.setRootProcessInstanceId(rootInstanceId);
            authorization.setRemovalTime(removalTime);
        }
        Context.getCommandContext().getAuthorizationManager().insert(authorization);
    }
}
