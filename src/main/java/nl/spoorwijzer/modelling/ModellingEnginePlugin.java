package nl.spoorwijzer.modelling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.spoorwijzer.process.TaskPropertyVocabulary;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a process owner's model may do, set on the engine before it is built: expressions see only the model beans
 * and pass the sandbox ({@link ModelExpressionManager}), no script engine exists ({@link ScriptsDisabled}), every
 * new deployment is checked before it is parsed ({@link ValidatingDeployer}), and deleting what cases use follows
 * the {@link DeletionPolicy}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // first, so a test-only plugin (the benchmarks' stand-in beans) may still override
class ModellingEnginePlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    ModellingEnginePlugin(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ModelBeanMap beans = new ModelBeanMap(context);
        // Spring's ProcessEngineFactoryBean has set an expression manager over the whole context; this replaces it.
        configuration.setBeans(beans);
        configuration.setExpressionManager(new ModelExpressionManager(beans));
        configuration.setScriptingEngines(new ScriptsDisabled());

        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new ValidatingDeployer(new ExpressionCheck(context::containsBean), this::taskProperties));
        configuration.setCustomPreDeployers(preDeployers);

        List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        sessionFactories.add(new GuardedDeletion.DeploymentManagerFactory());
        sessionFactories.add(new GuardedDeletion.ProcessDefinitionManagerFactory());
        configuration.setCustomSessionFactories(sessionFactories);
    }

    /** The vocabularies of the task properties the platform reads, from the features that read them. */
    private Map<String, Set<String>> taskProperties() {
        Map<String, Set<String>> vocabularies = new HashMap<>();
        context.getBeansOfType(TaskPropertyVocabulary.class).values()
                .forEach(vocabulary -> vocabularies.put(vocabulary.property(), vocabulary.values()));
        return vocabularies;
    }
}
