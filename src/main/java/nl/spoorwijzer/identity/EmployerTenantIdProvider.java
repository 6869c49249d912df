package nl.spoorwijzer.identity;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Each employer is a tenant: a case gets its employer's tenant id ({@code werkgeverId}) when it starts, and every
 * process it calls inherits it. The models are deployed once for all tenants (shared definitions); an employer may
 * have its own protocol, a version deployed for its tenant only (process/EmployerProtocol).
 */
class EmployerTenantIdProvider implements TenantIdProvider {

    static final String EMPLOYER_VARIABLE = "werkgeverId";

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        Object employer = ctx.getVariables().get(EMPLOYER_VARIABLE);
        if (employer == null || employer.toString().isBlank()) {
            throw new BadUserRequestException("Werkgever: verplicht; elke zaak hoort bij één werkgever.");
        }
        String tenantId = employer.toString().trim();
        Authentication caller = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
        if (caller != null && caller.getUserId() != null && !EmployerRights.worksFor(caller, tenantId)) {
            throw new BadUserRequestException("Werkgever: u kunt alleen zaken starten voor een werkgever waarvoor"
                    + " u werkt (" + tenantId + " hoort daar niet bij).");
        }
        ownProtocolRefusal(ctx.getProcessDefinition().getKey(), tenantId, ctx.getProcessDefinition().getName());
        return tenantId;
    }

    /**
     * Only shared definitions ask for a tenant. An employer with its own version of the model starts its cases on
     * that version (process/EmployerProtocol does so for the case API); a start of the shared one — Tasklist's
     * <i>Start process</i> lists both to the employer's users, the REST API allows it — is refused, so that no case
     * of that employer quietly runs without its protocol.
     */
    private static void ownProtocolRefusal(String key, String tenantId, String name) {
        CommandContext command = Context.getCommandContext();
        if (command != null && command.getProcessDefinitionManager()
                .findLatestProcessDefinitionByKeyAndTenantId(key, tenantId) != null) {
            throw new BadUserRequestException("Werkgever: " + tenantId + " heeft een eigen protocol voor '"
                    + (name == null ? key : name) + "'; start de zaak op die versie (tenant " + tenantId
                    + ") of via het zaakscherm, niet op het gedeelde model.");
        }
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
    }
}
