package nl.spoorwijzer.signals;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import nl.spoorwijzer.system.RetentionSettings;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once per database: the history that signal jobs wrote before {@link SignalJobHistory} gave it a removal time — the
 * job logs of signal mails, their failures' stack traces, and the incidents of mails that kept failing — gets the
 * removal time it would get today ({@code spoorwijzer.retention.history-days} after it was written), so the
 * night-time history cleanup removes it too. Camunda has no API to set a removal time on history that belongs to no
 * process instance, so the rows are updated directly, in pages, each page in a transaction of its own; what is left
 * by a stop is done at the next start (the marker is set only when all is done). Each page starts after the last id
 * of the one before, so a large job log is read once; nodes starting together may both do it and both set the marker.
 */
@Component
@Order(5)
class SignalHistoryUpgrade implements ApplicationRunner {

    static final String DONE = "spoorwijzer.signal-history-removal-times";

    static final int PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SignalHistoryUpgrade.class);

    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int historyDays;
    private final int pageSize;

    @Autowired
    SignalHistoryUpgrade(ManagementService management, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                         RetentionSettings retention) {
        this(management, jdbc, transactions, retention, PAGE);
    }

    SignalHistoryUpgrade(ManagementService management, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                         RetentionSettings retention, int pageSize) {
        this.pageSize = pageSize;
        this.management = management;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.historyDays = retention.historyDays();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (management.getProperties().containsKey(DONE)) {
            return;
        }
        int logs = giveJobLogsARemovalTime();
        int incidents = giveIncidentsARemovalTime();
        if (logs + incidents > 0) {
            LOG.info("Signal history without a removal time: {} job log entries and {} incidents now have one", logs,
                    incidents);
        }
        try {
            management.setProperty(DONE, "1");
        } catch (ProcessEngineException e) {
            // Another node started at the same time and set the marker first: the work is done either way.
            if (!management.getProperties().containsKey(DONE)) {
                throw e;
            }
            LOG.debug("Signal history upgrade marker was set by another node", e);
        }
    }

    /** The signal jobs' log entries (and their stack traces) without a removal time; answers how many. */
    int giveJobLogsARemovalTime() {
        int done = 0;
        List<Row> page;
        String after = "";
        while (!(page = jobLogs(after)).isEmpty()) {
            List<Row> rows = page;
            after = page.get(page.size() - 1).id();
            transactions.executeWithoutResult(tx -> rows.forEach(row -> {
                Timestamp removal = removalTime(row.written());
                jdbc.update("UPDATE ACT_HI_JOB_LOG SET REMOVAL_TIME_ = ? WHERE ID_ = ?", removal, row.id());
                if (row.stackTraceId() != null) {
                    jdbc.update("UPDATE ACT_GE_BYTEARRAY SET REMOVAL_TIME_ = ? WHERE ID_ = ? AND REMOVAL_TIME_ IS NULL",
                            removal, row.stackTraceId());
                }
            }));
            done += page.size();
        }
        return done;
    }

    /**
     * The incidents of signal jobs without a removal time: failed-job incidents of no process instance whose job (its
     * id is the incident's configuration) is a signal job, still running or in the job log; answers how many.
     */
    int giveIncidentsARemovalTime() {
        int done = 0;
        List<Row> page;
        String after = "";
        while (!(page = incidents(after)).isEmpty()) {
            List<Row> rows = page;
            after = page.get(page.size() - 1).id();
            transactions.executeWithoutResult(tx -> rows.forEach(row -> jdbc.update(
                    "UPDATE ACT_HI_INCIDENT SET REMOVAL_TIME_ = ? WHERE ID_ = ?", removalTime(row.written()),
                    row.id())));
            done += page.size();
        }
        return done;
    }

    /** The next page after the id {@code after} (keyset paging: each page starts where the last one ended). */
    private List<Row> jobLogs(String after) {
        return jdbc.query("""
                SELECT ID_, TIMESTAMP_, JOB_EXCEPTION_STACK_ID_ FROM ACT_HI_JOB_LOG
                WHERE JOB_DEF_TYPE_ = ? AND REMOVAL_TIME_ IS NULL AND TIMESTAMP_ IS NOT NULL AND ID_ > ?
                ORDER BY ID_ FETCH FIRST %d ROWS ONLY""".formatted(pageSize), (rs, n) -> new Row(rs.getString(1),
                rs.getTimestamp(2), rs.getString(3)), SignalJobHandler.TYPE, after);
    }

    private List<Row> incidents(String after) {
        return jdbc.query("""
                SELECT i.ID_, i.CREATE_TIME_ FROM ACT_HI_INCIDENT i
                WHERE i.REMOVAL_TIME_ IS NULL AND i.CREATE_TIME_ IS NOT NULL AND i.INCIDENT_TYPE_ = 'failedJob'
                  AND i.PROC_INST_ID_ IS NULL AND i.CONFIGURATION_ IS NOT NULL
                  AND (EXISTS (SELECT 1 FROM ACT_HI_JOB_LOG l WHERE l.JOB_ID_ = i.CONFIGURATION_ AND l.JOB_DEF_TYPE_ = ?)
                       OR EXISTS (SELECT 1 FROM ACT_RU_JOB j WHERE j.ID_ = i.CONFIGURATION_ AND j.HANDLER_TYPE_ = ?))
                  AND i.ID_ > ?
                ORDER BY i.ID_ FETCH FIRST %d ROWS ONLY""".formatted(pageSize), (rs, n) -> new Row(rs.getString(1),
                rs.getTimestamp(2), null), SignalJobHandler.TYPE, SignalJobHandler.TYPE, after);
    }

    private Timestamp removalTime(Date written) {
        return new Timestamp(DefaultHistoryRemovalTimeProvider.determineRemovalTime(written, historyDays).getTime());
    }

    private record Row(String id, Date written, String stackTraceId) {
    }
}
