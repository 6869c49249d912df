package nl.spoorwijzer.forms;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * Camunda's runtime service: a person's process starts are checked against the start form, and nobody but the
 * platform writes the variables it owns.
 */
class GuardedRuntimeService extends RuntimeServiceImpl {

    private final SubmissionGuard guard;

    GuardedRuntimeService(SubmissionGuard guard) {
        this.guard = guard;
    }

    @Override
    public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
        return new GuardedInstantiationBuilder(commandExecutor, guard, processDefinitionId, null);
    }

    @Override
    public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
        return new GuardedInstantiationBuilder(commandExecutor, guard, null, processDefinitionKey);
    }

    @Override
    public ProcessInstanceModificationBuilder createProcessInstanceModification(String processInstanceId) {
        return new GuardedModification(commandExecutor, processInstanceId, guard);
    }

    @Override
    public MessageCorrelationBuilder createMessageCorrelation(String messageName) {
        return new GuardedMessageCorrelation(commandExecutor, messageName, guard);
    }

    @Override
    protected void setVariables(String executionId, Map<String, ?> variables, boolean local) {
        guard.variableWrite(variables == null ? null : variables.keySet());
        super.setVariables(executionId, variables, local);
    }

    @Override
    protected void updateVariables(String executionId, Map<String, ?> modifications, Collection<String> deletions,
                                   boolean local) {
        guard.variableWrite(modifications == null ? null : modifications.keySet());
        guard.variableWrite(deletions);
        super.updateVariables(executionId, modifications, deletions, local);
    }

    @Override
    public void removeVariable(String executionId, String variableName) {
        guard.variableWrite(List.of(variableName));
        super.removeVariable(executionId, variableName);
    }

    @Override
    public void removeVariableLocal(String executionId, String variableName) {
        guard.variableWrite(List.of(variableName));
        super.removeVariableLocal(executionId, variableName);
    }

    @Override
    public void removeVariables(String executionId, Collection<String> variableNames) {
        guard.variableWrite(variableNames);
        super.removeVariables(executionId, variableNames);
    }

    @Override
    public void removeVariablesLocal(String executionId, Collection<String> variableNames) {
        guard.variableWrite(variableNames);
        super.removeVariablesLocal(executionId, variableNames);
    }

    @Override
    public Batch setVariablesAsync(List<String> processInstanceIds, Map<String, ?> variables) {
        guard.variableWrite(variables == null ? null : variables.keySet());
        return super.setVariablesAsync(processInstanceIds, variables);
    }

    @Override
    public Batch setVariablesAsync(List<String> processInstanceIds, ProcessInstanceQuery processInstanceQuery,
                                   HistoricProcessInstanceQuery historicProcessInstanceQuery,
                                   Map<String, ?> variables) {
        guard.variableWrite(variables == null ? null : variables.keySet());
        return super.setVariablesAsync(processInstanceIds, processInstanceQuery, historicProcessInstanceQuery,
                variables);
    }

    @Override
    public Batch setVariablesAsync(ProcessInstanceQuery processInstanceQuery, Map<String, ?> variables) {
        guard.variableWrite(variables == null ? null : variables.keySet());
        return super.setVariablesAsync(processInstanceQuery, variables);
    }

    @Override
    public Batch setVariablesAsync(HistoricProcessInstanceQuery historicProcessInstanceQuery,
                                   Map<String, ?> variables) {
        guard.variableWrite(variables == null ? null : variables.keySet());
        return super.setVariablesAsync(historicProcessInstanceQuery, variables);
    }
}
