package nl.spoorwijzer.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.spoorwijzer.audit.AccessLog;
import nl.spoorwijzer.audit.AccessRecord;
import nl.spoorwijzer.audit.EngineAccessFilters;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What recording a read through Camunda's REST API costs (issue 23, audit trail): the platform's own engine access
 * filter around a request whose answer the engine has already produced, against the same request without it. On
 * the embedded H2 file with durable commits, Camunda's own schema (its H2 create scripts) holding
 * {@code bench.cases} cases (each a root instance with five tasks, every fifth with a called spoor 2-traject), the
 * case read model and an access log of 200,000 records. Per request the filter holds the answer back, finds the
 * process instances in it (or the task in the path), maps them to cases in one query and appends the records.
 * Scenarios: a task's form variables (Tasklist opening a form), a new page of 50 historic variables of 50 cases,
 * 500 variables of 250 cases (a manager's unfiltered list), and pages of 50 read again (their cases remembered). Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=nl.spoorwijzer.bench.EngineAccessLogBenchmark} (optional {@code -Dbench.cases=100000
 * -Dbench.requests=2000}).
 */
public final class EngineAccessLogBenchmark {

    private static final int TASKS_PER_CASE = 5;
    private static final int ANSWERS = 64;

    private EngineAccessLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = Integer.getInteger("bench.cases", 100_000);
        int requests = Integer.getInteger("bench.requests", 2000);
        Path directory = Files.createTempDirectory("engine-access-log-");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:file:"
                + directory.resolve("db") + ";WRITE_DELAY=0", "sa", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long started = System.nanoTime();
            createSchema(jdbc);
            prefill(jdbc, cases);
            System.out.printf("prefilled %,d cases in %.1f s%n", cases, (System.nanoTime() - started) / 1e9);

            Filter remembering = EngineAccessFilters.withCaller(jdbc, "ivo", List.of("management"));
            Supplier<Filter> remembers = () -> remembering;
            Supplier<Filter> forgets = () -> EngineAccessFilters.withCaller(jdbc, "ivo", List.of("management"));
            Random random = new Random(23);
            Map<String, Object> result = BenchResults.header("engine-access-log", "h2-file");
            result.put("cases", cases);
            result.put("requests", requests);
            measure("formVariables", requests, forgets, result, n -> {
                int caseNumber = random.nextInt(cases);
                return new Request("GET", "/engine-rest/task/" + taskId(caseNumber, random.nextInt(TASKS_PER_CASE))
                        + "/form-variables", formVariables());
            });
            // every page new: its instances are looked up in the database
            measure("historyPageOf50Cases", requests, forgets, result, n -> new Request("GET",
                    "/engine-rest/history/variable-instance?maxResults=50", answer(random, cases, 50, 1)));
            measure("history500VariablesOf250Cases", requests / 4, forgets, result, n -> new Request("GET",
                    "/engine-rest/history/variable-instance", answer(random, cases, 250, 2)));
            // the same pages read again (a list refreshed, paged back): their cases are remembered
            List<byte[]> pagesOf50 = IntStream.range(0, ANSWERS).mapToObj(a -> answer(random, cases, 50, 1)).toList();
            measure("historyPageOf50CasesReadAgain", requests, remembers, result, n -> new Request("GET",
                    "/engine-rest/history/variable-instance?maxResults=50", pagesOf50.get(n % ANSWERS)));
            result.put("accessLogRecords", jdbc.queryForObject("SELECT COUNT(*) FROM case_access_log", Long.class));
            BenchResults.write("engine-access-log", result);
        } finally {
            dataSource.destroy();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    record Request(String method, String uri, byte[] answer) {
    }

    interface Requests {
        Request next(int n);
    }

    /** Alternates the request with and without the filter; the difference is the filter's cost. */
    private static void measure(String name, int requests, Supplier<Filter> filters, Map<String, Object> result,
                                Requests next) throws Exception {
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int n = -requests / 4; n < requests; n++) { // the first fifth warms up
            Request request = next.next(n & Integer.MAX_VALUE);
            for (boolean filtered : new boolean[] {true, false}) {
                MockHttpServletRequest servletRequest = servletRequest(request);
                MockHttpServletResponse response = new MockHttpServletResponse();
                Filter filter = filters.get();
                FilterChain engine = (req, res) -> {
                    res.setContentType("application/json");
                    res.getOutputStream().write(request.answer());
                };
                long started = System.nanoTime();
                if (filtered) {
                    filter.doFilter(servletRequest, response, engine);
                } else {
                    engine.doFilter(servletRequest, response);
                }
                long took = System.nanoTime() - started;
                if (response.getContentAsByteArray().length != request.answer().length) {
                    throw new IllegalStateException("the answer did not reach the client whole");
                }
                if (n >= 0) {
                    (filtered ? with : without).add(took);
                }
            }
        }
        for (int p : new int[] {50, 95, 99}) {
            result.put(name + "P" + p + "Millis", BenchResults.percentileMillis(with, p));
            result.put(name + "WithoutFilterP" + p + "Millis", BenchResults.percentileMillis(without, p));
        }
        result.put(name + "AnswerBytes", next.next(0).answer().length);
        System.out.printf("%-30s with filter p50 %.3f p95 %.3f p99 %.3f ms; without p50 %.3f p95 %.3f ms;"
                        + " answer %,d bytes%n", name, BenchResults.percentileMillis(with, 50),
                BenchResults.percentileMillis(with, 95), BenchResults.percentileMillis(with, 99),
                BenchResults.percentileMillis(without, 50), BenchResults.percentileMillis(without, 95),
                next.next(0).answer().length);
    }

    private static MockHttpServletRequest servletRequest(Request request) {
        int query = request.uri().indexOf('?');
        MockHttpServletRequest servletRequest = new MockHttpServletRequest(request.method(),
                query < 0 ? request.uri() : request.uri().substring(0, query));
        if (query >= 0) {
            servletRequest.setQueryString(request.uri().substring(query + 1));
        }
        servletRequest.setRemoteAddr("10.0.0.7");
        return servletRequest;
    }

    private static void createSchema(JdbcTemplate jdbc) {
        new ResourceDatabasePopulator(
                new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql"),
                new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.h2.create.history.sql"))
                .execute(jdbc.getDataSource());
        // the columns of the case read model the filter reads (db/changelog, 2-case-file)
        jdbc.execute("""
                CREATE TABLE case_file (case_id VARCHAR(64) PRIMARY KEY, process_instance_id VARCHAR(64) NOT NULL,
                    employer_id VARCHAR(64) NOT NULL, status VARCHAR(16) NOT NULL)""");
        AccessLogBenchmark.createAccessLog(jdbc);
    }

    private static void prefill(JdbcTemplate jdbc, int cases) {
        Timestamp now = Timestamp.from(java.time.Instant.now());
        for (int from = 0; from < cases; from += 1000) {
            List<Integer> batch = IntStream.range(from, Math.min(cases, from + 1000)).boxed().toList();
            List<Object[]> instances = new ArrayList<>();
            List<Object[]> tasks = new ArrayList<>();
            List<Object[]> files = new ArrayList<>();
            for (int c : batch) {
                String root = instanceId(c);
                instances.add(new Object[] {root, root, caseId(c), "poortwachter", "poortwachter:1:x", now, root});
                String taskInstance = root;
                if (c % 5 == 0) {
                    taskInstance = subInstanceId(c);
                    instances.add(new Object[] {taskInstance, taskInstance, caseId(c), "spoor-2-traject",
                            "spoor-2-traject:1:x", now, root});
                }
                for (int t = 0; t < TASKS_PER_CASE; t++) {
                    tasks.add(new Object[] {taskId(c, t), t == TASKS_PER_CASE - 1 ? taskInstance : root, now});
                }
                files.add(new Object[] {caseId(c), root, c % 2 == 0 ? "acme-bouw" : "zorggroep-noord", "OPEN"});
            }
            jdbc.batchUpdate("""
                    INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,
                        START_TIME_, ROOT_PROC_INST_ID_) VALUES (?, ?, ?, ?, ?, ?, ?)""", instances);
            jdbc.batchUpdate("INSERT INTO ACT_HI_TASKINST (ID_, PROC_INST_ID_, START_TIME_) VALUES (?, ?, ?)", tasks);
            jdbc.batchUpdate("INSERT INTO case_file (case_id, process_instance_id, employer_id, status)"
                    + " VALUES (?, ?, ?, ?)", files);
        }
        AccessLog log = new AccessLog(jdbc);
        for (int i = 0; i < 200_000; i += 1000) {
            int first = i;
            log.append(IntStream.range(0, 1000).mapToObj(n -> new AccessRecord(null, caseId((first + n) % cases),
                    "gebruiker" + (n % 50), "werkgever", OffsetDateTime.now(ZoneOffset.UTC), AccessRecord.Action.READ,
                    "GET /api/cases/" + caseId((first + n) % cases), "127.0.0.1")).toList());
        }
    }

    /** An answer of /history/variable-instance as Camunda writes it: {@code perCase} variables of each case. */
    private static byte[] answer(Random random, int cases, int casesPerAnswer, int perCase) {
        StringBuilder json = new StringBuilder("[");
        for (int c = 0; c < casesPerAnswer; c++) {
            int caseNumber = random.nextInt(cases);
            String instance = caseNumber % 5 == 0 && c % 2 == 0 ? subInstanceId(caseNumber) : instanceId(caseNumber);
            for (int v = 0; v < perCase; v++) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append("""
                        {"type":"Date","value":"2026-11-30T00:00:00.000+0100","valueInfo":{},"id":"%s",\
                        "name":"eersteZiektedag","processDefinitionKey":"poortwachter",\
                        "processDefinitionId":"poortwachter:3:0b6f4a0c-a1b2-11f1-9c2e-02fc00000001",\
                        "processInstanceId":"%s","executionId":"%s","activityInstanceId":"%s",\
                        "caseDefinitionKey":null,"caseDefinitionId":null,"caseInstanceId":null,\
                        "caseExecutionId":null,"taskId":null,"errorMessage":null,"tenantId":"acme-bouw",\
                        "state":"CREATED","createTime":"2026-11-30T09:00:00.000+0100","removalTime":null,\
                        "rootProcessInstanceId":"%s"}""".formatted(UUID.randomUUID(), instance, instance,
                        instance, instanceId(caseNumber)));
            }
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] formVariables() {
        StringBuilder json = new StringBuilder("{");
        for (int v = 0; v < 25; v++) {
            json.append(v == 0 ? "" : ",").append("""
                    "veld%d":{"type":"String",\
                    "value":"een antwoord van zo'n zestig tekens lang, zoals in een formulier",\
                    "valueInfo":{}}""".formatted(v));
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String caseId(int c) {
        return "ZV-2026-" + String.format("%08d", c);
    }

    private static String instanceId(int c) {
        return new UUID(0x5A5A_0000_0000_0000L | c, 1).toString();
    }

    private static String subInstanceId(int c) {
        return new UUID(0x5A5A_0000_0000_0000L | c, 2).toString();
    }

    private static String taskId(int c, int t) {
        return new UUID(0x7A5C_0000_0000_0000L | c, t).toString();
    }
}
