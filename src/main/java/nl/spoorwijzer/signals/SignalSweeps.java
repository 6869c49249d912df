package nl.spoorwijzer.signals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.spoorwijzer.process.LegalTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly signal runs. Follow-up: every open task whose follow-up (warning) date has come and whose deadline has
 * not yet passed gets its one {@link SignalKind#FOLLOW_UP} signal — found by one query over Camunda's open tasks and
 * the signals already queued, queued in batches. Digest: one job per user with lines waiting. Both queue jobs only;
 * the mails go out through the job executor. Safe on two nodes: a signal is claimed once in signal_sent.
 */
@Component
public class SignalSweeps {

    private static final Logger LOG = LoggerFactory.getLogger(SignalSweeps.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final ProcessEngine engine;
    private final SignalQueue queue;
    private final LegalTime time;
    private final Clock clock;

    SignalSweeps(JdbcTemplate jdbc, ProcessEngine engine, SignalQueue queue, LegalTime time, Clock clock) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.queue = queue;
        this.time = time;
        this.clock = clock;
    }

    private record DueTask(String taskId, String name, Timestamp due, String tenantId, String caseId,
                           String definitionId, String definitionKey) {
    }

    /** Queues the follow-up signal of every task whose follow-up date has come; returns how many. */
    @Scheduled(cron = "${spoorwijzer.mail.follow-up-cron:0 15 6 * * *}", zone = "${spoorwijzer.zone:Europe/Amsterdam}")
    public int queueFollowUps() {
        Timestamp now = Timestamp.from(clock.instant());
        List<DueTask> due = jdbc.query("""
                SELECT t.ID_, t.NAME_, t.DUE_DATE_, t.TENANT_ID_, p.BUSINESS_KEY_, t.PROC_DEF_ID_, d.KEY_
                FROM ACT_RU_TASK t
                JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_
                JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
                WHERE t.FOLLOW_UP_DATE_ <= ? AND t.DUE_DATE_ > ?
                  AND NOT EXISTS (SELECT 1 FROM signal_sent s WHERE s.subject_id = t.ID_ AND s.kind = 'FOLLOW_UP')""",
                (row, n) -> new DueTask(row.getString(1), row.getString(2), row.getTimestamp(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7)), now, now);
        int queued = 0;
        for (int from = 0; from < due.size(); from += BATCH) {
            List<DueTask> batch = due.subList(from, Math.min(from + BATCH, due.size()));
            queued += commands().execute(context -> (int) batch.stream().filter(task -> queue.queue(
                    new Signal(SignalKind.FOLLOW_UP, task.taskId(), task.taskId(), task.caseId(), task.tenantId(),
                            task.name(), time.dayOf(task.due()).toString(), null),
                    task.definitionId(), task.definitionKey())).count());
        }
        if (queued > 0) {
            LOG.info("Signalen: {} herinneringen (opvolgdatum bereikt) klaargezet", queued);
        }
        return queued;
    }

    /** Queues today's digest of every user with lines waiting; returns how many users. */
    @Scheduled(cron = "${spoorwijzer.mail.digest-cron:0 30 6 * * *}", zone = "${spoorwijzer.zone:Europe/Amsterdam}")
    public int queueDigests() {
        LocalDate today = time.today();
        List<String> users = jdbc.queryForList("SELECT DISTINCT user_id FROM signal_digest", String.class);
        int queued = 0;
        for (int from = 0; from < users.size(); from += BATCH) {
            List<String> batch = users.subList(from, Math.min(from + BATCH, users.size()));
            queued += commands().execute(context -> (int) batch.stream()
                    .filter(user -> queue.queue(Signal.digest(user, today.toString()), null, null)).count());
        }
        if (queued > 0) {
            LOG.info("Signalen: {} dagoverzichten klaargezet", queued);
        }
        return queued;
    }

    private CommandExecutor commands() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }
}
