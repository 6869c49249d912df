package nl.spoorwijzer.modelling;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.spoorwijzer.process.TaskPropertyVocabulary;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Model files that are not deployed (yet): the what-if simulation (issue 28) checks them here with exactly the
 * rules of a real deployment ({@link ValidatingDeployer}), against the versions deployed on this engine, and deploys
 * nothing. Only reads: the check runs in a command of its own that writes no row.
 */
@Component
public class CandidateModels {

    private final ProcessEngine engine;
    private final ApplicationContext context;

    CandidateModels(ProcessEngine engine, ApplicationContext context) {
        this.engine = engine;
        this.context = context;
    }

    /**
     * Refuses (400, one violation per broken rule, the field naming the element or the file) what a deployment of
     * {@code resources} for every employer would be refused with.
     */
    public void requireDeployable(Map<String, byte[]> resources) {
        List<Violation> violations = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(commandContext -> new DeploymentRules(
                        new ExpressionCheck(context::containsBean), ValidatingDeployer.deployed(null),
                        taskProperties()).check(resources));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    private Map<String, Set<String>> taskProperties() {
        Map<String, Set<String>> vocabularies = new java.util.HashMap<>();
        context.getBeansOfType(TaskPropertyVocabulary.class).values()
                .forEach(vocabulary -> vocabularies.put(vocabulary.property(), vocabulary.values()));
        return vocabularies;
    }
}
