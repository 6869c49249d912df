package nl.spoorwijzer.modelling;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager (BPMN, DMN in JUEL, task query filters): Camunda's Spring chain with two changes —
 * the {@link ExpressionSandbox} in front, and only the {@link ModelBeans} instead of the whole application context
 * (Camunda's SpringExpressionManager exposes every bean: {@code ${jdbcTemplate...}}). Objects are read-only.
 */
final class ModelExpressionManager extends JuelExpressionManager {

    private final ModelBeanMap modelBeans;

    ModelExpressionManager(ModelBeanMap modelBeans) {
        super(modelBeans);
        this.modelBeans = modelBeans;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new ExpressionSandbox(modelBeans));
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(modelBeans));
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new BeanELResolver(true));
        return resolver;
    }
}
