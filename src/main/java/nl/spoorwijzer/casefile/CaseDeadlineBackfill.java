package nl.spoorwijzer.casefile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Once per database: the cases from before the deadline read model get their rows and their next deadline (open tasks
 * and milestones still to come), each case in an engine command of its own, as a step of the case would. Idempotent:
 * only cases without rows are read, and the run is marked done in the engine's properties.
 */
@Component
@Order(4)
public class CaseDeadlineBackfill implements ApplicationRunner {

    static final String DONE = "spoorwijzer.case-deadlines";
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CaseDeadlineBackfill.class);

    private final ManagementService management;
    private final ProcessEngineConfigurationImpl configuration;
    private final CaseDeadlineRepository rows;
    private final CaseDeadlines deadlines;
    private final CaseProgress progress;

    CaseDeadlineBackfill(ManagementService management, ProcessEngineConfigurationImpl configuration,
                         CaseDeadlineRepository rows, CaseDeadlines deadlines, CaseProgress progress) {
        this.management = management;
        this.configuration = configuration;
        this.rows = rows;
        this.deadlines = deadlines;
        this.progress = progress;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (management.getProperties().containsKey(DONE)) {
            return;
        }
        LOG.info("Filled the legal deadlines of {} existing cases", fillMissing());
        management.setProperty(DONE, "1");
    }

    /** Fills every case without rows; answers how many it filled. */
    public int fillMissing() {
        Set<String> seen = new HashSet<>();
        for (List<String> batch = rows.casesWithoutDeadlines(BATCH); seen.addAll(batch);
             batch = rows.casesWithoutDeadlines(BATCH)) {
            for (String caseId : batch) {
                try {
                    configuration.getCommandExecutorTxRequired().execute(context -> {
                        deadlines.refresh(caseId);
                        progress.refresh(caseId);
                        return null;
                    });
                } catch (RuntimeException unreadable) {
                    // One old case the read model cannot follow must not keep the platform from starting.
                    LOG.warn("Legal deadlines of case {} not filled: {}", caseId, unreadable.toString());
                }
            }
        }
        return seen.size();
    }
}
