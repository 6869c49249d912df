package nl.spoorwijzer.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * Camunda's process instance modification (Cockpit, {@code /process-instance/{id}/modification}): an operator may
 * move a case's tokens, but the variables it carries may not include those the platform owns.
 */
class GuardedModification extends ProcessInstanceModificationBuilderImpl {

    private final SubmissionGuard guard;

    GuardedModification(CommandExecutor commandExecutor, String processInstanceId, SubmissionGuard guard) {
        super(commandExecutor, processInstanceId);
        this.guard = guard;
    }

    @Override
    public void execute(boolean writeUserOperationLog, boolean skipCustomListeners, boolean skipIoMappings) {
        guard.variableWrite(variableNames());
        super.execute(writeUserOperationLog, skipCustomListeners, skipIoMappings);
    }

    @Override
    public Batch executeAsync(boolean skipCustomListeners, boolean skipIoMappings) {
        guard.variableWrite(variableNames());
        return super.executeAsync(skipCustomListeners, skipIoMappings);
    }

    private List<String> variableNames() {
        List<String> names = new ArrayList<>(getProcessVariables().keySet());
        for (AbstractProcessInstanceModificationCommand operation : getModificationOperations()) {
            if (operation instanceof AbstractInstantiationCmd instantiation) {
                names.addAll(instantiation.getVariables().keySet());
                names.addAll(instantiation.getVariablesLocal().keySet());
            }
        }
        return names;
    }
}
