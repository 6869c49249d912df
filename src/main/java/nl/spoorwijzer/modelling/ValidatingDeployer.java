package nl.spoorwijzer.modelling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.spoorwijzer.modelling.DeploymentRules.DeployedVersion;
import nl.spoorwijzer.process.AsPlatform;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a new deployment against the {@link DeploymentRules} before any of Camunda's deployers parses it — the
 * BPMN deployer already evaluates timer start events, so a model must be checked before it is parsed. A refusal
 * throws out of the deploy command: the transaction rolls back and nothing is deployed. Deployments read back from
 * the database (cache misses after a restart) are not new and were checked when they were made. A deployment with a
 * tenant id is an employer's own protocol (issue 28): for an existing employer only, under the same rules, and it keeps
 * the legal steps of the shared models ({@link LegalCore}). Who may deploy is Camunda's DEPLOYMENT CREATE (the
 * procesbeheerder, for every employer: Camunda applies no tenant check to a new deployment).
 */
final class ValidatingDeployer implements Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(ValidatingDeployer.class);
    private static final Comparator<DeployedVersion> NEWEST_FIRST =
            Comparator.comparingInt(DeployedVersion::version).reversed();

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
        String tenantId = deployment.getTenantId();
        List<Violation> violations = new ArrayList<>();
        if (tenantId != null && !isEmployer(tenantId)) {
            violations.add(new Violation("tenant-id", "'" + abbreviated(tenantId) + "' is not an employer (tenant)"
                    + " of the platform; leave it empty to deploy for every employer"));
        } else {
            // For one employer: the employer's own protocol, checked against the shared models it varies on.
            violations.addAll(new DeploymentRules(expressions, deployed(tenantId), taskProperties.get(),
                    tenantId == null ? null : deployed(null)).check(resources));
        }
        if (!violations.isEmpty()) {
            LOG.warn("Deployment '{}' refused: {}", deployment.getName(), violations);
            throw new RuleViolationException(violations);
        }
    }

    /**
     * The versions deployed for the deployment's tenant (shared ones when it has none), read without authorization
     * and tenant check: the procesbeheerder deploys for an employer whose cases she may not see.
     */
    static DeploymentRules.Deployed deployed(String tenantId) {
        Map<String, List<DeployedVersion>> read = new HashMap<>();
        return (kind, key) -> read.computeIfAbsent(kind + "/" + key, ignored -> AsPlatform.inCommand(
                () -> switch (kind) {
                    case PROCESS -> processes(key, tenantId);
                    case DECISION -> decisions(key, tenantId);
                    case FORM -> forms(key, tenantId);
                }));
    }

    /** Each employer is a Camunda tenant (identity/). */
    private static boolean isEmployer(String tenantId) {
        return AsPlatform.inCommand(() -> Context.getCommandContext().getReadOnlyIdentityProvider()
                .findTenantById(tenantId) != null);
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static List<DeployedVersion> processes(String key, String tenantId) {
        ProcessDefinitionQueryImpl query = new ProcessDefinitionQueryImpl();
        query.processDefinitionKey(key);
        if (tenantId == null) {
            query.withoutTenantId();
        } else {
            query.tenantIdIn(tenantId);
        }
        return Context.getCommandContext().getProcessDefinitionManager().findProcessDefinitionsByQueryCriteria(query,
                        null).stream()
                .map(definition -> version(definition.getVersion(), definition.getVersionTag(),
                        definition.getDeploymentId(), definition.getResourceName()))
                .sorted(NEWEST_FIRST).toList();
    }

    private static List<DeployedVersion> decisions(String key, String tenantId) {
        DecisionDefinitionQueryImpl query = new DecisionDefinitionQueryImpl();
        query.decisionDefinitionKey(key);
        if (tenantId == null) {
            query.withoutTenantId();
        } else {
            query.tenantIdIn(tenantId);
        }
        return Context.getCommandContext().getDecisionDefinitionManager().findDecisionDefinitionsByQueryCriteria(
                        query, null).stream()
                .map(definition -> version(definition.getVersion(), definition.getVersionTag(),
                        definition.getDeploymentId(), definition.getResourceName()))
                .sorted(NEWEST_FIRST).toList();
    }

    /** Camunda has no query for forms: from the latest version down, each version that is still deployed. */
    private static List<DeployedVersion> forms(String key, String tenantId) {
        CamundaFormDefinitionManager forms = Context.getCommandContext().getCamundaFormDefinitionManager();
        CamundaFormDefinitionEntity latest = forms.findLatestDefinitionByKeyAndTenantId(key, tenantId);
        List<DeployedVersion> versions = new ArrayList<>();
        for (int number = latest == null ? 0 : latest.getVersion(); number > 0; number--) {
            CamundaFormDefinitionEntity form = forms.findDefinitionByKeyVersionAndTenantId(key, number, tenantId);
            if (form != null) {
                versions.add(version(number, null, form.getDeploymentId(), form.getResourceName()));
            }
        }
        return versions;
    }

    private static DeployedVersion version(int number, String versionTag, String deploymentId, String resourceName) {
        return new DeployedVersion(number, versionTag, () -> {
            ResourceEntity resource = Context.getCommandContext().getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(deploymentId, resourceName);
            return resource == null ? new byte[0] : resource.getBytes();
        });
    }
}
