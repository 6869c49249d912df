package nl.spoorwijzer.migration;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.spoorwijzer.process.AsPlatform;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tries the plan on each running case of the source version and rolls every try back: Camunda validates a migration
 * only when it runs it ({@link MigratingProcessInstanceValidationException} names each activity that cannot move),
 * so the dry run runs it in a transaction that is never committed — and with it what the batch does after each case
 * ({@link MigratedCaseFollowUp}: the dossier entry and every date evaluated again), so that a target version whose
 * expressions a case cannot satisfy shows here and not as a failed batch job.
 */
@Service
class MigrationDryRun {

    /** More cases than this are not tried in one request; the preview says it is truncated. */
    static final int MAX_CASES = 500;

    private static final Logger LOG = LoggerFactory.getLogger(MigrationDryRun.class);

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final TransactionTemplate rolledBack;
    private final MigratedCaseFollowUp followUp;

    MigrationDryRun(ProcessEngineConfigurationImpl engineConfiguration, RuntimeService runtimeService,
                    RepositoryService repositoryService, PlatformTransactionManager transactionManager,
                    MigratedCaseFollowUp followUp) {
        this.engineConfiguration = engineConfiguration;
        this.followUp = followUp;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.rolledBack = new TransactionTemplate(transactionManager);
        this.rolledBack.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    MigrationPreview preview(ResolvedPlan resolved) {
        List<ProcessInstance> running = runningCases(resolved);
        BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(resolved.source().getId());
        List<MigrationPreview.CaseResult> cases = new ArrayList<>();
        for (ProcessInstance instance : running.subList(0, Math.min(running.size(), MAX_CASES))) {
            List<String> reasons = tryOn(resolved, instance, sourceModel);
            cases.add(new MigrationPreview.CaseResult(instance.getBusinessKey(), reasons.isEmpty(), reasons));
        }
        List<MigrationPreview.Mapping> mappings = resolved.plan().getInstructions().stream()
                .map(instruction -> new MigrationPreview.Mapping(instruction.getSourceActivityId(),
                        instruction.getTargetActivityId(), instruction.isUpdateEventTrigger()))
                .toList();
        return new MigrationPreview(resolved.source().getKey(), resolved.source().getVersion(),
                resolved.source().getVersionTag(), resolved.source().getId(), resolved.target().getVersion(),
                resolved.target().getVersionTag(), resolved.target().getId(),
                mappings, cases, running.size() > MAX_CASES);
    }

    /**
     * The running instances of the source version, oldest case first (one more than shown, to tell truncation); for
     * a target that is one employer's protocol only that employer's cases (Camunda moves no case between tenants).
     */
    List<ProcessInstance> runningCases(ResolvedPlan resolved) {
        String employer = resolved.target().getTenantId();
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> AsPlatform.inCommand(() -> {
            ProcessInstanceQuery query = runtimeService.createProcessInstanceQuery()
                    .processDefinitionId(resolved.source().getId());
            return (employer == null ? query : query.tenantIdIn(employer)).orderByBusinessKey().asc()
                    .listPage(0, MAX_CASES + 1);
        }));
    }

    /** The steps (activity ids) the instance is in now. */
    private Set<String> activeSteps(String processInstanceId) {
        Set<String> steps = new TreeSet<>();
        Deque<ActivityInstance> open = new ArrayDeque<>();
        ActivityInstance root = runtimeService.getActivityInstance(processInstanceId);
        if (root != null) {
            open.push(root);
        }
        while (!open.isEmpty()) {
            ActivityInstance current = open.pop();
            if (current != root) {
                steps.add(current.getActivityId());
            }
            for (ActivityInstance child : current.getChildActivityInstances()) {
                open.push(child);
            }
            for (TransitionInstance transition : current.getChildTransitionInstances()) {
                steps.add(transition.getActivityId());
            }
        }
        return steps;
    }

    private List<String> tryOn(ResolvedPlan resolved, ProcessInstance instance, BpmnModelInstance sourceModel) {
        List<String> reasons = new ArrayList<>();
        rolledBack.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Set<String> steps;
            try {
                steps = engineConfiguration.getCommandExecutorTxRequired().execute(context -> AsPlatform.inCommand(
                        () -> {
                            Set<String> before = activeSteps(instance.getId());
                            runtimeService.newMigration(resolved.plan()).processInstanceIds(instance.getId())
                                    .execute();
                            return before;
                        }));
            } catch (MigratingProcessInstanceValidationException e) {
                reasons.addAll(MigrationFailures.ofCase(e.getValidationReport(), sourceModel,
                        resolved.targetLabel()));
                return;
            } catch (RuntimeException e) {
                LOG.warn("Dry run of migrating case {} to {} failed", instance.getBusinessKey(),
                        resolved.target().getId(), e);
                reasons.add("De zaak kan niet worden overgezet: de proefrun gaf een technische fout (zie het"
                        + " logboek van de applicatie).");
                return;
            }
            // What the batch does next in the same transaction: the dossier entry and the dates evaluated again with
            // the target version's expressions. Rolled back with the rest.
            try {
                followUp.afterMigration(instance.getId(), null, Set.of());
            } catch (RuntimeException e) {
                LOG.warn("Dry run of the follow-up of migrating case {} to {} failed", instance.getBusinessKey(),
                        resolved.target().getId(), e);
                reasons.add(MigrationFailures.ofFollowUp(e, steps, sourceModel, resolved.targetLabel()));
            }
        });
        return reasons;
    }
}
