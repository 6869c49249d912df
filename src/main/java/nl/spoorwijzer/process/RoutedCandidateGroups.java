package nl.spoorwijzer.process;

import java.util.Arrays;
import java.util.Collection;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A user task's modelled candidate groups (roles), evaluated as the engine does and then sent to the case's parties
 * by {@link CasePartyRouting} when the task is created.
 */
final class RoutedCandidateGroups implements Expression {

    private final Expression modelled;
    private final CasePartyRouting routing;

    RoutedCandidateGroups(Expression modelled, CasePartyRouting routing) {
        this.modelled = modelled;
        this.routing = routing;
    }

    @Override
    public Object getValue(VariableScope scope) {
        Object value = modelled.getValue(scope);
        ExecutionEntity execution = scope instanceof ExecutionEntity entity ? entity
                : scope instanceof TaskEntity task ? task.getExecution() : null;
        if (execution == null) {
            return value;
        }
        if (value instanceof String groups) {
            return routing.route(Arrays.asList(groups.split(",")), execution);
        }
        return value instanceof Collection<?> groups ? routing.route(groups, execution) : value;
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
        modelled.setValue(value, scope);
    }

    @Override
    public String getExpressionText() {
        return modelled.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
        return modelled.isLiteralText();
    }
}
