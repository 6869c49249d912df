package nl.spoorwijzer.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Sends a message (field {@code message}) to the other processes of the same case — the case process and the spoor 2
 * trajectory share the case id as business key — in the same transaction. A process that is not waiting for the
 * message is left alone: spoor 1 can succeed before spoor 2 ever started.
 */
@Component("caseMessage")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // the engine injects a field per service task
public class CaseMessage implements JavaDelegate {

    private Expression message;

    private final RuntimeService runtimeService;

    public CaseMessage(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    public void setMessage(Expression message) {
        this.message = message;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runtimeService.createMessageCorrelation(message.getValue(execution).toString())
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .correlateAll();
    }
}
