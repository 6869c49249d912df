package nl.spoorwijzer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
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

/**
 * The nightly signal run over N open cases (-Dbench.signals.cases, default 500), each with its first legal task open
 * and its follow-up date reached: the follow-up sweep's query and queueing, then the job executor's work of sending
 * the signals (to the log, no SMTP server). Not a test (no *Test/*IT name); run it alone with
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

    @Test
    void nightlyRunOverOpenCases() {
        int n = Integer.getInteger("bench.signals.cases", 500);
        ApiCases cases = new ApiCases(new HttpTestClient(port), json, engine);
        LocalDate firstSickDay = LocalDate.of(2026, 4, 6);
        ApiCases.onDay(firstSickDay);
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
        sendAll(); // the new-task signals of the sick reports
        ApiCases.onDay(firstSickDay.plusDays(1));

        long start = System.nanoTime();
        int queued = sweeps.queueFollowUps();
        long sweepMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        int sent = sendAll();
        long sendMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("SIGNALS n=%d followUpsQueued=%d sweepMs=%d jobsRun=%d sendMs=%d%n", n, queued, sweepMs,
                sent, sendMs);
        assertThat(queued).isGreaterThanOrEqualTo(n);
        ClockUtil.reset();
    }

    private int sendAll() {
        List<Job> jobs = engine.getManagementService().createJobQuery().messages().list().stream()
                .filter(job -> "spoorwijzer-signal".equals(((JobEntity) job).getJobHandlerType())).toList();
        jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        return jobs.size();
    }
}
