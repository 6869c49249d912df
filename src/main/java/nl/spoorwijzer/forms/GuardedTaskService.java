package nl.spoorwijzer.forms;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/** Camunda's task service, with every completion and variable write checked by the {@link SubmissionGuard}. */
class GuardedTaskService extends TaskServiceImpl {

    private final SubmissionGuard guard;

    GuardedTaskService(SubmissionGuard guard) {
        this.guard = guard;
    }

    @Override
    public void complete(String taskId) {
        complete(taskId, null);
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        super.complete(taskId, guard.taskSubmission(commandExecutor, taskId, variables));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
                                                     boolean deserializeValues) {
        return super.completeWithVariablesInReturn(taskId, guard.taskSubmission(commandExecutor, taskId, variables),
                deserializeValues);
    }

    @Override
    public void resolveTask(String taskId) {
        resolveTask(taskId, null);
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        super.resolveTask(taskId, guard.taskSubmission(commandExecutor, taskId, variables));
    }

    /**
     * A BPMN error or escalation thrown at a task ends or leaves it without its form and may carry any variables; the
     * models catch none, so a person may not throw one (Camunda would end the case's path silently).
     */
    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        guard.refuseForPeople("errorCode", "a task is finished through its form; throwing a BPMN error at it is not"
                + " allowed");
        super.handleBpmnError(taskId, errorCode, errorMessage, variables);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
        handleBpmnError(taskId, errorCode, errorMessage, null);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode) {
        handleBpmnError(taskId, errorCode, null, null);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        guard.refuseForPeople("escalationCode", "a task is finished through its form; escalating it is not allowed");
        super.handleEscalation(taskId, escalationCode, variables);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode) {
        handleEscalation(taskId, escalationCode, null);
    }

    @Override
    protected void setVariables(String taskId, Map<String, ?> variables, boolean local) {
        guard.variableWrite(variables == null ? null : variables.keySet());
        super.setVariables(taskId, variables, local);
    }

    @Override
    protected void updateVariables(String taskId, Map<String, ?> modifications, Collection<String> deletions,
                                   boolean local) {
        guard.variableWrite(modifications == null ? null : modifications.keySet());
        guard.variableWrite(deletions);
        super.updateVariables(taskId, modifications, deletions, local);
    }

    @Override
    public void removeVariable(String taskId, String variableName) {
        guard.variableWrite(List.of(variableName));
        super.removeVariable(taskId, variableName);
    }

    @Override
    public void removeVariableLocal(String taskId, String variableName) {
        guard.variableWrite(List.of(variableName));
        super.removeVariableLocal(taskId, variableName);
    }

    @Override
    public void removeVariables(String taskId, Collection<String> variableNames) {
        guard.variableWrite(variableNames);
        super.removeVariables(taskId, variableNames);
    }

    @Override
    public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
        guard.variableWrite(variableNames);
        super.removeVariablesLocal(taskId, variableNames);
    }
}
