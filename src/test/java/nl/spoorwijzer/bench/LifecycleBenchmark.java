package nl.spoorwijzer.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.spoorwijzer.SpoorwijzerApplication;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 1 of BENCHMARKS.md, lifecycle throughput: cohorts of N cases driven side by side from the sick report to
 * the day after the end of the waiting period by simulated people who complete every task at once with realistic form
 * values, while the engine clock jumps from timer to timer and every due timer is executed ({@link CaseCohort}, one
 * worker per core). The same workload runs on two platforms in this JVM, sharing one database, in alternating runs:
 * <ul>
 *   <li><b>platform</b>: Spoorwijzer as it ships;</li>
 *   <li><b>engine floor</b>: Spoorwijzer's delegates and listeners replaced by no-ops that only set the process
 *       variables the real ones set (recorded during the platform's warm-up, see {@link FloorBeans}).</li>
 * </ul>
 * Reports cases per second (median of the runs), the p50/p95 of a task completion and the overhead ratio (floor
 * cases/s ÷ platform cases/s, median of the per-run ratios). Run with {@code mvn -Pbench verify}
 * ({@code -Dbench.cases=..., -Dbench.runs=..., -Dbench.workers=..., -Dbench.warmup=...}); writes
 * {@code target/bench/lifecycle-<database>.json}.
 */
public final class LifecycleBenchmark {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

    private LifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = Integer.getInteger("bench.cases", 2000);
        int runs = Integer.getInteger("bench.runs", 3);
        int workerCount = Integer.getInteger("bench.workers", Runtime.getRuntime().availableProcessors());
        String database = BenchDatabase.name();
        DelegateRecordings recordings = new DelegateRecordings();
        ExecutorService workers = Executors.newFixedThreadPool(workerCount);
        try (Side platform = new Side("platform", recordings, FloorBeans.Mode.RECORD, false);
             Side floor = new Side("floor", recordings, FloorBeans.Mode.REPLAY, true)) {
            int warmup = Integer.getInteger("bench.warmup", 50); // per side and round: the JIT needs cases, not a share
            platform.play(warmup, "recording", workers); // the variable changes the floor replays
            platform.beans.mode(FloorBeans.Mode.PLATFORM);
            System.out.printf("recorded %d delegate passes%n", recordings.size());
            for (int round = 1; round <= 2; round++) { // JIT and caches, for both alike
                platform.play(warmup, "warmup" + round, workers);
                floor.play(warmup, "warmup" + round, workers);
            }
            JdbcTemplate jdbc = platform.context.getBean(JdbcTemplate.class);
            Long platformBytes = null;
            List<Double> ratios = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                // Alternating order (platform first in odd runs, floor first in even ones), so that an order effect
                // (JIT, caches) does not bias the ratio. Each side's cases are purged before the other side plays:
                // with 2,000 cases per run, the second side of a pair otherwise ran 10-15 % slower on top of the
                // first side's history (an in-memory database's indexes grow with it).
                String batch = "run" + run;
                double floorRate = run % 2 == 0 ? floor.measureAndPurge(cases, batch, workers) : 0;
                Long before = run == 1 ? databaseBytes(jdbc, database) : null;
                double platformRate = platform.measure(cases, batch, workers);
                if (before != null) {
                    // Only in run 1: the database has not yet freed space (purges) that later runs would reuse.
                    platformBytes = databaseBytes(jdbc, database) - before;
                }
                platform.purge(batch);
                if (run % 2 == 1) {
                    floorRate = floor.measureAndPurge(cases, batch, workers);
                }
                ratios.add(floorRate / platformRate);
                System.out.printf("run %d: platform %.2f cases/s, engine floor %.2f cases/s, overhead %.2fx%n",
                        run, platformRate, floorRate, floorRate / platformRate);
                // After every run, so that a benchmark stopped before its last run still leaves the runs it did.
                writeResult(database, cases, runs, warmup, workerCount, platform, floor, ratios, platformBytes, jdbc);
            }
        } finally {
            workers.shutdownNow();
            ClockUtil.reset();
        }
    }

    private static void writeResult(String database, int cases, int runs, int warmup, int workerCount, Side platform,
            Side floor, List<Double> ratios, Long platformBytes, JdbcTemplate jdbc) throws IOException {
        int runsCompleted = ratios.size(); // one ratio per finished run
        Map<String, Object> result = BenchResults.header("lifecycle", database);
        result.put("casesPerRun", cases);
        result.put("runs", runs);
        result.put("runsCompleted", runsCompleted);
        result.put("warmupCases", warmup);
        result.put("workers", workerCount);
        if ("h2".equals(database)) {
            result.put("h2Url", BenchDatabase.h2Url());
        }
        result.put("platform", platform.figures(cases, runsCompleted));
        result.put("engineFloor", floor.figures(cases, runsCompleted));
        result.put("overheadRatioMedian", BenchResults.median(ratios));
        result.put("overheadRatioRuns", ratios);
        if (!"h2".equals(database)) {
            // Runtime + history + dossier + read model of a completed case (history cleanup not yet run).
            result.put("databaseKbPerCompletedCase", platformBytes == null ? null : platformBytes / 1024.0 / cases);
            result.put("largestTablesKb", jdbc.queryForList("""
                    SELECT relname AS "table", pg_total_relation_size(c.oid) / 1024 AS kb FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind = 'r'
                    ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 10"""));
        }
        BenchResults.write("lifecycle-" + database, result);
    }

    /** The database's size on disk, where the database can tell (PostgreSQL); null for in-memory H2. */
    static Long databaseBytes(JdbcTemplate jdbc, String database) {
        if (!"postgres".equals(database)) {
            return null;
        }
        jdbc.execute("CHECKPOINT");
        return jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
    }

    /** One platform in this JVM with its measured runs. Both share the benchmark's database. */
    private static final class Side implements AutoCloseable {
        final String name;
        final ConfigurableApplicationContext context;
        final FloorBeans beans;
        final ProcessEngine engine;
        final List<Double> casesPerSecond = new ArrayList<>();
        final List<Long> completionNanos = new ArrayList<>();
        long timersFired;

        Side(String name, DelegateRecordings recordings, FloorBeans.Mode mode, boolean withoutBuiltInListeners) {
            this.name = name;
            FloorBeans[] made = new FloorBeans[1];
            ApplicationContextInitializer<ConfigurableApplicationContext> plugin = context -> {
                made[0] = new FloorBeans(context, recordings, mode);
                context.getBeanFactory().registerSingleton("engineFloorPlugin",
                        new EngineFloorPlugin(context, made[0], withoutBuiltInListeners));
            };
            this.context = new SpringApplicationBuilder(SpoorwijzerApplication.class).initializers(plugin)
                    .run(BenchDatabase.arguments("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                            "--camunda.bpm.process-engine-name=" + name, "--spoorwijzer.demo.cases=false",
                            "--logging.level.root=WARN", "--spring.jmx.enabled=false"));
            this.beans = made[0];
            this.engine = context.getBean(ProcessEngine.class);
        }

        double measure(int cases, String batch, ExecutorService workers) {
            CaseCohort cohort = new CaseCohort(engine, workers, SimulatedAnswers::onTime);
            double rate = play(cohort, cases, batch);
            casesPerSecond.add(rate);
            completionNanos.addAll(cohort.completionNanos());
            timersFired += cohort.timersFired();
            return rate;
        }

        double measureAndPurge(int cases, String batch, ExecutorService workers) {
            double rate = measure(cases, batch, workers);
            purge(batch);
            return rate;
        }

        /**
         * Removes the history, dossier and read model of a played batch (not timed), so that the in-memory database
         * holds one side's run at a time and the 2,000 cases per run fit in the heap.
         */
        void purge(String batch) {
            String keys = "ZV-BENCH-" + name + "-" + batch + "-%";
            List<String> ids = engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(keys).finished().list().stream()
                    .map(HistoricProcessInstance::getId).toList();
            for (int from = 0; from < ids.size(); from += 500) {
                engine.getHistoryService().deleteHistoricProcessInstancesBulk(
                        ids.subList(from, Math.min(ids.size(), from + 500)));
            }
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.update("DELETE FROM dossier_entry WHERE case_id LIKE ?", keys);
            jdbc.update("DELETE FROM case_file WHERE case_id LIKE ?", keys);
            beans.forgetPasses(); // every case of this side has ended
        }

        void play(int cases, String batch, ExecutorService workers) {
            play(new CaseCohort(engine, workers, SimulatedAnswers::onTime), cases, batch);
        }

        /** Plays a cohort of cases that all fall sick on the same day; returns cases per second. */
        private double play(CaseCohort cohort, int cases, String batch) {
            ClockUtil.setCurrentTime(java.util.Date.from(FIRST_SICK_DAY.atTime(LocalTime.of(9, 0))
                    .atZone(AMSTERDAM).toInstant()));
            Map<String, Map<String, Object>> starts = new LinkedHashMap<>();
            for (int i = 0; i < cases; i++) {
                String person = name + "-" + batch + "-" + i;
                starts.put("ZV-BENCH-" + person, Map.of("werknemerId", person, "werkgeverId", "acme-bouw",
                        "eersteZiektedag", FIRST_SICK_DAY.toString()));
            }
            long started = System.nanoTime();
            cohort.start(starts);
            cohort.playUntil(FIRST_SICK_DAY.plusDays(730).atTime(LocalTime.NOON).atZone(AMSTERDAM).toInstant());
            double seconds = (System.nanoTime() - started) / 1e9;
            long open = cohort.openCases();
            if (open > 0) {
                throw new IllegalStateException(name + ": " + open + " cases of " + batch
                        + " did not reach the end of their waiting period");
            }
            System.out.printf("%s %s: %d cases in %.1f s (%.2f cases/s)%n", name, batch, cases, seconds,
                    cases / seconds);
            return cases / seconds;
        }

        Map<String, Object> figures(int cases, int runs) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("casesPerSecondMedian", BenchResults.median(casesPerSecond));
            figures.put("casesPerSecondRuns", casesPerSecond);
            figures.put("taskCompletionsPerCase", completionNanos.size() / (double) (cases * runs));
            figures.put("timersFiredPerCase", timersFired / (double) (cases * runs));
            figures.put("taskCompletionMillisP50", BenchResults.percentileMillis(completionNanos, 50));
            figures.put("taskCompletionMillisP95", BenchResults.percentileMillis(completionNanos, 95));
            return figures;
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
