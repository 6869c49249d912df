package nl.spoorwijzer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import nl.spoorwijzer.signals.SignalSweeps;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly signal run over N open cases (-Dbench.signals.cases, default 500), each with its first legal task open
 * and its follow-up date reached: the follow-up sweep's query, claims and queueing (timed by the sweep's own timer
 * {@code spoorwijzer.signals.sweep{sweep=follow-up}}), then the job executor's work of sending the signals (to the
 * log, no SMTP server). With -Dbench.signals.tasks=100000 the open tasks of those cases are copied in SQL to that
 * many open tasks at their follow-up date, for the sweep alone (a copy has no candidates, so its signal mails no
 * one; sending is measured on the N real cases). Not a test (no *Test/*IT name); run it alone with
 * {@code mvn -o test-compile failsafe:integration-test@default -Dit.test=SignalSweepBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.nl.spoorwijzer.signals.Outbox=WARN")
class SignalSweepBenchmark {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired ObjectMapper json;
    @Autowired SignalSweeps sweeps;
    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry meters;

    @Test
    void nightlyRunOverOpenCases() {
        int n = Integer.getInteger("bench.signals.cases", 500);
        int tasks = Integer.getInteger("bench.signals.tasks", 0);
        ApiCases cases = new ApiCases(new HttpTestClient(port), json, engine);
        LocalDate firstSickDay = LocalDate.of(2026, 4, 6);
        ApiCases.onDay(firstSickDay);
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String id = "bench-signal-" + i;
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setFirstName("Bench");
                user.setLastName(id);
                user.setEmail(id + "@example.org");
                identity.saveUser(user);
                identity.createMembership(id, "werknemer");
                identity.createTenantUserMembership("acme-bouw", id);
            }
            cases.report(id, firstSickDay);
        }
        System.out.printf("SIGNALS [%s] %d cases reported in %.0f s%n", BenchDatabase.name(), n,
                (System.nanoTime() - started) / 1e9);
        sendAll(); // the new-task signals of the sick reports
        int open = copyOpenTasksTo(tasks);
        ApiCases.onDay(firstSickDay.plusDays(1));

        Timer timer = meters.get("spoorwijzer.signals.sweep").tag("sweep", "follow-up").timer();
        double timedBefore = timer.totalTime(TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        int queued = sweeps.queueFollowUps();
        long sweepMs = (System.nanoTime() - start) / 1_000_000;
        double timedMs = timer.totalTime(TimeUnit.MILLISECONDS) - timedBefore;
        start = System.nanoTime();
        int again = sweeps.queueFollowUps();
        long againMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        int sent = tasks > 0 ? 0 : sendAll(); // the copies' signals reach no one: sending measured without copies
        long sendMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("SIGNALS [%s] cases=%d openTasks=%d followUpsQueued=%d sweepMs=%d timerMs=%.0f"
                + " sweepAgainMs=%d (queued %d) jobsRun=%d sendMs=%d%n", BenchDatabase.name(), n, open, queued,
                sweepMs, timedMs, againMs, again, sent, sendMs);
        assertThat(queued).isGreaterThanOrEqualTo(n);
        assertThat(again).isZero();
        ClockUtil.reset();
    }

    /** Copies the open tasks (of the cases just reported) until there are {@code target} open tasks; how many. */
    private int copyOpenTasksTo(int target) {
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Integer.class);
        if (target <= open) {
            return open;
        }
        int copies = (target - open) / open + 1;
        jdbc.execute("CREATE TABLE signal_bench_n (n INT PRIMARY KEY)");
        jdbc.batchUpdate("INSERT INTO signal_bench_n (n) VALUES (?)",
                IntStream.rangeClosed(1, copies).mapToObj(i -> new Object[] {i}).toList());
        long started = System.nanoTime();
        jdbc.update("""
                INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_,
                    PRIORITY_, CREATE_TIME_, DUE_DATE_, FOLLOW_UP_DATE_, SUSPENSION_STATE_, TENANT_ID_)
                SELECT t.ID_ || '-' || n.n, 1, t.EXECUTION_ID_, t.PROC_INST_ID_, t.PROC_DEF_ID_, t.NAME_,
                    t.TASK_DEF_KEY_, t.PRIORITY_, t.CREATE_TIME_, t.DUE_DATE_, t.FOLLOW_UP_DATE_, t.SUSPENSION_STATE_,
                    t.TENANT_ID_
                FROM ACT_RU_TASK t CROSS JOIN signal_bench_n n WHERE t.FOLLOW_UP_DATE_ IS NOT NULL""");
        Integer now = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Integer.class);
        System.out.printf("SIGNALS copied to %d open tasks in %.0f s%n", now, (System.nanoTime() - started) / 1e9);
        if ("postgres".equals(BenchDatabase.name())) {
            jdbc.execute("ANALYZE act_ru_task");
        }
        return now;
    }

    /** Runs every signal job, and the per-recipient jobs they queue, as the job executor would. */
    private int sendAll() {
        int run = 0;
        for (int round = 0; round < 3; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().messages().list().stream()
                    .filter(job -> "spoorwijzer-signal".equals(((JobEntity) job).getJobHandlerType())).toList();
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
            run += jobs.size();
        }
        return run;
    }
}
