package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierRepository;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The installation decides how long history stays (spoorwijzer.retention.history-days, here 3 days): every model
 * gets that retention, Camunda's cleanup removes a finished case's history after it, and the dossier stays.
 */
// Its own in-memory database: the retention it sets must not leak into other test contexts of this JVM.
@SpringBootTest(properties = {"spoorwijzer.retention.history-days=3",
        "spring.datasource.url=jdbc:h2:mem:spoorwijzer-retention-test;DB_CLOSE_DELAY=-1"})
class HistoryRetentionTest {

    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyModelGetsTheConfiguredRetention() {
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
                .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(3));
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list())
                .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(3));
    }

    @Test
    void historyOfAnEndedCaseIsCleanedUpAfterTheRetentionButTheDossierStays() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(start));
        String caseId = "ZV-RETENTION-1";
        String instance = engine.getRuntimeService().startProcessInstanceByKey("poortwachter", caseId, Map.of(
                "werknemerId", "retention-employee", "werkgeverId", "acme-bouw",
                "eersteZiektedag", start.atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate().toString()))
                .getId();
        engine.getRuntimeService().deleteProcessInstance(instance, "ended");
        int dossierEntries = dossier.findByCase(caseId).size();
        assertThat(dossierEntries).isPositive();

        ClockUtil.setCurrentTime(Date.from(start.plus(2, ChronoUnit.DAYS)));
        runHistoryCleanup();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).count())
                .as("within the retention").isEqualTo(1);

        ClockUtil.setCurrentTime(Date.from(start.plus(4, ChronoUnit.DAYS)));
        runHistoryCleanup();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).count())
                .as("after the retention").isZero();
        assertThat(dossier.findByCase(caseId)).as("the dossier has its own policy").hasSize(dossierEntries);
    }

    private void runHistoryCleanup() {
        for (Job job : engine.getHistoryService().findHistoryCleanupJobs()) {
            engine.getManagementService().deleteJob(job.getId());
        }
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(cleanup.getId());
    }
}
