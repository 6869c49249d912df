package nl.spoorwijzer.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Gives the engine the guarded task, form and runtime services, so Tasklist, Cockpit, /engine-rest and Java callers
 * all go through the same server-side form validation, and refuses bulk deletions of cases by people (the Spring
 * Boot starter picks up plugin beans).
 */
@Component
class SubmissionGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        SubmissionGuard guard = new SubmissionGuard(configuration);
        configuration.setTaskService(new GuardedTaskService(guard));
        configuration.setFormService(new GuardedFormService(guard));
        configuration.setRuntimeService(new GuardedRuntimeService(guard));
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new BulkCaseDeletionRefusal(guard));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
