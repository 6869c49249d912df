package nl.spoorwijzer.process;

import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.List;
import nl.spoorwijzer.identity.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Once per database, after the roles and the directory are in place: the cases that were running before parties
 * per case existed get them. Their employees and arbodiensten become parties, their open tasks move from the role's
 * group to the case's organisation (the role's group loses the task), and the tasks' existing authorizations get
 * READ_VARIABLE, which Tasklist needs to open a form since {@code enforceSpecificVariablePermission}.
 */
@Component
@Order(3)
class CasePartiesUpgrade implements ApplicationRunner {

    static final String DONE = "spoorwijzer.case-parties";

    private static final Logger LOG = LoggerFactory.getLogger(CasePartiesUpgrade.class);

    private final ManagementService management;
    private final AuthorizationService authorizations;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProcessEngineConfigurationImpl configuration;
    private final CasePartyRouting routing;

    CasePartiesUpgrade(ManagementService management, AuthorizationService authorizations, RuntimeService runtime,
                       TaskService tasks, ProcessEngineConfigurationImpl configuration, CasePartyRouting routing) {
        this.management = management;
        this.authorizations = authorizations;
        this.runtime = runtime;
        this.tasks = tasks;
        this.configuration = configuration;
        this.routing = routing;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (management.getProperties().containsKey(DONE)) {
            return;
        }
        int cases = 0;
        configuration.getCommandExecutorTxRequired().execute(context -> {
            grantReadVariableOnOpenTasks();
            return null;
        });
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.POORTWACHTER).list()) {
            configuration.getCommandExecutorTxRequired().execute(context -> {
                ExecutionEntity root = context.getExecutionManager().findExecutionById(instance.getId());
                routing.caseStarted(root);
                for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).list()) {
                    moveToTheCasesOrganisation((TaskEntity) task); // inside a command, queries return entities
                }
                return null;
            });
            cases++;
        }
        management.setProperty(DONE, "1");
        if (cases > 0) {
            LOG.info("Parties per case set for {} running cases", cases);
        }
    }

    private void grantReadVariableOnOpenTasks() {
        for (Authorization authorization : authorizations.createAuthorizationQuery().resourceType(TASK).list()) {
            if (!"*".equals(authorization.getResourceId()) && authorization.isPermissionGranted(Permissions.READ)
                    && !authorization.isPermissionGranted(TaskPermissions.READ_VARIABLE)) {
                authorization.addPermission(TaskPermissions.READ_VARIABLE);
                authorizations.saveAuthorization(authorization);
            }
        }
    }

    private void moveToTheCasesOrganisation(TaskEntity task) {
        ExecutionEntity execution = task.getExecution();
        if (execution == null) {
            return;
        }
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            String group = link.getGroupId();
            if (group == null || !IdentityLinkType.CANDIDATE.equals(link.getType())
                    || Role.ofGroup(group).map(Role::organisationType).isEmpty()) {
                continue;
            }
            List<String> routed = routing.route(List.of(group), execution);
            if (routed.contains(group)) {
                continue; // no organisation serves the employer in this role: the role's group keeps it
            }
            routed.forEach(organisation -> tasks.addCandidateGroup(task.getId(), organisation));
            tasks.deleteCandidateGroup(task.getId(), group);
            authorizations.createAuthorizationQuery().resourceType(TASK).resourceId(task.getId()).groupIdIn(group)
                    .list().forEach(old -> authorizations.deleteAuthorization(old.getId()));
            routing.taskCreated(task);
        }
    }
}
