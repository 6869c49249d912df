package nl.spoorwijzer.identity;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
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
        return tenantId;
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
