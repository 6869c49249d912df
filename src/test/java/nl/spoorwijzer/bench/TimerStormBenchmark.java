package nl.spoorwijzer.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
 * {@code mvn -Pbench verify -Dspoorwijzer.test.database=postgres} ({@code -Dbench.runs}, {@code -Dbench.storm.nodes=1}
 * for one node only); writes {@code target/bench/timer-storm-<nodes>-nodes.json}.
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
        int runs = Integer.getInteger("bench.runs", 3);
        result.put("runs", runs);
        result.put("jobExecutorSettings", SETTINGS);
        for (String count : System.getProperty("bench.storm.nodes", "1,2").split(",")) {
            int nodes = Integer.parseInt(count.trim());
            List<Map<String, Object>> measured = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                measured.add(storm(timers, nodes, run));
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("secondsUntilAllFiredMedian", BenchResults.median(measured.stream()
                    .map(figure -> (Double) figure.get("secondsUntilAllFired")).toList()));
            figures.put("casesWithADuplicate", measured.stream()
                    .mapToLong(figure -> (Long) figure.get("casesWithADuplicate")).sum());
            figures.put("runs", measured);
            result.put(nodes + "-node", figures);
        }
        BenchResults.write("timer-storm-" + System.getProperty("bench.storm.nodes", "1,2").replace(",", "-")
                + "-nodes", result);
    }

    private static Map<String, Object> storm(int timers, int nodeCount, int run) throws Exception {
        String prefix = "ZV-STORM-" + nodeCount + "-" + run + "-";
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < nodeCount; i++) {
                nodes.add(node("storm" + nodeCount + "Node" + i)); // engine names: letters and digits only
            }
            ProcessEngine engine = nodes.get(0).getBean(ProcessEngine.class);
            JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
            LocalDate firstSickDay = LocalDate.now(AMSTERDAM).minusDays(2);
            long setUp = System.nanoTime();
            IntStream.range(0, timers).parallel().forEach(i -> engine.getRuntimeService()
                    .startProcessInstanceByKey("poortwachter", prefix + i, Map.of(
                            "werknemerId", prefix + i, "werkgeverId", "acme-bouw",
                            "eersteZiektedag", firstSickDay.toString())));
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

    /**
     * Job executor settings for the storm beyond the platform's own (application.yaml), as {@code key=value,...}
     * under {@code camunda.bpm.job-execution}: an idle node looks for jobs every second, so the storm starts
     * within a second of the deadline; {@code -Dbench.storm.settings=...} adds or overrides settings to compare.
     */
    static final String SETTINGS = "max-wait=1000" + (System.getProperty("bench.storm.settings", "").isBlank() ? ""
            : "," + System.getProperty("bench.storm.settings"));

    /** A node with the platform's job executor. */
    private static ConfigurableApplicationContext node(String name) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.job-execution.enabled=true", "--spoorwijzer.demo.cases=false",
                "--logging.level.root=WARN", "--spring.jmx.enabled=false"));
        for (String setting : SETTINGS.split(",")) {
            arguments.add("--camunda.bpm.job-execution." + setting.trim());
        }
        // Any other platform setting to compare, e.g. -Dbench.storm.arguments="--camunda.bpm.generic-properties..."
        String more = System.getProperty("bench.storm.arguments", "").trim();
        if (!more.isEmpty()) {
            arguments.addAll(List.of(more.split("\\s+")));
        }
        return new SpringApplicationBuilder(SpoorwijzerApplication.class)
                .run(BenchDatabase.arguments(arguments.toArray(String[]::new)));
    }
}
