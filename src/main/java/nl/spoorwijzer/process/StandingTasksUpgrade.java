package nl.spoorwijzer.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Once per database: the cases from before loonwaarde, proefplaatsingen and job applications became case actions
 * ({@link CaseAction}) lose the tasks that stood open for them in everyone's list. The case's standing task
 * "Loonwaarde of proefplaatsing vastleggen" is cancelled where it waits (the case stays on its model version, in
 * which nothing else differs); a running spoor 2 trajectory loses "Sollicitatie registreren" and moves to the
 * latest version of its model (Camunda's migration), whose event subprocess counts the job applications recorded
 * on the case. Cancelling skips the tasks' listeners: nothing was done, so nothing is recorded. Each instance is
 * upgraded in transactions of its own; one that cannot be is named in the log (a trajectory that cannot migrate is
 * answered 409 by the job application API until the process owner migrates it in Cockpit).
 */
@Component
@Order(4)
class StandingTasksUpgrade implements ApplicationRunner {

    static final String DONE = "spoorwijzer.standing-tasks-removed";

    /** spoor-2-traject's timer before each progress report (inside a subprocess since version 1.3.0). */
    private static final String REPORT_MOMENT = "rapportagemomentBereikt";

    private static final Logger LOG = LoggerFactory.getLogger(StandingTasksUpgrade.class);

    private final ManagementService management;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ProcessEngineConfigurationImpl configuration;

    StandingTasksUpgrade(ManagementService management, RuntimeService runtime, RepositoryService repository,
                         ProcessEngineConfigurationImpl configuration) {
        this.management = management;
        this.runtime = runtime;
        this.repository = repository;
        this.configuration = configuration;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (management.getProperties().containsKey(DONE)) {
            return;
        }
        upgrade();
        management.setProperty(DONE, "1");
    }

    /** Upgrades every running case and trajectory that still has a standing task; answers how many. */
    int upgrade() {
        int upgraded = 0;
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.POORTWACHTER).activityIdIn(CaseAction.PLACEMENT.elementId())
                .list()) {
            upgraded += inOwnTransaction(instance, () -> cancel(instance, CaseAction.PLACEMENT.elementId()));
        }
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT).withoutTenantId().latestVersion().singleResult();
        Map<String, MigrationPlan> plans = new HashMap<>();
        for (ProcessInstance trajectory : runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT).list()) {
            if (latest == null || latest.getId().equals(trajectory.getProcessDefinitionId())) {
                continue;
            }
            // Two steps: a migration reads the instance's activities from the database, where the cancelled task
            // would still be until the cancellation is committed.
            inOwnTransaction(trajectory, () -> cancel(trajectory, CaseAction.JOB_APPLICATION.elementId()));
            upgraded += inOwnTransaction(trajectory, () -> {
                MigrationPlan plan = plans.computeIfAbsent(trajectory.getProcessDefinitionId(), source ->
                        runtime.createMigrationPlan(source, latest.getId()).mapEqualActivities()
                                // since 1.3.0 the wait for the next report is a subprocess a placement report ends
                                .mapActivities(REPORT_MOMENT, REPORT_MOMENT).build());
                runtime.newMigration(plan).processInstanceIds(List.of(trajectory.getId())).skipCustomListeners()
                        .skipIoMappings().execute();
            });
        }
        if (upgraded > 0) {
            LOG.info("Standing tasks for loonwaarde, proefplaatsing and sollicitaties removed from {} running"
                    + " processes", upgraded);
        }
        return upgraded;
    }

    private void cancel(ProcessInstance instance, String activityId) {
        if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).activityIdIn(activityId)
                .count() > 0) {
            runtime.createProcessInstanceModification(instance.getId()).cancelAllForActivity(activityId)
                    .execute(true, true);
        }
    }

    /** Camunda names a refused migration's reasons in its validation report, not in the message. */
    private static String why(RuntimeException e) {
        if (e instanceof MigratingProcessInstanceValidationException refused) {
            StringBuilder reasons = new StringBuilder(e.getMessage());
            refused.getValidationReport().getFailures().forEach(failure -> reasons.append(' ').append(failure));
            refused.getValidationReport().getActivityInstanceReports().forEach(report -> reasons.append(' ')
                    .append(report.getSourceScopeId()).append(": ").append(report.getFailures()));
            refused.getValidationReport().getTransitionInstanceReports().forEach(report -> reasons.append(' ')
                    .append(report.getSourceScopeId()).append(": ").append(report.getFailures()));
            return reasons.toString();
        }
        return e.toString();
    }

    private int inOwnTransaction(ProcessInstance instance, Runnable work) {
        try {
            configuration.getCommandExecutorTxRequiresNew().execute(context -> {
                work.run();
                return null;
            });
            return 1;
        } catch (RuntimeException e) {
            LOG.warn("Process instance {} of case {} keeps its standing task: {}", instance.getId(),
                    instance.getBusinessKey(), why(e));
            return 0;
        }
    }
}
