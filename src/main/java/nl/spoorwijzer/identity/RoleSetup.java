package nl.spoorwijzer.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import nl.spoorwijzer.process.ProcessKeys;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and what each may do, on every start and in every profile; existing groups and grants
 * are kept, so a restart changes nothing. Task access itself comes from the engine: the candidate group or assignee
 * of a task may work it (TASK_WORK), and tenant membership limits everything to the employers a user serves.
 */
@Component
@Order(1)
class RoleSetup implements ApplicationRunner {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final TasklistFilters tasklistFilters;

    RoleSetup(IdentityService identityService, AuthorizationService authorizationService,
              TasklistFilters tasklistFilters) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.tasklistFilters = tasklistFilters;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            ensureGroup(role);
        }
        for (Role role : Role.values()) {
            if (role.worksTasks()) {
                grant(role, APPLICATION, "tasklist", ACCESS);
                grant(role, FILTER, "*", READ);
                // The model a task belongs to (its name and diagram in Tasklist); no case data.
                for (String process : new String[] {ProcessKeys.POORTWACHTER, ProcessKeys.SPOOR_2_TRAJECT,
                        ProcessKeys.HERSTELPERIODE}) {
                    grant(role, PROCESS_DEFINITION, process, READ);
                }
            }
        }
        // The werkgever reports sickness (start form) and follows all its own employer's cases (the tenant limits
        // it to them). Reading a case's variables needs more (enforceSpecificVariablePermission): only the tasks the
        // werkgever works give it theirs. Every other party reads only the cases it is a party of
        // (process/CaseParties grants those per case).
        grant(Role.WERKGEVER, PROCESS_DEFINITION, ProcessKeys.POORTWACHTER, READ, CREATE_INSTANCE, READ_INSTANCE,
                READ_HISTORY);
        for (String process : new String[] {ProcessKeys.SPOOR_2_TRAJECT, ProcessKeys.HERSTELPERIODE}) {
            grant(Role.WERKGEVER, PROCESS_DEFINITION, process, READ, READ_INSTANCE, READ_HISTORY);
        }
        grant(Role.WERKGEVER, PROCESS_INSTANCE, "*", CREATE);
        // The process owner deploys models (as Camunda Modeler does) but reads no case data.
        grant(Role.PROCESBEHEERDER, DEPLOYMENT, "*", CREATE, READ, DELETE);
        grant(Role.PROCESBEHEERDER, PROCESS_DEFINITION, "*", READ);
        grant(Role.PROCESBEHEERDER, APPLICATION, "cockpit", ACCESS);
        // The migration batches she starts (issue 28), as Cockpit shows them; batches hold no case data.
        grant(Role.PROCESBEHEERDER, BATCH, "*", READ);
        // Management reads Cockpit: the running cases and where they stand, never a case's variables (no
        // READ_INSTANCE_VARIABLE / READ_VARIABLE), changes nothing.
        grant(Role.MANAGEMENT, APPLICATION, "cockpit", ACCESS);
        grant(Role.MANAGEMENT, PROCESS_DEFINITION, "*", READ, READ_INSTANCE);
        grant(Role.MANAGEMENT, PROCESS_INSTANCE, "*", READ);
        // Not the tasks nor the history: Camunda shows a task's assignee — the employee, on his own tasks — to
        // whoever may read the task or its history, and management is not to learn who is sick (granted until
        // issue 23, so taken back here).
        revoke(Role.MANAGEMENT, PROCESS_DEFINITION, "*", READ_HISTORY);
        revoke(Role.MANAGEMENT, TASK, "*", READ);
        tasklistFilters.ensureFilters();
    }

    private void revoke(Role role, Resource resource, String resourceId, Permission permission) {
        for (Authorization authorization : authorizationService.createAuthorizationQuery().groupIdIn(role.groupId())
                .resourceType(resource).resourceId(resourceId).list()) {
            if (authorization.isPermissionGranted(permission)) {
                authorization.removePermission(permission);
                authorizationService.saveAuthorization(authorization);
            }
        }
    }

    private void ensureGroup(Role role) {
        if (identityService.createGroupQuery().groupId(role.groupId()).count() == 0) {
            Group group = identityService.newGroup(role.groupId());
            group.setName(role.label());
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery().groupIdIn(role.groupId())
                .resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(role.groupId());
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
