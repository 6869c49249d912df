package nl.spoorwijzer.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Once per database: the cases from before the deadline read model get their rows and their next deadline (open tasks
 * and milestones still to come), each case in an engine command of its own, as a step of the case would. Idempotent:
 * only cases without rows are read, and the run is marked done in the engine's properties. The cases are read in
 * order of their id, page after page, each tried once: a case that cannot be filled (unreadable, or no legal deadline
 * yet) neither stops the run nor is met again. A second run, marked apart, gives the cases filled before the bureau's
 * reports were in the read model their report rows (open cases in spoor 2, cases whose dossier holds a report).
 */
@Component
@Order(4)
public class CaseDeadlineBackfill implements ApplicationRunner {

    static final String DONE = "spoorwijzer.case-deadlines";
    static final String BUREAU_REPORTS_DONE = "spoorwijzer.case-deadlines.bureau-reports";
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CaseDeadlineBackfill.class);

    private final ManagementService management;
    private final ProcessEngineConfigurationImpl configuration;
    private final CaseDeadlineRepository rows;
    private final CaseDeadlines deadlines;
    private final CaseProgress progress;
    private final int batch;

    @Autowired
    CaseDeadlineBackfill(ManagementService management, ProcessEngineConfigurationImpl configuration,
                         CaseDeadlineRepository rows, CaseDeadlines deadlines, CaseProgress progress) {
        this(management, configuration, rows, deadlines, progress, BATCH);
    }

    CaseDeadlineBackfill(ManagementService management, ProcessEngineConfigurationImpl configuration,
                         CaseDeadlineRepository rows, CaseDeadlines deadlines, CaseProgress progress, int batch) {
        this.batch = batch;
        this.management = management;
        this.configuration = configuration;
        this.rows = rows;
        this.deadlines = deadlines;
        this.progress = progress;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, String> properties = management.getProperties();
        if (!properties.containsKey(DONE)) {
            LOG.info("Filled the legal deadlines of {} existing cases", fillMissing());
            management.setProperty(DONE, "1");
            // every case filled now has its reports too
            management.setProperty(BUREAU_REPORTS_DONE, "1");
        } else if (!properties.containsKey(BUREAU_REPORTS_DONE)) {
            LOG.info("Filled the bureau's reports of {} existing cases", fillBureauReports());
            management.setProperty(BUREAU_REPORTS_DONE, "1");
        }
    }

    /** Fills every case without rows; answers how many cases it filled without an error. */
    public int fillMissing() {
        return fill(rows::casesWithoutDeadlines);
    }

    /** Rewrites the cases that may have a bureau's report but no row for one; answers how many without an error. */
    public int fillBureauReports() {
        return fill(rows::casesWithoutBureauReports);
    }

    private int fill(BiFunction<String, Integer, List<String>> pageAfter) {
        int filled = 0;
        String after = null;
        for (List<String> page = pageAfter.apply(after, batch); !page.isEmpty();
             page = pageAfter.apply(after, batch)) {
            for (String caseId : page) {
                try {
                    configuration.getCommandExecutorTxRequired().execute(context -> {
                        deadlines.refresh(caseId);
                        progress.refresh(caseId);
                        return null;
                    });
                    filled++;
                } catch (RuntimeException unreadable) {
                    // One old case the read model cannot follow must not keep the platform from starting.
                    LOG.warn("Legal deadlines of case {} not filled: {}", caseId, unreadable.toString());
                }
            }
            after = page.get(page.size() - 1);
        }
        return filled;
    }
}
