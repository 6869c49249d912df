package nl.spoorwijzer.modelling;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The engine's deployment and process-definition managers with the {@link DeletionPolicy} in front of their delete:
 * every way of deleting (RepositoryService overloads, the delete-definitions builder, /engine-rest, Cockpit) ends in
 * one of these two methods, inside the same transaction, so a refusal deletes nothing.
 */
final class GuardedDeletion {

    private GuardedDeletion() {
    }

    static final class GuardedDeploymentManager extends DeploymentManager {
        @Override
        public void deleteDeployment(String deploymentId, boolean cascade, boolean skipCustomListeners,
                                     boolean skipIoMappings) {
            DeletionPolicy.checkDeployment(Context.getCommandContext(), deploymentId, cascade);
            super.deleteDeployment(deploymentId, cascade, skipCustomListeners, skipIoMappings);
        }
    }

    static final class GuardedProcessDefinitionManager extends ProcessDefinitionManager {
        @Override
        public void deleteProcessDefinition(ProcessDefinition processDefinition, String processDefinitionId,
                                            boolean cascadeToHistory, boolean cascadeToInstances,
                                            boolean skipCustomListeners, boolean skipIoMappings) {
            DeletionPolicy.checkProcessDefinition(Context.getCommandContext(), processDefinition,
                    cascadeToHistory || cascadeToInstances);
            super.deleteProcessDefinition(processDefinition, processDefinitionId, cascadeToHistory,
                    cascadeToInstances, skipCustomListeners, skipIoMappings);
        }
    }

    /** Registered in place of the engine's factory for {@link DeploymentManager} sessions. */
    static final class DeploymentManagerFactory implements SessionFactory {
        @Override
        public Class<?> getSessionType() {
            return DeploymentManager.class;
        }

        @Override
        public Session openSession() {
            return new GuardedDeploymentManager();
        }
    }

    /** Registered in place of the engine's factory for {@link ProcessDefinitionManager} sessions. */
    static final class ProcessDefinitionManagerFactory implements SessionFactory {
        @Override
        public Class<?> getSessionType() {
            return ProcessDefinitionManager.class;
        }

        @Override
        public Session openSession() {
            return new GuardedProcessDefinitionManager();
        }
    }
}
