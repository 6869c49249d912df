package nl.spoorwijzer.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.SpoorwijzerApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 3 of BENCHMARKS.md, the timer storm: N cases (default 10,000) miss the same legal deadline at the same
 * instant — N "Termijn verstreken" timers, each writing a dossier entry and creating an escalation task. Measures the
 * time from the instant the clock passes the deadline until every timer has fired, with the job executor on one node
 * and on two nodes sharing the database, and checks that no timer fired twice. Needs the shared PostgreSQL:
 * {@code mvn -Pbench verify -Dspoorwijzer.test.database=postgres}; writes {@code target/bench/timer-storm.json}.
 */
public final class TimerStormBenchmark {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private TimerStormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!"postgres".equals(BenchDatabase.name())) {
            System.out.println("timer storm skipped: it needs the shared PostgreSQL (-Dspoorwijzer.test.database=postgres)");
            return;
        }
        int timers = Integer.getInteger("bench.timers", 10_000);
        Map<String, Object> result = BenchResults.header("timer-storm", "postgres");
        result.put("timers", timers);
        for (int nodes = 1; nodes <= 2; nodes++) {
            result.put(nodes + "-node", storm(timers, nodes));
        }
        BenchResults.write("timer-storm", result);
    }

    private static Map<String, Object> storm(int timers, int nodeCount) throws Exception {
        String prefix = "ZV-STORM-" + nodeCount + "-";
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < nodeCount; i++) {
                nodes.add(node("storm" + nodeCount + "Node" + i)); // engine names: letters and digits only
            }
            ProcessEngine engine = nodes.get(0).getBean(ProcessEngine.class);
            JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
            LocalDate firstSickDay = LocalDate.now(AMSTERDAM).minusDays(2);
            long setUp = System.nanoTime();
            for (int i = 0; i < timers; i++) {
                engine.getRuntimeService().startProcessInstanceByKey("poortwachter", prefix + i, Map.of(
                        "werknemerId", "storm-" + nodeCount + "-" + i, "werkgeverId", "acme-bouw",
                        "eersteZiektedag", firstSickDay.toString()));
            }
            double setUpSeconds = (System.nanoTime() - setUp) / 1e9;
            System.out.printf("%d node(s): %d cases started in %.0f s%n", nodeCount, timers, setUpSeconds);

            long deadlinePassed = firstSickDay.plusDays(7).atTime(LocalTime.of(9, 0)).atZone(AMSTERDAM).toInstant()
                    .toEpochMilli();
            long started = System.nanoTime();
            ClockUtil.offset(deadlinePassed - System.currentTimeMillis());
            long fired = 0;
            while (fired < timers) {
                Thread.sleep(200);
                fired = missed(jdbc, prefix);
                if ((System.nanoTime() - started) / 1e9 > 1800) {
                    throw new IllegalStateException("only " + fired + " of " + timers + " timers fired in 30 min");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Long duplicates = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM (SELECT case_id FROM dossier_entry WHERE entry_type = 'DEADLINE_MISSED'
                      AND case_id LIKE ? GROUP BY case_id HAVING COUNT(*) > 1) d""", Long.class, prefix + "%");
            System.out.printf("%d node(s): %d timers fired in %.1f s (%.0f/s), %d cases with a duplicate%n",
                    nodeCount, timers, seconds, timers / seconds, duplicates);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("caseSetUpSeconds", setUpSeconds);
            figures.put("secondsUntilAllFired", seconds);
            figures.put("timersPerSecond", timers / seconds);
            figures.put("casesWithADuplicate", duplicates);
            return figures;
        } finally {
            ClockUtil.reset();
            for (ConfigurableApplicationContext node : nodes) {
                node.close();
            }
        }
    }

    private static long missed(JdbcTemplate jdbc, String prefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dossier_entry WHERE entry_type = 'DEADLINE_MISSED'"
                + " AND case_id LIKE ?", Long.class, prefix + "%");
    }

    /** A node with Camunda's default job executor, except that an idle node looks for jobs every second. */
    private static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(SpoorwijzerApplication.class).run(BenchDatabase.arguments(
                "--server.port=0", "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.max-wait=1000",
                "--spoorwijzer.demo.cases=false", "--logging.level.root=WARN", "--spring.jmx.enabled=false"));
    }
}
