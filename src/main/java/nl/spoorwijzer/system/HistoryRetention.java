package nl.spoorwijzer.system;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies the configured retention ({@code spoorwijzer.retention.history-days}) to every deployed process and
 * decision definition at start-up (after the auto-deployment, before roles and demo cases), so the models' own
 * {@code historyTimeToLive} is a default and the installation decides. A process owner's new version deployed at
 * runtime keeps its own value until the next start.
 */
@Component
@Order(0)
class HistoryRetention implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repositoryService;
    private final RetentionSettings settings;

    HistoryRetention(RepositoryService repositoryService, RetentionSettings settings) {
        this.repositoryService = repositoryService;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
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
