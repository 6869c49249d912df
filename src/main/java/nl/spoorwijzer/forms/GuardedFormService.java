package nl.spoorwijzer.forms;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/** Camunda's form service, with every task and start form submission checked against its Camunda Form. */
class GuardedFormService extends FormServiceImpl {

    private final SubmissionGuard guard;

    GuardedFormService(SubmissionGuard guard) {
        this.guard = guard;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        super.submitTaskForm(taskId, guard.taskSubmission(commandExecutor, taskId, properties));
    }

    @Override
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
        submitTaskForm(taskId, properties == null ? null : Map.copyOf(properties));
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                           boolean deserializeValues) {
        return super.submitTaskFormWithVariablesInReturn(taskId,
                guard.taskSubmission(commandExecutor, taskId, properties), deserializeValues);
    }

    /** An unknown task id answers "not found" like another employer's task, not a server error. */
    @Override
    public InputStream getDeployedTaskForm(String taskId) {
        boolean exists = taskId != null
                && commandExecutor.execute(context -> context.getTaskManager().findTaskById(taskId)) != null;
        if (!exists) {
            throw new NotFoundException("No task " + taskId);
        }
        return super.getDeployedTaskForm(taskId);
    }

    @Override
    public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
        return submitStartForm(processDefinitionId, null, properties);
    }

    @Override
    public ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
                                           Map<String, Object> properties) {
        return super.submitStartForm(processDefinitionId, businessKey,
                guard.startSubmission(commandExecutor, processDefinitionId, null, null, businessKey, properties));
    }

    @Override
    public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
        return submitStartFormData(processDefinitionId, null, properties);
    }

    @Override
    public ProcessInstance submitStartFormData(String processDefinitionId, String businessKey,
                                               Map<String, String> properties) {
        return submitStartForm(processDefinitionId, businessKey, properties == null ? null : Map.copyOf(properties));
    }
}
