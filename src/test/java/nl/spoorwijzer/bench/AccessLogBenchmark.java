package nl.spoorwijzer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.spoorwijzer.audit.AccessLog;
import nl.spoorwijzer.audit.AccessRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What recording a read costs (issue 23, audit trail): the platform's own {@link AccessLog} appends to
 * {@code case_access_log} on the embedded H2 file with durable commits ({@code WRITE_DELAY=0}, as the platform runs),
 * after the table already holds {@code bench.prefill} records. Measured per request: one record (a case, its
 * dossier, its RIV) and 50 records in one batch (a page of the case list). Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=nl.spoorwijzer.bench.AccessLogBenchmark}
 * (optional {@code -Dbench.requests=5000 -Dbench.prefill=200000}).
 */
public final class AccessLogBenchmark {

    private AccessLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 5000);
        int prefill = Integer.getInteger("bench.prefill", 200_000);
        Path directory = Files.createTempDirectory("access-log-");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:file:"
                + directory.resolve("db") + ";WRITE_DELAY=0", "sa", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            createAccessLog(jdbc);
            AccessLog log = new AccessLog(jdbc);
            for (int i = 0; i < prefill; i += 1000) {
                int first = i;
                log.append(IntStream.range(0, 1000).mapToObj(n -> record(first + n)).toList());
            }
            Map<String, Object> result = BenchResults.header("access-log", "h2-file");
            result.put("prefilledRecords", prefill);
            result.put("requests", requests);
            for (int size : List.of(1, 50)) {
                List<Long> nanos = new ArrayList<>();
                for (int request = -requests / 5; request < requests; request++) { // the first fifth warms up
                    int base = prefill + request * size;
                    List<AccessRecord> records = IntStream.range(0, size).mapToObj(n -> record(base + n)).toList();
                    long started = System.nanoTime();
                    log.append(records);
                    if (request >= 0) {
                        nanos.add(System.nanoTime() - started);
                    }
                }
                String name = size == 1 ? "oneCase" : "listPageOf50";
                result.put(name + "P50Millis", BenchResults.percentileMillis(nanos, 50));
                result.put(name + "P95Millis", BenchResults.percentileMillis(nanos, 95));
                result.put(name + "P99Millis", BenchResults.percentileMillis(nanos, 99));
                System.out.printf("%-13s p50 %.3f ms  p95 %.3f ms  p99 %.3f ms per request%n", name,
                        BenchResults.percentileMillis(nanos, 50), BenchResults.percentileMillis(nanos, 95),
                        BenchResults.percentileMillis(nanos, 99));
            }
            long started = System.nanoTime();
            int read = log.forCase("ZV-2026-00000007").size();
            result.put("forCaseMillis", (System.nanoTime() - started) / 1e6);
            result.put("forCaseRecords", read);
            BenchResults.write("access-log", result);
        } finally {
            dataSource.destroy();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code case_access_log} with its indexes, as db/changelog 5-case-access-log creates it. */
    static void createAccessLog(JdbcTemplate jdbc) {
        jdbc.execute("""
                CREATE TABLE case_access_log (id BIGINT AUTO_INCREMENT PRIMARY KEY, case_id VARCHAR(64) NOT NULL,
                    user_id VARCHAR(255) NOT NULL, roles VARCHAR(500), accessed_at TIMESTAMP WITH TIME ZONE NOT NULL,
                    action VARCHAR(16) NOT NULL, what VARCHAR(300) NOT NULL, client_address VARCHAR(64))""");
        jdbc.execute("CREATE INDEX ix_case_access_log_case ON case_access_log (case_id, id)");
        jdbc.execute("CREATE INDEX ix_case_access_log_time ON case_access_log (accessed_at)");
    }

    private static AccessRecord record(int n) {
        return new AccessRecord(null, "ZV-2026-" + String.format("%08d", n % 20_000), "gebruiker" + (n % 50),
                "werkgever", OffsetDateTime.now(ZoneOffset.UTC), AccessRecord.Action.READ,
                "GET /api/cases/ZV-2026-" + String.format("%08d", n % 20_000) + "/dossier", "127.0.0.1");
    }
}
