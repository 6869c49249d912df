package nl.spoorwijzer.migration;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link MigrationHook} to whatever history handler the other plugins configured (postInit: after them all,
 * whatever their order); the engine looks the handler up for every event.
 */
@Component
class MigrationEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<MigratedCaseFollowUp> followUp;

    MigrationEnginePlugin(ObjectProvider<MigratedCaseFollowUp> followUp) {
        this.followUp = followUp;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new CompositeHistoryEventHandler(configuration.getHistoryEventHandler(),
                new MigrationHook(followUp)));
    }
}
