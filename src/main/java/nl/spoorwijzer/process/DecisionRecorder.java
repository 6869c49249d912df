package nl.spoorwijzer.process;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntryType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Records a DMN decision with its inputs and outcome in the dossier. Placed where the outcome is available as
 * variables (the business rule task's output mapping runs after its own end listeners, so: on the element that
 * follows it). The model names the decision in the field {@code decision} and lists the variables in the fields
 * {@code inputs} and {@code outputs} (comma-separated).
 */
@Component("decisionRecorder")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // the engine injects fields per business rule task
public class DecisionRecorder implements ExecutionListener {

    private Expression decision;
    private Expression inputs;
    private Expression outputs;

    private final CaseDossier dossier;

    public DecisionRecorder(CaseDossier dossier) {
        this.dossier = dossier;
    }

    public void setDecision(Expression decision) {
        this.decision = decision;
    }

    public void setInputs(Expression inputs) {
        this.inputs = inputs;
    }

    public void setOutputs(Expression outputs) {
        this.outputs = outputs;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("invoer", valuesOf(execution, inputs));
        content.put("uitkomst", valuesOf(execution, outputs));
        dossier.recordBySystem(execution, DossierEntryType.DECISION, decision.getValue(execution).toString(),
                content);
    }

    private static Map<String, Object> valuesOf(DelegateExecution execution, Expression names) {
        Map<String, Object> values = new LinkedHashMap<>();
        Arrays.stream(names.getValue(execution).toString().split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .forEach(name -> values.put(name, execution.getVariable(name)));
        return values;
    }
}
