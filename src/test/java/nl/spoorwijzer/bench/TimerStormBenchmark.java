package nl.spoorwijzer.bench;

import java.io.IOException;
import java.sql.Timestamp;
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
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 3 of BENCHMARKS.md, the timer storm: N cases (default 10,000) miss the same legal deadline at the same
 * instant — N "Termijn verstreken" timers, each writing a dossier entry and creating an escalation task. Measures the
 * time from the instant the clock passes the deadline until every timer has fired, with the job executor on one node
 * and on two nodes sharing the database, and checks that no timer fired twice. On one node the same storm also runs
 * on the engine floor (Spoorwijzer's delegates and listeners replaced by stand-ins, as in {@link LifecycleBenchmark}),
 * in alternating order, for the share of the time that is ours ({@code -Dbench.storm.floor=false} to skip it).
 * Needs the shared PostgreSQL: {@code mvn -Pbench verify -Dspoorwijzer.test.database=postgres}
 * ({@code -Dbench.runs}, {@code -Dbench.storm.nodes=1} for one node only); writes
 * {@code target/bench/timer-storm-<nodes>-nodes.json}.
 */
public final class TimerStormBenchmark {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final String ESCALATION_TASK = "termijnOverschredenAfhandelen";
    private static final int RECORDED_CASES = 20;

    private final DelegateRecordings recordings = new DelegateRecordings();
    private final LocalDate firstSickDay = LocalDate.now(AMSTERDAM).minusDays(2);

    private TimerStormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!"postgres".equals(BenchDatabase.name())) {
            System.out.println("timer storm skipped: it needs the shared PostgreSQL (-Dspoorwijzer.test.database=postgres)");
            return;
        }
        new TimerStormBenchmark().run();
    }

    private void run() throws Exception {
        int timers = Integer.getInteger("bench.timers", 10_000);
        int runs = Integer.getInteger("bench.runs", 3);
        boolean withFloor = !"false".equals(System.getProperty("bench.storm.floor"));
        Map<String, Object> result = BenchResults.header("timer-storm", "postgres");
        result.put("timers", timers);
        result.put("runs", runs);
        result.put("jobExecutorSettings", SETTINGS);
        for (String count : System.getProperty("bench.storm.nodes", "1,2").split(",")) {
            int nodes = Integer.parseInt(count.trim());
            boolean floorToo = withFloor && nodes == 1;
            if (floorToo && recordings.size() == 0) {
                // The variable changes the floor's stand-ins replay: a small storm on the platform, recording.
                requireEveryTimerOnce(storm(RECORDED_CASES, 1, "record", Side.RECORDING));
                System.out.printf("recorded %d delegate passes%n", recordings.size());
            }
            StormSeries series = new StormSeries(result);
            result.put(nodes + "-node", series.figures);
            for (int run = 1; run <= runs; run++) {
                // Alternating order, as in the lifecycle benchmark: the database grows with every storm.
                if (floorToo && run % 2 == 0) {
                    series.add(series.floor, storm(timers, nodes, "floor-" + run, Side.FLOOR));
                }
                series.add(series.platform, storm(timers, nodes, "platform-" + run, Side.PLATFORM));
                if (floorToo && run % 2 == 1) {
                    series.add(series.floor, storm(timers, nodes, "floor-" + run, Side.FLOOR));
                }
            }
        }
    }

    /**
     * The storms of one node count. The result is written after every storm, so that a benchmark stopped early, or
     * one whose storm did not fire every timer exactly once, keeps the storms it ran; then such a storm fails it.
     */
    private static final class StormSeries {
        final List<Map<String, Object>> platform = new ArrayList<>();
        final List<Map<String, Object>> floor = new ArrayList<>();
        final Map<String, Object> figures = new LinkedHashMap<>();
        private final Map<String, Object> result;

        StormSeries(Map<String, Object> result) {
            this.result = result;
        }

        void add(List<Map<String, Object>> side, Map<String, Object> storm) throws IOException {
            side.add(storm);
            figures.clear();
            if (!platform.isEmpty()) {
                figures.putAll(summary(platform));
            }
            if (!floor.isEmpty()) {
                figures.put("engineFloor", summary(floor));
                // Ratios of the runs that have both sides (the same run number).
                List<Double> ratios = IntStream.range(0, Math.min(platform.size(), floor.size()))
                        .mapToObj(i -> seconds(platform.get(i)) / seconds(floor.get(i))).toList();
                if (!ratios.isEmpty()) {
                    figures.put("platformOverFloorMedian", BenchResults.median(ratios));
                    figures.put("platformOverFloorRuns", ratios);
                }
            }
            BenchResults.write("timer-storm-" + System.getProperty("bench.storm.nodes", "1,2").replace(",", "-")
                    + "-nodes", result);
            requireEveryTimerOnce(storm);
        }
    }

    /** Fails the benchmark if the storm did not fire every timer exactly once (see {@code problem} in its figures). */
    private static void requireEveryTimerOnce(Map<String, Object> storm) {
        if (storm.get("problem") != null) {
            throw new IllegalStateException(storm.get("run") + ": " + storm.get("problem"));
        }
    }

    private static double seconds(Map<String, Object> storm) {
        return (Double) storm.get("secondsUntilAllFired");
    }

    private static Map<String, Object> summary(List<Map<String, Object>> storms) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("secondsUntilAllFiredMedian", BenchResults.median(storms.stream()
                .map(TimerStormBenchmark::seconds).toList()));
        figures.put("casesWithADuplicate", storms.stream()
                .mapToLong(figure -> (Long) figure.get("casesWithADuplicate")).sum());
        figures.put("runs", storms);
        return figures;
    }

    /** How the nodes of a storm resolve Spoorwijzer's delegates and listeners (see {@link FloorBeans}). */
    private enum Side {
        PLATFORM(FloorBeans.Mode.PLATFORM, false),
        RECORDING(FloorBeans.Mode.RECORD, false),
        FLOOR(FloorBeans.Mode.REPLAY, true);

        final FloorBeans.Mode mode;
        final boolean withoutBuiltInListeners;

        Side(FloorBeans.Mode mode, boolean withoutBuiltInListeners) {
            this.mode = mode;
            this.withoutBuiltInListeners = withoutBuiltInListeners;
        }
    }

    private Map<String, Object> storm(int timers, int nodeCount, String run, Side side) throws Exception {
        String prefix = "ZV-STORM-" + nodeCount + "-" + run + "-";
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < nodeCount; i++) {
                // engine names: letters and digits only
                nodes.add(node("storm" + nodeCount + side.name().toLowerCase() + run.replaceAll("\\W", "") + "n" + i,
                        side));
            }
            ProcessEngine engine = nodes.get(0).getBean(ProcessEngine.class);
            JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
            long setUp = System.nanoTime();
            IntStream.range(0, timers).parallel().forEach(i -> engine.getRuntimeService()
                    .startProcessInstanceByKey("poortwachter", prefix + i, Map.of(
                            "werknemerId", prefix + i, "werkgeverId", "acme-bouw",
                            "eersteZiektedag", firstSickDay.toString())));
            double setUpSeconds = (System.nanoTime() - setUp) / 1e9;
            System.out.printf("%s, %d node(s): %d cases started in %.0f s%n", run, nodeCount, timers, setUpSeconds);

            long deadlinePassed = firstSickDay.plusDays(7).atTime(LocalTime.of(9, 0)).atZone(AMSTERDAM).toInstant()
                    .toEpochMilli();
            // Every earlier storm waited until its due timers had fired, so the jobs due by then are this storm's.
            Timestamp deadline = new Timestamp(deadlinePassed);
            long due = dueJobs(jdbc, deadline);
            if (due != timers) {
                throw new IllegalStateException(run + ": " + due + " jobs due at the deadline, expected " + timers);
            }
            long started = System.nanoTime();
            ClockUtil.offset(deadlinePassed - System.currentTimeMillis());
            while (due > 0) {
                Thread.sleep(200);
                due = dueJobs(jdbc, deadline);
                if ((System.nanoTime() - started) / 1e9 > 1800) {
                    throw new IllegalStateException(due + " of " + timers + " timers not fired after 30 min");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long escalations = escalations(jdbc, prefix);
            // A timer that fired twice leaves two escalation tasks in its case (and, on the platform, two dossier
            // entries); counted first, so that the result records it before the benchmark fails.
            Long duplicates = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM (SELECT t.proc_inst_id_ FROM act_ru_task t
                      JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                      WHERE t.task_def_key_ = ? AND e.business_key_ LIKE ? GROUP BY t.proc_inst_id_
                      HAVING COUNT(*) > 1) d""", Long.class, ESCALATION_TASK, prefix + "%");
            Long dossierEntries = jdbc.queryForObject("SELECT COUNT(*) FROM dossier_entry"
                    + " WHERE entry_type = 'DEADLINE_MISSED' AND case_id LIKE ?", Long.class, prefix + "%");
            Long casesWithTwoEntries = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM (SELECT case_id FROM dossier_entry
                      WHERE entry_type = 'DEADLINE_MISSED' AND case_id LIKE ? GROUP BY case_id
                      HAVING COUNT(*) > 1) d""", Long.class, prefix + "%");
            String problem = null;
            if (escalations != timers || duplicates > 0) {
                problem = escalations + " escalation tasks for " + timers + " fired timers, " + duplicates
                        + " cases with more than one";
            } else if (side != Side.FLOOR && (dossierEntries != timers || casesWithTwoEntries > 0)) {
                problem = dossierEntries + " missed-deadline dossier entries for " + timers + " fired timers, "
                        + casesWithTwoEntries + " cases with more than one";
            }
            System.out.printf("%s, %d node(s): %d timers fired in %.1f s (%.0f/s), %d cases with a duplicate%n",
                    run, nodeCount, timers, seconds, timers / seconds, duplicates);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("run", run);
            figures.put("caseSetUpSeconds", setUpSeconds);
            figures.put("secondsUntilAllFired", seconds);
            figures.put("timersPerSecond", timers / seconds);
            figures.put("casesWithADuplicate", duplicates);
            figures.put("escalationTasks", escalations);
            figures.put("dossierEntries", dossierEntries);
            figures.put("casesWithTwoDossierEntries", casesWithTwoEntries);
            if (problem != null) {
                figures.put("problem", problem);
            }
            return figures;
        } finally {
            ClockUtil.reset();
            for (ConfigurableApplicationContext node : nodes) {
                node.close();
            }
        }
    }

    /**
     * Case timers due by the deadline that have not fired yet (a job's row goes in the transaction that fires it). Read
     * through the due-date index every 200 ms: the poll must not cost more as the database grows with every run.
     */
    private static long dueJobs(JdbcTemplate jdbc, Timestamp deadline) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE duedate_ <= ? AND type_ = 'timer'"
                + " AND process_def_key_ = 'poortwachter'", Long.class, deadline);
    }

    /** Escalation tasks of the storm's cases: one per fired timer (the floor writes no dossier entries). */
    private static long escalations(JdbcTemplate jdbc, String prefix) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                WHERE t.task_def_key_ = ? AND e.business_key_ LIKE ?""", Long.class, ESCALATION_TASK, prefix + "%");
    }

    /**
     * Job executor settings for the storm beyond the platform's own (application.yaml), as {@code key=value,...}
     * under {@code camunda.bpm.job-execution}: an idle node looks for jobs every second, so the storm starts
     * within a second of the deadline; {@code -Dbench.storm.settings=...} adds or overrides settings to compare.
     */
    static final String SETTINGS = "max-wait=1000" + (System.getProperty("bench.storm.settings", "").isBlank() ? ""
            : "," + System.getProperty("bench.storm.settings"));

    /** A node with the platform's job executor, its delegates and listeners resolved as {@code side} says. */
    private ConfigurableApplicationContext node(String name, Side side) {
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
        ApplicationContextInitializer<ConfigurableApplicationContext> plugin = context -> context.getBeanFactory()
                .registerSingleton("engineFloorPlugin", new EngineFloorPlugin(context,
                        new FloorBeans(context, recordings, side.mode), side.withoutBuiltInListeners));
        return new SpringApplicationBuilder(SpoorwijzerApplication.class).initializers(plugin)
                .run(BenchDatabase.arguments(arguments.toArray(String[]::new)));
    }
}
