package nl.spoorwijzer.signals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.system.ScheduledRuns;
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
 * the signals already queued, claimed and queued in batches (one batch insert of claims and one of jobs each).
 * Digest: one job per user with lines waiting. Both queue jobs only; the mails go out through the job executor. One
 * node of a cluster runs each sweep: it takes the sweep's lease in {@code scheduled_run} ({@link ScheduledRuns}); and a
 * signal is claimed once in signal_sent. Each run's duration is the timer {@value #TIMER} (tag {@code sweep}).
 */
@Component
public class SignalSweeps {

    static final String TIMER = "spoorwijzer.signals.sweep";
    static final String FOLLOW_UP_RUN = "signal-follow-up-sweep";
    static final String DIGEST_RUN = "signal-digest-sweep";
    private static final Logger LOG = LoggerFactory.getLogger(SignalSweeps.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final ProcessEngine engine;
    private final SignalQueue queue;
    private final SignalLedger ledger;
    private final ScheduledRuns runs;
    private final MailSettings settings;
    private final LegalTime time;
    private final Clock clock;
    private final Timer followUpTimer;
    private final Timer digestTimer;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    SignalSweeps(JdbcTemplate jdbc, ProcessEngine engine, SignalQueue queue, SignalLedger ledger, ScheduledRuns runs,
                 MailSettings settings, LegalTime time, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.queue = queue;
        this.ledger = ledger;
        this.runs = runs;
        this.settings = settings;
        this.time = time;
        this.clock = clock;
        this.followUpTimer = timer(meters, "follow-up");
        this.digestTimer = timer(meters, "digest");
    }

    private static Timer timer(MeterRegistry meters, String sweep) {
        return Timer.builder(TIMER).tag("sweep", sweep)
                .description("Duration of a nightly signal sweep (finding and queueing the signals, not sending)")
                .register(meters);
    }

    private record DueTask(String taskId, String name, Timestamp due, String tenantId, String caseId,
                           String definitionId, String definitionKey) {
    }

    /** Queues the follow-up signal of every task whose follow-up date has come; how many, -1 when another node runs. */
    @Scheduled(cron = "${spoorwijzer.mail.follow-up-cron:0 15 6 * * *}", zone = "${spoorwijzer.zone:Europe/Amsterdam}")
    public int queueFollowUps() {
        return leased(FOLLOW_UP_RUN, followUpTimer, this::followUps, "herinneringen (opvolgdatum bereikt)");
    }

    /** Queues today's digest of every user with lines waiting; how many users, -1 when another node runs it. */
    @Scheduled(cron = "${spoorwijzer.mail.digest-cron:0 30 6 * * *}", zone = "${spoorwijzer.zone:Europe/Amsterdam}")
    public int queueDigests() {
        return leased(DIGEST_RUN, digestTimer, this::digests, "dagoverzichten");
    }

    private int leased(String run, Timer timer, IntSupplier sweep, String what) {
        OffsetDateTime start = OffsetDateTime.now(clock);
        if (!runs.takeLease(run, node, start, start.plusMinutes(settings.sweepLockMinutes()))) {
            LOG.info("Signalen: {} loopt al op een andere node", run);
            return -1;
        }
        long began = System.nanoTime();
        int queued = 0;
        try {
            queued = sweep.getAsInt();
            return queued;
        } finally {
            long nanos = System.nanoTime() - began;
            timer.record(nanos, TimeUnit.NANOSECONDS);
            runs.releaseLease(run, node, OffsetDateTime.now(clock), queued, nanos / 1_000_000);
            if (queued > 0) {
                LOG.info("Signalen: {} {} klaargezet in {} ms", queued, what, nanos / 1_000_000);
            }
        }
    }

    private int followUps() {
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
        if (!settings.enabled()) {
            return 0;
        }
        int queued = 0;
        for (int from = 0; from < due.size(); from += BATCH) {
            List<DueTask> batch = due.subList(from, Math.min(from + BATCH, due.size()));
            try {
                queued += commands().execute(context -> queueFollowUps(batch, ledger::claimBatch));
            } catch (RuntimeException claimedMeanwhile) { // rolled back: once more, conflict-safe row by row
                queued += commands().execute(context -> queueFollowUps(batch, ledger::claimAll));
            }
        }
        return queued;
    }

    private int queueFollowUps(List<DueTask> batch,
                               BiFunction<List<SignalLedger.Claim>, OffsetDateTime, boolean[]> claim) {
        List<SignalLedger.Claim> claims = new ArrayList<>(batch.size());
        batch.forEach(task -> claims.add(new SignalLedger.Claim(task.taskId(), SignalKind.FOLLOW_UP, task.caseId())));
        boolean[] claimed = claim.apply(claims, OffsetDateTime.now(clock));
        int count = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (claimed[i]) {
                DueTask task = batch.get(i);
                queue.queueClaimed(new Signal(SignalKind.FOLLOW_UP, task.taskId(), task.taskId(), task.caseId(),
                        task.tenantId(), task.name(), time.dayOf(task.due()).toString(), null, null),
                        task.definitionId(), task.definitionKey());
                count++;
            }
        }
        return count;
    }

    private int digests() {
        LocalDate today = time.today();
        List<String> users = jdbc.queryForList("SELECT DISTINCT user_id FROM signal_digest", String.class);
        int queued = 0;
        for (int from = 0; from < users.size(); from += BATCH) {
            List<String> batch = users.subList(from, Math.min(from + BATCH, users.size()));
            queued += commands().execute(context -> (int) batch.stream()
                    .filter(user -> queue.queue(Signal.digest(user, today.toString()), null, null)).count());
        }
        return queued;
    }

    private CommandExecutor commands() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }
}
