package nl.spoorwijzer.bench;

import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;

/**
 * Gives the engine the {@link FloorBeans} to resolve its expressions with and, for the engine floor, takes out
 * Spoorwijzer's built-in task and process listeners (dossier entry per completion, follow-up dates, the case read
 * model; see {@code CaseTaskParseListener}). Registered by {@link LifecycleBenchmark} and {@link TimerStormBenchmark}
 * for their own contexts only, so no stereotype annotation: component scanning must not find it.
 */
final class EngineFloorPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final FloorBeans beans;
    private final boolean withoutBuiltInListeners;

    EngineFloorPlugin(ApplicationContext context, FloorBeans beans, boolean withoutBuiltInListeners) {
        this.context = context;
        this.beans = beans;
        this.withoutBuiltInListeners = withoutBuiltInListeners;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Spring's ProcessEngineFactoryBean has already made an expression manager on the whole context; the beans map
        // replaces that lookup (SpringExpressionManager uses the map instead of the context when it has one).
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!withoutBuiltInListeners) {
            return;
        }
        // The deployers exist now and the models are parsed only at deployment, after the engine is built.
        configuration.getDeployers().stream().filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast)
                .forEach(deployer -> deployer.getBpmnParser().getParseListeners()
                        .removeIf(listener -> listener.getClass().getName().startsWith("nl.spoorwijzer.")));
    }
}
