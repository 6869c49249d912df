package nl.spoorwijzer.system;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Applies the configured retention ({@code spoorwijzer.retention.history-days}) to every deployed process and
 * decision definition at start-up (after the auto-deployment, which happens while the engine is built, and before
 * any lifecycle bean such as the demo cases starts a case), so the models' own
 * {@code historyTimeToLive} is a default and the installation decides. A process owner's new version deployed at
 * runtime keeps its own value until the next start.
 */
@Component
class HistoryRetention implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repositoryService;
    private final RetentionSettings settings;

    HistoryRetention(RepositoryService repositoryService, RetentionSettings settings) {
        this.repositoryService = repositoryService;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int days = settings.historyDays();
        int changed = 0;
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().list()) {
            if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
                repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery().list()) {
            if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
                repositoryService.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        if (changed > 0) {
            LOG.info("History retention set to {} days on {} definitions (spoorwijzer.retention.history-days)",
                    days, changed);
        }
    }
}
