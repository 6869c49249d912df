package nl.spoorwijzer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.SpoorwijzerApplication;
import nl.spoorwijzer.support.EmbeddedPostgresEnvironment;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL, job executor on both (Camunda's distributed engine: the nodes coordinate
 * through the database). 500 cases miss the same deadline at the same moment; every missed-deadline timer must fire
 * exactly once — one escalation task and one dossier entry per case — and a node stopped half-way loses nothing:
 * the other node finishes its jobs once their locks expire. Runs in the PostgreSQL pass of the integration tests.
 */
class TwoNodesIT {

    static final int CASES = 500;
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final String PREFIX = "ZV-NODES-";

    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;

    private static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(SpoorwijzerApplication.class).run(
                "--server.port=0",
                "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.job-execution.enabled=true",
                // A stopped node's unfinished jobs are taken over once their lock expires.
                "--camunda.bpm.job-execution.lock-time-in-millis=5000",
                // An idle node looks for due jobs at least every second (default back-off: up to 60 s).
                "--camunda.bpm.job-execution.max-wait=1000",
                "--spoorwijzer.demo.cases=false",
                "--spring.jmx.enabled=false");
    }

    @AfterEach
    void stopNodes() {
        if (nodeB != null && nodeB.isActive()) {
            nodeB.close();
        }
        if (nodeA != null && nodeA.isActive()) {
            ProcessEngine engine = nodeA.getBean(ProcessEngine.class);
            // No job may run while the test's cases are deleted.
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().shutdown();
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(PREFIX + "%")
                    .list().forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
            nodeA.close();
        }
        ClockUtil.reset();
    }

    @Test
    void everyTimerFiresExactlyOnceAndAStoppedNodeLosesNothing() {
        assumeTrue(EmbeddedPostgresEnvironment.active(), "needs the shared PostgreSQL of the second test pass");
        LocalDate firstSickDay = LocalDate.now(AMSTERDAM).minusDays(2);
        nodeA = node("nodeA");
        nodeB = node("nodeB");
        ProcessEngine engineA = nodeA.getBean(ProcessEngine.class);
        ProcessEngine engineB = nodeB.getBean(ProcessEngine.class);
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);

        for (int i = 0; i < CASES; i++) {
            engineA.getRuntimeService().startProcessInstanceByKey("poortwachter", PREFIX + i, Map.of(
                    "werknemerId", "node-employee-" + i, "werkgeverId", "acme-bouw",
                    "eersteZiektedag", firstSickDay.toString()));
        }
        // Day 8, 09:00: the 500 "ziekmelding doorgeven" deadlines (end of day 7) all passed at the same moment.
        // The clock keeps running from there (an offset, not a frozen time), so job locks can expire.
        long day8 = firstSickDay.plusDays(7).atTime(LocalTime.of(9, 0)).atZone(AMSTERDAM).toInstant().toEpochMilli();
        ClockUtil.offset(day8 - System.currentTimeMillis());

        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> missedDeadlines(jdbc) >= CASES / 5);
        long executedByB = successfulJobs(engineB);
        nodeB.close(); // half-way: node A must finish everything, including what B had locked

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> missedDeadlines(jdbc) >= CASES && escalations(engineA) >= CASES);

        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT case_id FROM dossier_entry WHERE entry_type = 'DEADLINE_MISSED'
                  AND case_id LIKE ? GROUP BY case_id HAVING COUNT(*) > 1) duplicates""", Long.class, PREFIX + "%"))
                .as("cases with a duplicate missed-deadline entry").isZero();
        assertThat(missedDeadlines(jdbc)).isEqualTo(CASES);
        assertThat(escalations(engineA)).as("one escalation task per case").isEqualTo(CASES);
        List<String> escalatedCases = engineA.getTaskService().createTaskQuery()
                .taskDefinitionKey("termijnOverschredenAfhandelen").processInstanceBusinessKeyLike(PREFIX + "%").list()
                .stream().map(task -> engineA.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey())
                .toList();
        assertThat(escalatedCases).doesNotHaveDuplicates().hasSize(CASES);
        assertThat(engineA.getManagementService().createJobQuery().withException().count()).as("failed jobs").isZero();
        assertThat(engineA.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
        assertThat(executedByB).as("node B took part before it stopped").isPositive();
        assertThat(successfulJobs(engineA)).as("node A took part").isPositive();
    }

    private static long missedDeadlines(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dossier_entry WHERE entry_type = 'DEADLINE_MISSED' AND case_id LIKE ?",
                Long.class, PREFIX + "%");
    }

    private static long escalations(ProcessEngine engine) {
        return engine.getTaskService().createTaskQuery().taskDefinitionKey("termijnOverschredenAfhandelen")
                .processInstanceBusinessKeyLike(PREFIX + "%").count();
    }

    /** Jobs this node executed successfully (its in-memory meter; reported to the database only every 15 minutes). */
    private static long successfulJobs(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry()
                .getDbMeterByName(Metrics.JOB_SUCCESSFUL).get();
    }
}
