package nl.spoorwijzer.modelling;

import java.util.List;
import nl.spoorwijzer.process.AsPlatform;
import nl.spoorwijzer.system.Refusal;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Who may delete a deployment or process definition that cases use, checked inside the engine's own delete (so it
 * holds for /engine-rest, Cockpit and Java alike):
 * <ul>
 *   <li>nothing uses it (no running or finished process instance, no recorded decision) — whoever the engine's
 *       authorizations allow (the procesbeheerder may delete DEPLOYMENT);</li>
 *   <li>cases use it, without cascade — the administrator (camunda-admin) only; the cases' history stays;</li>
 *   <li>cases use it, with cascade (the cases are deleted with it) — only through the confirmed, audited platform
 *       endpoint {@code DELETE /api/deployments/{id}?cascade=true&confirm={id}&reason=…}, never through /engine-rest.</li>
 * </ul>
 */
final class DeletionPolicy {

    /** How many cases (and decision evaluations) use a deployment or definition. */
    record Usage(long running, long historic, long decisions) {
        boolean none() {
            return running == 0 && historic == 0 && decisions == 0;
        }

        long finished() {
            return Math.max(0, historic - running);
        }

        @Override
        public String toString() {
            return running + " running and " + finished() + " finished cases"
                    + (decisions > 0 ? " and " + decisions + " recorded decisions" : "");
        }
    }

    private DeletionPolicy() {
    }

    static void checkDeployment(CommandContext context, String deploymentId, boolean cascade) {
        List<String> processes = context.getProcessDefinitionManager().findProcessDefinitionsByDeploymentId(deploymentId)
                .stream().map(ProcessDefinition::getId).toList();
        List<String> decisions = context.getDecisionDefinitionManager().findDecisionDefinitionByDeploymentId(deploymentId)
                .stream().map(DecisionDefinition::getId).toList();
        check(context, deploymentId, "deployment '" + deploymentId + "'", usage(context, processes, decisions),
                cascade);
    }

    static void checkProcessDefinition(CommandContext context, ProcessDefinition definition, boolean cascade) {
        check(context, definition.getDeploymentId(), "process definition '" + definition.getId() + "'",
                usage(context, List.of(definition.getId()), List.of()), cascade);
    }

    private static void check(CommandContext context, String deploymentId, String what, Usage usage,
                              boolean cascade) {
        if (usage.none()) {
            return;
        }
        if (cascade) {
            if (DeletionConfirmation.covers(deploymentId)) {
                return;
            }
            throw new RuleViolationException(List.of(new Violation("cascade", what + " is used by "
                    + usedBy(context, usage) + "; deleting it with its cases is possible only for the administrator,"
                    + " with confirmation and reason, through DELETE /api/deployments/{id}?cascade=true")), Refusal.CONFLICT);
        }
        if (!isAdministratorOrPlatform(context)) {
            throw new RuleViolationException(List.of(new Violation("deploymentId", what + " is used by "
                    + usedBy(context, usage) + "; only the administrator may delete it")), Refusal.CONFLICT);
        }
    }

    /** The counts span every employer, so only the administrator learns them; others learn that cases exist. */
    private static String usedBy(CommandContext context, Usage usage) {
        return isAdministratorOrPlatform(context) ? usage.toString() : "cases";
    }

    /** The administrator, or the platform's own code running without a user. */
    private static boolean isAdministratorOrPlatform(CommandContext context) {
        Authentication authentication = context.getAuthentication();
        return authentication == null || authentication.getUserId() == null
                || context.getAuthorizationManager().isCamundaAdmin(authentication);
    }

    /** Counted over all tenants and without the caller's authorizations: a case the caller cannot see still counts. */
    static Usage usage(CommandContext context, List<String> processDefinitionIds, List<String> decisionDefinitionIds) {
        return AsPlatform.inCommand(() -> {
            long running = 0;
            long historic = 0;
            for (String id : processDefinitionIds) {
                running += context.getExecutionManager().findProcessInstanceCountByQueryCriteria(
                        new ProcessInstanceQueryImpl().processDefinitionId(id));
                historic += context.getHistoricProcessInstanceManager().findHistoricProcessInstanceCountByQueryCriteria(
                        (HistoricProcessInstanceQueryImpl) new HistoricProcessInstanceQueryImpl().processDefinitionId(id));
            }
            long decisions = decisionDefinitionIds.isEmpty() ? 0 : context.getHistoricDecisionInstanceManager()
                    .findHistoricDecisionInstanceCountByQueryCriteria((HistoricDecisionInstanceQueryImpl)
                            new HistoricDecisionInstanceQueryImpl().decisionDefinitionIdIn(
                                    decisionDefinitionIds.toArray(String[]::new)));
            return new Usage(running, historic, decisions);
        });
    }
}
