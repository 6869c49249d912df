package nl.spoorwijzer.process;

import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.List;
import nl.spoorwijzer.identity.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
 * Once per database, after the roles and the directory are in place: the cases from before parties per case get
 * them. Running cases: their employees and arbodiensten become parties (of a running spoor 2 trajectory too), their
 * open tasks move from the role's group to the case's organisation (the role's group loses the task), and the tasks'
 * existing authorizations get READ_VARIABLE, which Tasklist needs to open a form since
 * {@code enforceSpecificVariablePermission}. Ended cases: the employee and the arbodienst keep reading their history.
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
    private final CaseParties parties;
    private final HistoryService history;

    CasePartiesUpgrade(ManagementService management, AuthorizationService authorizations, RuntimeService runtime,
                       TaskService tasks, ProcessEngineConfigurationImpl configuration, CasePartyRouting routing,
                       CaseParties parties, HistoryService history) {
        this.parties = parties;
        this.history = history;
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
                for (ProcessInstance trajectory : runtime.createProcessInstanceQuery()
                        .processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT)
                        .processInstanceBusinessKey(instance.getBusinessKey()).list()) {
                    routing.trajectoryStarted(context.getExecutionManager().findExecutionById(trajectory.getId()));
                }
                return null;
            });
            cases++;
        }
        // Ended cases: the employee (his right of access, AVG art. 15) and the arbodienst keep reading their history.
        for (HistoricProcessInstance ended : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.POORTWACHTER).finished().list()) {
            configuration.getCommandExecutorTxRequired().execute(context -> {
                HistoricVariableInstance employee = history.createHistoricVariableInstanceQuery()
                        .processInstanceId(ended.getId()).variableName(ProcessVariables.WERKNEMER_ID).singleResult();
                if (employee != null && employee.getValue() != null) {
                    parties.joinEndedCase(ended, employee.getValue().toString(), null);
                }
                parties.joinEndedCase(ended, null, routing.organisationFor(Role.BEDRIJFSARTS, ended.getTenantId()));
                return null;
            });
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
