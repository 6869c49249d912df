package nl.spoorwijzer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures one kind of request against a running platform, one request after the other from this process (the
 * load generator): first {@code warmup} requests that are not counted, then {@code samples} timed ones, each from
 * sending until the whole response is read. Every answer must have the expected status, and every timed one must
 * list something; anything else stops the benchmark, with the body, because a fast error is not a result.
 */
final class LatencyProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int warmup;
    private final int samples;

    private final JdbcTemplate statements;

    /** With {@code statements} (a database with pg_stat_statements), also reports the top statements per probe. */
    LatencyProbe(int warmup, int samples, JdbcTemplate statements) {
        this.warmup = warmup;
        this.samples = samples;
        this.statements = statements;
    }

    static HttpRequest.Builder as(String user, HttpRequest.Builder request) {
        String credentials = user + ":" + user;
        return request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** How many things an answer lists: a JSON array's length, HAL's total {@code count}, 1 for another object. */
    private static int items(byte[] body) throws IOException {
        JsonNode json = JSON.readTree(body);
        if (json.isArray()) {
            return json.size();
        }
        return json.has("count") ? json.get("count").asInt() : 1;
    }

    /** p50/p95/p99/max in milliseconds and the mean response size for the requests {@code request(i)} makes. */
    Map<String, Object> measure(String name, int expectedStatus, IntFunction<HttpRequest> request)
            throws IOException, InterruptedException {
        return measure(name, expectedStatus, request, false);
    }

    /** As {@link #measure(String, int, IntFunction)}; with {@code mayBeEmpty} an answer that lists nothing counts. */
    Map<String, Object> measure(String name, int expectedStatus, IntFunction<HttpRequest> request,
                                boolean mayBeEmpty) throws IOException, InterruptedException {
        List<Long> nanos = new ArrayList<>();
        long bytes = 0;
        int fewestItems = Integer.MAX_VALUE;
        for (int i = 0; i < warmup + samples; i++) {
            HttpRequest next = request.apply(i);
            long started = System.nanoTime();
            HttpResponse<byte[]> response = http.send(next, HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - started;
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(name + ": " + next.method() + " " + next.uri() + " answered "
                        + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            if (i == warmup - 1 && statements != null) {
                statements.execute("SELECT pg_stat_statements_reset()");
            }
            if (i >= warmup) {
                nanos.add(took);
                bytes += response.body().length;
                // Every timed answer must list something (read after the clock stopped), else the data does not
                // exercise the request.
                int items = items(response.body());
                if (items == 0 && !mayBeEmpty) {
                    throw new IllegalStateException(name + ": " + next.method() + " " + next.uri()
                            + " found nothing: the data does not exercise the request");
                }
                fewestItems = Math.min(fewestItems, items);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requests", samples);
        result.put("p50Millis", BenchResults.percentileMillis(nanos, 50));
        result.put("p95Millis", BenchResults.percentileMillis(nanos, 95));
        result.put("p99Millis", BenchResults.percentileMillis(nanos, 99));
        result.put("maxMillis", BenchResults.percentileMillis(nanos, 100));
        result.put("meanResponseBytes", bytes / Math.max(1, samples));
        result.put("fewestResponseItems", fewestItems);
        if (mayBeEmpty) {
            result.put("emptyAnswersAllowed", true);
        }
        System.out.printf("  %-40s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d requests, %d bytes, min %d items)%n",
                name, result.get("p50Millis"), result.get("p95Millis"), result.get("p99Millis"), samples,
                bytes / Math.max(1, samples), fewestItems);
        if (statements != null) {
            List<Map<String, Object>> top = statements.queryForList("""
                    SELECT round(total_exec_time::numeric / ?, 2) AS ms_per_request, calls / ? AS calls_per_request,
                        round(mean_exec_time::numeric, 3) AS mean_ms,
                        left(regexp_replace(query, '\\s+', ' ', 'g'), 300) AS query
                    FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'
                    ORDER BY total_exec_time DESC LIMIT 8""", samples, samples);
            result.put("topStatements", top);
            top.forEach(row -> System.out.println("      " + row));
        }
        return result;
    }
}
