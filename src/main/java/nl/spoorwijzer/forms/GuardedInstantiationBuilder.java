package nl.spoorwijzer.forms;

import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;

/**
 * Camunda's process instantiation ({@code POST /process-definition/.../start} and every {@code startProcessInstance…}
 * call), with a person's start values checked against the start form like a start form submission.
 */
class GuardedInstantiationBuilder extends ProcessInstantiationBuilderImpl {

    private final SubmissionGuard guard;

    GuardedInstantiationBuilder(CommandExecutor commandExecutor, SubmissionGuard guard, String definitionId,
                                String definitionKey) {
        super(commandExecutor);
        this.guard = guard;
        this.processDefinitionId = definitionId;
        this.processDefinitionKey = definitionKey;
    }

    @Override
    public ProcessInstanceWithVariables executeWithVariablesInReturn(boolean skipCustomListeners,
                                                                     boolean skipIoMappings) {
        guard.plainStart(!modificationBuilder.getModificationOperations().isEmpty(),
                skipCustomListeners || skipIoMappings);
        Map<String, Object> variables = getVariables();
        Map<String, Object> accepted = guard.startSubmission(commandExecutor, processDefinitionId,
                processDefinitionKey, isProcessDefinitionTenantIdSet ? processDefinitionTenantId : null, businessKey,
                variables);
        if (accepted != null && variables != null) {
            variables.clear();
            variables.putAll(accepted);
        }
        return super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
    }
}
