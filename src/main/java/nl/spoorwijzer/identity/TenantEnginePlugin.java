package nl.spoorwijzer.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Multi-tenancy and task permissions: cases get their employer's tenant, and a candidate or assignee of a task may
 * claim and complete it (TASK_WORK) but not reassign or change it (UPDATE), and reads the case's history only as a
 * party of it ({@link TaskGrants}); authorization checks without a scan of all authorizations
 * ({@link CallerGroupsAuthorizationManager}); queries that filter by variable values only for the administrator
 * ({@link VariableFilterGuard}).
 */
@Component
class TenantEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new EmployerTenantIdProvider());
        configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
        configuration.setResourceAuthorizationProvider(new TaskGrants());
        List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        sessionFactories.add(new CallerGroupsAuthorizationManager.Factory());
        configuration.setCustomSessionFactories(sessionFactories);
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new VariableFilterGuard(configuration::getIdentityService));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
