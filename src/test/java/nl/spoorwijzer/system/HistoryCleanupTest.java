package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Camunda's history cleanup is scheduled in a night window, so it never competes with case handlers. */
@SpringBootTest
class HistoryCleanupTest {

    @Autowired ProcessEngine engine;

    @Test
    void historyCleanupRunsOnlyAtNight() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("poortwachter")
                .latestVersion().singleResult().getHistoryTimeToLive()).as("days of history after a case ends")
                .isEqualTo(730);
    }
}
