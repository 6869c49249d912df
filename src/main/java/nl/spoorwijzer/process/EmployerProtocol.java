package nl.spoorwijzer.process;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.springframework.stereotype.Component;

/**
 * An employer's own protocol (issue 28): a version of a model deployed for that employer's tenant, with the shared
 * (tenant-less) model as the fallback. Camunda itself does not fall back: a start by key sees the shared and the
 * tenant's latest version side by side and refuses (multiple tenants), and a call activity or business rule task looks
 * only in its own definition's tenant. So a new case starts here, and a model names its called process or decision's
 * tenant with {@code camunda:calledElementTenantId="${employerProtocol.tenant(execution, 'spoor-2-traject')}"}
 * (likewise {@code camunda:decisionRefTenantId}): the case's employer when it has its own version, else none (the
 * shared one). Running cases stay on the version they run on.
 */
@Component("employerProtocol")
public class EmployerProtocol {

    private final RuntimeService runtimeService;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    public EmployerProtocol(RuntimeService runtimeService, ProcessEngineConfigurationImpl engineConfiguration) {
        this.runtimeService = runtimeService;
        this.engineConfiguration = engineConfiguration;
    }

    /** Starts {@code processKey} on the employer's own latest version when it has one, else on the shared one. */
    public ProcessInstance start(String processKey, String employer, String businessKey,
                                 Map<String, Object> variables) {
        String tenant = engineConfiguration.getCommandExecutorTxRequired()
                .execute(context -> ownVersionTenant(context, processKey, employer));
        ProcessInstantiationBuilder start = runtimeService.createProcessInstanceByKey(processKey)
                .businessKey(businessKey).setVariables(variables);
        return (tenant == null ? start.processDefinitionWithoutTenantId() : start.processDefinitionTenantId(tenant))
                .execute();
    }

    /**
     * For a model: the tenant whose version of {@code key} (a process or a decision) the case uses — its employer's
     * when the employer has its own, else null (the shared version).
     */
    public String tenant(DelegateExecution execution, String key) {
        return ownVersionTenant(Context.getCommandContext(), key, execution.getTenantId());
    }

    private static String ownVersionTenant(CommandContext context, String key, String employer) {
        if (employer == null || key == null) {
            return null;
        }
        boolean ownProcess = context.getProcessDefinitionManager()
                .findLatestProcessDefinitionByKeyAndTenantId(key, employer) != null;
        boolean ownDecision = !ownProcess && context.getDecisionDefinitionManager()
                .findLatestDecisionDefinitionByKeyAndTenantId(key, employer) != null;
        return ownProcess || ownDecision ? employer : null;
    }
}
