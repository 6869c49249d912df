package nl.spoorwijzer.forms;

import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Evaluates a field's {@code conditional.hide} FEEL expression the way form-js does in the browser, with Camunda's
 * own FEEL engine: the form's data (current variables overlaid by the submitted values) is the context.
 */
class HideConditions {

    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

    /** True when the field is hidden; an expression that cannot be evaluated hides nothing (its rules apply). */
    boolean hidden(FormField field, Map<String, Object> data) {
        if (field.hideCondition() == null) {
            return false;
        }
        try {
            Object result = feel.evaluateSimpleExpression(field.hideCondition(),
                    Variables.fromMap(data).asVariableContext());
            return Boolean.TRUE.equals(result);
        } catch (RuntimeException unevaluable) {
            return false;
        }
    }
}
