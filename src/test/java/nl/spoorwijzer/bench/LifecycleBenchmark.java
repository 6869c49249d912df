package nl.spoorwijzer.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.SpoorwijzerApplication;
import nl.spoorwijzer.identity.SimulatedAnswers;
import nl.spoorwijzer.process.CasePlayer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 1 of BENCHMARKS.md, lifecycle throughput: N cases driven from the sick report to the end of the waiting
 * period, one after the other, by simulated people who complete every task at once with realistic form values while
 * the engine clock jumps from timer to timer. Reports cases per second (median of the runs) and the p50/p95 of a task
 * completion. Run with {@code mvn -Pbench verify} ({@code -Dbench.cases=..., -Dbench.runs=...}); writes
 * {@code target/bench/lifecycle-<database>.json}.
 */
public final class LifecycleBenchmark {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private LifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = Integer.getInteger("bench.cases", 100);
        int runs = Integer.getInteger("bench.runs", 3);
        String database = BenchDatabase.name();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SpoorwijzerApplication.class)
                .run(BenchDatabase.arguments("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                        "--spoorwijzer.demo.cases=false", "--logging.level.root=WARN"))) {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            List<Double> casesPerSecond = new ArrayList<>();
            List<Long> completions = new ArrayList<>();
            int warmup = Math.max(5, cases / 10);
            playCases(engine, warmup, "warmup", new ArrayList<>()); // JIT and caches
            Long sizeBefore = databaseBytes(jdbc, database);
            for (int run = 1; run <= runs; run++) {
                long started = System.nanoTime();
                playCases(engine, cases, "run" + run, completions);
                double seconds = (System.nanoTime() - started) / 1e9;
                casesPerSecond.add(cases / seconds);
                System.out.printf("run %d: %d cases in %.1f s = %.2f cases/s%n", run, cases, seconds,
                        cases / seconds);
            }
            Map<String, Object> result = BenchResults.header("lifecycle", database);
            result.put("casesPerRun", cases);
            result.put("runs", runs);
            result.put("casesPerSecondMedian", BenchResults.median(casesPerSecond));
            result.put("casesPerSecondRuns", casesPerSecond);
            result.put("taskCompletions", completions.size());
            result.put("taskCompletionMillisP50", BenchResults.percentileMillis(completions, 50));
            result.put("taskCompletionMillisP95", BenchResults.percentileMillis(completions, 95));
            Long sizeAfter = databaseBytes(jdbc, database);
            if (sizeBefore != null && sizeAfter != null) {
                // Runtime + history + dossier + read model of a completed case (history cleanup not yet run).
                result.put("databaseKbPerCompletedCase", (sizeAfter - sizeBefore) / 1024.0 / (cases * runs));
                result.put("largestTablesKb", jdbc.queryForList("""
                        SELECT relname AS "table", pg_total_relation_size(c.oid) / 1024 AS kb FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind = 'r'
                        ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 10"""));
            }
            BenchResults.write("lifecycle-" + database, result);
        } finally {
            ClockUtil.reset();
        }
    }

    /** The database's size on disk, where the database can tell (PostgreSQL); null for in-memory H2. */
    static Long databaseBytes(JdbcTemplate jdbc, String database) {
        if (!"postgres".equals(database)) {
            return null;
        }
        jdbc.execute("CHECKPOINT");
        return jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
    }

    /** Plays each case to the day after the end of its waiting period; every case starts on the same first day. */
    static void playCases(ProcessEngine engine, int cases, String batch, List<Long> completions) {
        LocalDate firstSickDay = LocalDate.of(2026, 1, 5);
        Date end = Date.from(firstSickDay.plusDays(730).atTime(LocalTime.NOON).atZone(AMSTERDAM).toInstant());
        for (int i = 0; i < cases; i++) {
            ClockUtil.setCurrentTime(Date.from(firstSickDay.atTime(LocalTime.of(9, 0)).atZone(AMSTERDAM)
                    .toInstant()));
            String caseId = "ZV-BENCH-" + batch + "-" + i;
            engine.getRuntimeService().startProcessInstanceByKey("poortwachter", caseId, Map.of(
                    "werknemerId", "bench-" + batch + "-" + i, "werkgeverId", "acme-bouw",
                    "eersteZiektedag", firstSickDay.toString()));
            CasePlayer player = new CasePlayer(engine, caseId).measuringCompletions(completions::add);
            player.playUntil(end.toInstant(), SimulatedAnswers::onTime, 0);
            if (!player.isEnded()) {
                throw new IllegalStateException("case " + caseId + " did not reach the end of its waiting period");
            }
        }
    }
}
