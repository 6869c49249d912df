package nl.spoorwijzer.forms;

import java.util.Map;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's message correlation: a person's message may not carry variables that the platform owns. */
class GuardedMessageCorrelation extends MessageCorrelationBuilderImpl {

    private final SubmissionGuard guard;

    GuardedMessageCorrelation(CommandExecutor commandExecutor, String messageName, SubmissionGuard guard) {
        super(commandExecutor, messageName);
        this.guard = guard;
    }

    @Override
    protected <T> T execute(Command<T> command) {
        for (Map<String, Object> payload : new Map[] {getPayloadProcessInstanceVariables(),
                getPayloadProcessInstanceVariablesLocal(), getPayloadProcessInstanceVariablesToTriggeredScope()}) {
            guard.variableWrite(payload == null ? null : payload.keySet());
        }
        return super.execute(command);
    }
}
