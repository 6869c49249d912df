package nl.spoorwijzer.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly runs of issue 27 at the benchmark's size, timed in the packaged platform as it runs them: the
 * loonsanctie risk sweep over every open case ({@code risks/NightlyRiskSweep}) and the signal follow-up sweep
 * ({@code signals/SignalSweeps.queueFollowUps}). The platform is started again with both crons firing every minute
 * (risks at second 0, follow-ups at second 30; Spring runs scheduled methods one at a time, so neither slows the
 * other), and each run's own duration is read from Spring's timer of scheduled methods
 * ({@code tasks.scheduled.execution} on {@code /actuator/prometheus}); the risk sweep's duration and cases also from
 * its row in {@code scheduled_run}, and the signal sweep's timer {@code spoorwijzer.signals.sweep} where the platform
 * has it.
 */
final class NightlyRuns {

    static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("bench.nightly.timeout-minutes", 30));
    private static final String SCHEDULED = "tasks_scheduled_execution_seconds";
    private static final String SIGNAL_TIMER = "spoorwijzer_signals_sweep";

    private NightlyRuns() {
    }

    static Map<String, Object> measure(JdbcTemplate jdbc, Path workDirectory, String jdbcUrl)
            throws IOException, InterruptedException {
        Map<String, Object> runs = new LinkedHashMap<>();
        runs.put("followUpTasksDue", jdbc.queryForObject("""
                SELECT count(*) FROM act_ru_task t WHERE t.follow_up_date_ <= now() AND t.due_date_ > now()
                AND NOT EXISTS (SELECT 1 FROM signal_sent s WHERE s.subject_id = t.id_ AND s.kind = 'FOLLOW_UP')""",
                Long.class));
        long followUpsBefore = followUpsQueued(jdbc);
        Timestamp launched = new Timestamp(System.currentTimeMillis());
        try (PackagedPlatform platform = PackagedPlatform.launch(workDirectory,
                Map.of("SPOORWIJZER_DB_URL", jdbcUrl, "SPOORWIJZER_DB_USER", "postgres",
                        "SPOORWIJZER_DB_PASSWORD", "postgres", "CAMUNDA_BPM_ADMINUSER_PASSWORD", "bench-admin"),
                "--spring.profiles.active=postgres", "--spoorwijzer.security.local-passwords-allowed=true",
                "--spoorwijzer.risks.nightly-cron=0 * * * * *",
                "--spoorwijzer.mail.follow-up-cron=30 * * * * *")) {
            platform.awaitReady();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest scrape = HttpRequest.newBuilder(platform.uri("/actuator/prometheus")).GET().build();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Double riskSeconds = null;
            Double followUpSeconds = null;
            String body = "";
            while ((riskSeconds == null || followUpSeconds == null) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                body = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
                riskSeconds = riskSeconds != null ? riskSeconds : firstRunSeconds(body, "NightlyRiskSweep", "run");
                followUpSeconds = followUpSeconds != null ? followUpSeconds
                        : firstRunSeconds(body, "SignalSweeps", "queueFollowUps");
            }
            Map<String, Object> risks = new LinkedHashMap<>();
            risks.put("seconds", riskSeconds);
            // The sweep's own record (risks/NightlyRiskSweep writes it when it ends): cases judged, milliseconds.
            jdbc.queryForList("""
                    SELECT last_cases, last_millis FROM scheduled_run
                    WHERE name = 'case-risk-sweep' AND last_finished >= ?""", launched).stream().findFirst()
                    .ifPresent(row -> {
                        risks.put("cases", row.get("last_cases"));
                        risks.put("millis", row.get("last_millis"));
                    });
            runs.put("riskSweep", risks);
            Map<String, Object> followUps = new LinkedHashMap<>();
            followUps.put("seconds", followUpSeconds);
            followUps.put("signalsQueued", followUpsQueued(jdbc) - followUpsBefore);
            List<String> signalTimer = body.lines().filter(line -> line.startsWith(SIGNAL_TIMER)).toList();
            followUps.put(SIGNAL_TIMER, signalTimer.isEmpty() ? "not in this platform's metrics" : signalTimer);
            runs.put("followUpSweep", followUps);
            System.out.printf("  nightly risk sweep %s s (%s), follow-up sweep %s s (%s signals queued)%n",
                    riskSeconds, risks, followUpSeconds, followUps.get("signalsQueued"));
            if (riskSeconds == null || followUpSeconds == null) {
                runs.put("problem", "not every nightly run ended within " + TIMEOUT + "; see "
                        + workDirectory.resolve("platform.log"));
            }
        }
        return runs;
    }

    private static long followUpsQueued(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM signal_sent WHERE kind = 'FOLLOW_UP'", Long.class);
    }

    /**
     * The mean duration of the runs of one scheduled method so far (the first, as we read every second and the
     * method runs once a minute), or null before its first run ended.
     */
    static Double firstRunSeconds(String scrape, String className, String method) {
        double count = sum(scrape, SCHEDULED + "_count{", className, method);
        return count < 1 ? null : sum(scrape, SCHEDULED + "_sum{", className, method) / count;
    }

    private static double sum(String scrape, String metric, String className, String method) {
        return scrape.lines().filter(line -> line.startsWith(metric))
                .filter(line -> line.contains("code_function=\"" + method + "\"")
                        && line.matches(".*code_namespace=\"[^\"]*\\." + className + "\".*"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
