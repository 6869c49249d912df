package nl.spoorwijzer.modelling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a new deployment against the {@link DeploymentRules} before any of Camunda's deployers parses it — the
 * BPMN deployer already evaluates timer start events, so a model must be checked before it is parsed. A refusal
 * throws out of the deploy command: the transaction rolls back and nothing is deployed. Deployments read back from
 * the database (cache misses after a restart) are not new and were checked when they were made.
 */
final class ValidatingDeployer implements Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(ValidatingDeployer.class);

    private final ExpressionCheck expressions;
    private final Supplier<Map<String, Set<String>>> taskProperties;

    /** @param taskProperties the task properties the platform reads (name → allowed values), asked per deployment */
    ValidatingDeployer(ExpressionCheck expressions, Supplier<Map<String, Set<String>>> taskProperties) {
        this.expressions = expressions;
        this.taskProperties = taskProperties;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        Map<String, byte[]> resources = new HashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        List<Violation> violations = new ArrayList<>(
                new DeploymentRules(expressions, deployedForms(deployment.getTenantId()), taskProperties.get())
                        .check(resources));
        if (deployment.getTenantId() != null) {
            // One model for every employer: a version for one tenant would make the process key ambiguous for the
            // platform's own starts and could be deployed by someone who does not serve that employer.
            violations.add(new Violation("tenant-id", "models are shared by all employers; deploy without a tenant"));
        }
        if (!violations.isEmpty()) {
            LOG.warn("Deployment '{}' refused: {}", deployment.getName(), violations);
            throw new RuleViolationException(violations);
        }
    }

    private static DeploymentRules.DeployedForms deployedForms(String tenantId) {
        return (formKey, binding, version) -> {
            CamundaFormDefinitionManager forms = Context.getCommandContext().getCamundaFormDefinitionManager();
            return switch (binding) {
                case "version" -> version.matches("\\d{1,9}") && forms.findDefinitionByKeyVersionAndTenantId(
                        formKey, Integer.valueOf(version), tenantId) != null;
                case "versionTag" -> forms.findDefinitionByKeyVersionTagAndTenantId(formKey, version, tenantId) != null;
                default -> forms.findLatestDefinitionByKeyAndTenantId(formKey, tenantId) != null;
            };
        };
    }
}
