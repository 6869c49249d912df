package nl.spoorwijzer.modelling;

import java.util.List;
import nl.spoorwijzer.system.Refusal;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a deployment for the platform endpoint. With cascade (its cases go with it) only the administrator may,
 * after repeating the deployment id and giving a reason; the deletion is then recorded in the log and in Camunda's
 * user operation log (who and when by the engine; reason and counts as the entry's annotation), in the same
 * transaction as the deletion.
 */
@Service
class DeploymentRemoval {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentRemoval.class);
    static final int MAX_REASON_LENGTH = 1000;

    /** What was deleted, and where it is recorded. */
    record Removal(String deploymentId, boolean cascade, long runningCases, long finishedCases,
                   String userOperationId, String reason) {
    }

    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;

    DeploymentRemoval(RepositoryService repositoryService, HistoryService historyService,
                      IdentityService identityService, ProcessEngineConfiguration configuration) {
        this.repositoryService = repositoryService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
    }

    @Transactional
    public Removal remove(String deploymentId, boolean cascade, String confirm, String reason) {
        Authentication caller = identityService.getCurrentAuthentication();
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        if (deployment == null) {
            throw new RuleViolationException(List.of(new Violation("deploymentId",
                    "no deployment '" + deploymentId + "' that you may see")), Refusal.NOT_FOUND);
        }
        if (!cascade) {
            repositoryService.deleteDeployment(deploymentId, false);
            LOG.info("Deployment {} ('{}') deleted by {}", deploymentId, deployment.getName(), caller.getUserId());
            return new Removal(deploymentId, false, 0, 0, null, reason);
        }
        if (caller.getGroupIds() == null || !caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
            throw new RuleViolationException(List.of(new Violation("cascade",
                    "only the administrator may delete a deployment with its cases")), Refusal.NOT_ALLOWED);
        }
        if (!deploymentId.equals(confirm)) {
            throw new RuleViolationException("confirm", "must repeat the deployment id: deleting with cascade "
                    + "deletes every case of this deployment, running and finished, with its history");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new RuleViolationException("reason", "is required (at most " + MAX_REASON_LENGTH
                    + " characters): why these cases are deleted");
        }
        DeletionPolicy.Usage usage = configuration.getCommandExecutorTxRequired().execute(context ->
                DeletionPolicy.usage(context, repositoryService.createProcessDefinitionQuery()
                        .deploymentId(deploymentId).list().stream().map(ProcessDefinition::getId).toList(), List.of()));
        DeletionConfirmation.run(deploymentId, () -> repositoryService.deleteDeployment(deploymentId, true));
        String audit = "reason: " + reason.strip() + " | deleted: " + usage.running() + " running and "
                + usage.finished() + " finished cases";
        String operationId = historyService.createUserOperationLogQuery().deploymentId(deploymentId)
                .entityType(EntityTypes.DEPLOYMENT).operationType(UserOperationLogEntry.OPERATION_TYPE_DELETE)
                .orderByTimestamp().desc().list().stream().findFirst()
                .map(UserOperationLogEntry::getOperationId).orElse(null);
        if (operationId != null) {
            historyService.setAnnotationForOperationLogById(operationId, audit);
        }
        LOG.warn("Deployment {} ('{}') deleted WITH ITS CASES by {}: {} (user operation {})", deploymentId,
                deployment.getName(), caller.getUserId(), audit, operationId);
        return new Removal(deploymentId, true, usage.running(), usage.finished(), operationId, reason.strip());
    }
}
