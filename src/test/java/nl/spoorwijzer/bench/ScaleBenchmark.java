package nl.spoorwijzer.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark 2 of BENCHMARKS.md, scale: open cases are bulk-loaded into PostgreSQL at realistic stages (the engine
 * plays one template case per week of the waiting period, {@link CaseCloner} copies them to the size), then the
 * packaged platform runs in a process of its own and this process measures over HTTP the requests people make:
 * Tasklist's first page for a role in one employer (tenant), sorted by due date; {@code GET /api/cases?overdue=true}
 * for a manager of every employer; {@code GET /api/cases/{id}}; a sick report ({@code POST /api/cases}); and the
 * werkgever completing each new case's first task through Tasklist's form submission; and for the parties whose
 * cases the engine names by per-case grants (the bedrijfsarts' arbodienst, a re-integratiebedrijf), their case
 * list, a case page and the bureau's Tasklist page; the managers' overview (deadlines, timeliness, cases at risk,
 * phases, weeks, flow, endings) for the werkgever and for a manager of every employer; and, with the platform started
 * again, the nightly loonsanctie risk sweep and the signal follow-up sweep ({@link NightlyRuns}). Sizes with {@code -Dbench.scale.sizes=10000,100000}; with
 * {@code -Dbench.scale.wide-parties=true} those organisations serve every employer; writes
 * {@code target/bench/scale-postgres.json}.
 */
public final class ScaleBenchmark {

    static final Path WORK = Path.of("target", "bench", "scale");
    static final String TASKLIST_FILTER = "Taken van mijn groep";
    static final boolean STATEMENTS = Boolean.getBoolean("bench.pg.statements");
    static final String TASKLIST_PAGE = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
    static final String SICK_REPORT_TASK = "ziekmeldingDoorgeven";
    /** The benchmark's arbodienst and bureau serve every employer, not only the measured one (CaseCloner). */
    static final boolean WIDE_PARTIES = Boolean.getBoolean("bench.scale.wide-parties");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.scale.sizes", "10000,100000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        int warmup = Integer.getInteger("bench.warmup", 50);
        int samples = Integer.getInteger("bench.samples", 300);
        FileSystemUtils.deleteRecursively(WORK);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        String keepData = System.getProperty("bench.pg.data");
        if (keepData != null && !keepData.isBlank()) {
            // Keeps the loaded database for inspection (EXPLAIN) after the run: -Dbench.pg.data=/some/dir. The
            // directory is emptied first, so it must be new, empty or an earlier run's PostgreSQL data directory.
            Path data = Path.of(keepData);
            if (Files.isDirectory(data) && !Files.exists(data.resolve("PG_VERSION"))) {
                try (Stream<Path> entries = Files.list(data)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("bench.pg.data: " + data + " is neither empty nor a"
                                + " PostgreSQL data directory (no PG_VERSION); it would be emptied, so choose another");
                    }
                }
            }
            FileSystemUtils.deleteRecursively(data);
            builder.setDataDirectory(data).setCleanDataDirectory(false);
        }
        try (EmbeddedPostgres postgres = builder
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("effective_cache_size", "4GB")
                .setServerConfig("max_wal_size", "4GB")
                // Where database time goes, per request kind (-Dbench.pg.statements=true): pg_stat_statements.
                .setServerConfig("shared_preload_libraries", STATEMENTS ? "pg_stat_statements" : "")
                .start()) {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            if (STATEMENTS) {
                jdbc.execute("CREATE EXTENSION pg_stat_statements");
            }
            int intakesPerSize = warmup + samples;
            long started = System.nanoTime();
            ScaleSeed.seed(jdbcUrl, intakesPerSize * sizes.size());
            double seedSeconds = (System.nanoTime() - started) / 1e9;
            CaseCloner cloner = new CaseCloner(jdbc, WIDE_PARTIES);
            int templates = cloner.prepare();
            Map<String, Object> result = BenchResults.header("scale", "postgres");
            result.put("templates", templates);
            result.put("wideParties", WIDE_PARTIES);
            result.put("seedSeconds", seedSeconds);
            result.put("warmupRequests", warmup);
            PackagedPlatform.recordSettings(result);
            List<Map<String, Object>> levels = new ArrayList<>();
            result.put("levels", levels);
            int copies = 0;
            for (int index = 0; index < sizes.size(); index++) {
                // Copies of every template so that the templates and their copies make at least the size.
                int wanted = Math.max(0, (sizes.get(index) - 1) / templates);
                started = System.nanoTime();
                for (int from = copies + 1; from <= wanted; from += 50) {
                    cloner.copy(from, Math.min(wanted, from + 49));
                    System.out.printf("  copies %d of %d%n", Math.min(wanted, from + 49), wanted);
                }
                copies = Math.max(copies, wanted);
                cloner.analyze();
                double loadSeconds = (System.nanoTime() - started) / 1e9;
                Map<String, Object> level = measure(jdbc, jdbcUrl, warmup, samples, index * intakesPerSize);
                level.put("bulkLoadSeconds", loadSeconds);
                levels.add(level);
                BenchResults.write("scale-postgres", result);
            }
        }
    }

    private static Map<String, Object> measure(JdbcTemplate jdbc, String jdbcUrl, int warmup, int samples,
                                               int firstNewEmployee) throws Exception {
        Map<String, Object> level = new LinkedHashMap<>();
        int open = jdbc.queryForObject("SELECT count(*) FROM case_file WHERE status = 'OPEN'", Integer.class);
        level.put("openCases", open);
        level.put("openTasks", jdbc.queryForObject("SELECT count(*) FROM act_ru_task", Long.class));
        level.put("timers", jdbc.queryForObject("SELECT count(*) FROM act_ru_job", Long.class));
        level.put("runtimeVariables", jdbc.queryForObject("SELECT count(*) FROM act_ru_variable", Long.class));
        level.put("databaseMb", jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class)
                / 1024 / 1024);
        level.put("partyGrants", partyGrants(jdbc));
        System.out.printf("%d open cases, %s open tasks, %s timers, %s MB, party grants %s%n", open,
                level.get("openTasks"), level.get("timers"), level.get("databaseMb"), level.get("partyGrants"));
        String filterId = jdbc.queryForObject("SELECT id_ FROM act_ru_filter WHERE name_ = ?", String.class,
                TASKLIST_FILTER);
        List<String> caseIds = jdbc.queryForList("""
                SELECT case_id FROM case_file WHERE employer_id = ? AND status = 'OPEN' ORDER BY md5(case_id)
                LIMIT 1000""", String.class, ScaleSeed.measuredEmployer());
        String today = LocalDate.now(ScaleSeed.AMSTERDAM).toString();
        try (PackagedPlatform platform = PackagedPlatform.launch(WORK.resolve("level-" + open),
                Map.of("SPOORWIJZER_DB_URL", jdbcUrl, "SPOORWIJZER_DB_USER", "postgres",
                        "SPOORWIJZER_DB_PASSWORD", "postgres", "CAMUNDA_BPM_ADMINUSER_PASSWORD", "bench-admin"),
                "--spring.profiles.active=postgres", "--spoorwijzer.security.local-passwords-allowed=true")) {
            level.put("launchToReadySeconds", platform.awaitReady());
            // The week of sickness on every open task is caught up in the background after the start (the benchmark's
            // copies of cases carry the week of their template, so nearly every task is stale: the worst case);
            // measured apart, and not measured over.
            String weeks = platform.awaitLogLine("Na het starten: ziekteweek op open taken");
            level.put("afterStartWeekRefresh", weeks.substring(weeks.indexOf("Na het starten")));
            level.put("launchToCaughtUpSeconds", platform.secondsSinceLaunch());
            LatencyProbe probe = new LatencyProbe(warmup, samples, STATEMENTS ? jdbc : null);
            Map<String, Object> requests = new LinkedHashMap<>();
            level.put("requests", requests);
            for (String user : List.of(ScaleSeed.WERKGEVER, ScaleSeed.BEDRIJFSARTS, ScaleSeed.BUREAU)) {
                requests.put("tasklistFirstPage-" + user, probe.measure("Tasklist first page " + user, 200,
                        i -> LatencyProbe.as(user, HttpRequest.newBuilder(platform.uri("/engine-rest/filter/"
                                        + filterId + "/list?firstResult=0&maxResults=15")))
                                .header("Accept", "application/hal+json").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_PAGE)).build()));
            }
            requests.put("casesOverdue", probe.measure("GET /api/cases?overdue=true", 200,
                    i -> LatencyProbe.as(ScaleSeed.MANAGER, HttpRequest.newBuilder(
                            platform.uri("/api/cases?overdue=true"))).GET().build()));
            requests.put("caseDetail", probe.measure("GET /api/cases/{id}", 200,
                    i -> LatencyProbe.as(ScaleSeed.WERKGEVER, HttpRequest.newBuilder(
                            platform.uri("/api/cases/" + caseIds.get(i % caseIds.size())))).GET().build()));
            // Parties by per-case grants (process/CaseParties): the engine names the cases they may see.
            for (String party : List.of(ScaleSeed.BEDRIJFSARTS, ScaleSeed.BUREAU)) {
                requests.put("casesList-" + party, probe.measure("GET /api/cases " + party, 200,
                        i -> LatencyProbe.as(party, HttpRequest.newBuilder(platform.uri("/api/cases"))).GET()
                                .build()));
            }
            requests.put("caseDetail-" + ScaleSeed.BEDRIJFSARTS, probe.measure("GET /api/cases/{id} bedrijfsarts",
                    200, i -> LatencyProbe.as(ScaleSeed.BEDRIJFSARTS, HttpRequest.newBuilder(
                            platform.uri("/api/cases/" + caseIds.get(i % caseIds.size())))).GET().build()));
            overview(probe, platform, requests);
            requests.put("intake", probe.measure("POST /api/cases", 201,
                    i -> LatencyProbe.as(ScaleSeed.WERKGEVER, HttpRequest.newBuilder(platform.uri("/api/cases")))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"employeeId":"%s","employerId":"%s","firstSickDay":"%s"}""".formatted(
                                    ScaleSeed.NEW_EMPLOYEE_PREFIX + (firstNewEmployee + i),
                                    ScaleSeed.measuredEmployer(), today))).build()));
            // The werkgever passes each new case's sick report on to the bedrijfsarts, as in Tasklist: the task ends
            // (dossier entry, Camunda's subtask lookup) and the next one, Probleemanalyse opstellen, is created.
            List<String> sickReportTasks = jdbc.queryForList("""
                    SELECT t.id_ FROM act_ru_task t JOIN case_file c ON c.process_instance_id = t.proc_inst_id_
                    WHERE c.employee_id LIKE ? AND t.task_def_key_ = ? ORDER BY c.opened_at""", String.class,
                    ScaleSeed.NEW_EMPLOYEE_PREFIX + "%", SICK_REPORT_TASK);
            if (sickReportTasks.size() != warmup + samples) {
                throw new IllegalStateException(sickReportTasks.size()
                        + " open sick-report tasks of new cases, expected " + (warmup + samples));
            }
            String answers = formSubmission(SimulatedAnswers.defaults(SICK_REPORT_TASK));
            requests.put("taskCompletion", probe.measure("POST /engine-rest/task/{id}/submit-form", 204,
                    i -> LatencyProbe.as(ScaleSeed.WERKGEVER, HttpRequest.newBuilder(platform.uri(
                                    "/engine-rest/task/" + sickReportTasks.get(i) + "/submit-form")))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(answers)).build()));
            verifyCompletions(jdbc, firstNewEmployee + warmup + samples);
            level.put("residentMbAfterRequests", platform.residentMb());
            // What of that is data: the live heap after a full collection, and the resident memory after it.
            level.put("heapAfterFullCollection", platform.heapAfterFullCollectionMb());
            level.put("residentMbAfterFullCollection", platform.residentMb());
            level.put("failedJobs", jdbc.queryForObject(
                    "SELECT count(*) FROM act_ru_job WHERE retries_ = 0 OR exception_msg_ IS NOT NULL", Long.class));
        }
        level.put("nightlyRuns", NightlyRuns.measure(jdbc, WORK.resolve("nightly-" + open), jdbcUrl));
        return level;
    }

    /**
     * The managers' overview (issue 27): the werkgever of the measured employer and a manager of every employer
     * (aggregates only). The figures of the overview page that are not on every branch yet are measured by path and
     * skipped, with a note, while they answer 404.
     */
    private static void overview(LatencyProbe probe, PackagedPlatform platform, Map<String, Object> requests)
            throws IOException, InterruptedException {
        String werkgever = ScaleSeed.WERKGEVER;
        String manager = ScaleSeed.MANAGER;
        List<String[]> kinds = List.of(
                new String[] {"deadlineSummary-werkgever", werkgever, "/api/deadlines/summary"},
                new String[] {"deadlineSummary-manager", manager, "/api/deadlines/summary"},
                new String[] {"deadlineTimeliness-werkgever", werkgever, "/api/deadlines/timeliness"},
                new String[] {"deadlineTimeliness-manager", manager, "/api/deadlines/timeliness"},
                new String[] {"deadlineList-werkgever", werkgever, "/api/deadlines"},
                new String[] {"risksList-werkgever", werkgever, "/api/overview/risks"},
                new String[] {"riskCounts-werkgever", werkgever, "/api/overview/risks/counts"},
                new String[] {"riskCounts-manager", manager, "/api/overview/risks/counts"},
                new String[] {"phases-werkgever", werkgever, "/api/overview/phases"},
                new String[] {"phases-manager", manager, "/api/overview/phases"},
                new String[] {"weeks-werkgever", werkgever, "/api/overview/weeks"},
                new String[] {"weeks-manager", manager, "/api/overview/weeks"},
                new String[] {"flow-werkgever", werkgever, "/api/overview/flow?months=12"},
                new String[] {"flow-manager", manager, "/api/overview/flow?months=12"},
                new String[] {"endings-werkgever", werkgever, "/api/overview/endings?months=12"},
                new String[] {"endings-manager", manager, "/api/overview/endings?months=12"});
        HttpClient http = HttpClient.newHttpClient();
        for (String[] kind : kinds) {
            String name = kind[0];
            String user = kind[1];
            String path = kind[2];
            HttpRequest request = LatencyProbe.as(user, HttpRequest.newBuilder(platform.uri(path))).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 404) {
                String note = "skipped: GET " + path + " answered 404 (not on this branch yet)";
                System.out.println("  " + name + ": " + note);
                requests.put(name, Map.of("skipped", note));
                continue;
            }
            // Every month of the flow is listed even when empty; the endings list only closed cases, and the scale
            // data are open cases, so an empty answer is a result there.
            boolean mayBeEmpty = path.startsWith("/api/overview/endings");
            requests.put(name, probe.measure("GET " + path + " " + user, 200, i -> request, mayBeEmpty));
        }
    }

    /**
     * The per-case grants (process instance READ, process/CaseParties) of the benchmark's organisations, and in how
     * many cases of the measured employer each is a party: the data must exercise the parties' requests.
     */
    static Map<String, Object> partyGrants(JdbcTemplate jdbc) {
        Map<String, Object> grants = new LinkedHashMap<>();
        for (String group : List.of(ScaleSeed.ARBODIENST_GROUP, ScaleSeed.BUREAU_GROUP)) {
            long all = jdbc.queryForObject("SELECT count(*) FROM act_ru_authorization WHERE group_id_ = ?"
                    + " AND resource_type_ = ?", Long.class, group, Resources.PROCESS_INSTANCE.resourceType());
            long measured = jdbc.queryForObject("""
                    SELECT count(*) FROM case_file c WHERE c.employer_id = ? AND EXISTS (SELECT 1 FROM
                    act_ru_authorization a WHERE a.group_id_ = ? AND a.resource_type_ = ?
                    AND a.resource_id_ = c.process_instance_id)""", Long.class, ScaleSeed.measuredEmployer(), group,
                    Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
            if (measured == 0) {
                throw new IllegalStateException("no case of " + ScaleSeed.measuredEmployer() + " has " + group
                        + " as a party: templates are not routed to the benchmark's organisations");
            }
            grants.put(group, Map.of("processInstanceGrants", all, "casesOfMeasuredEmployer", measured));
        }
        return grants;
    }

    /**
     * What every completion must have left (a 204 alone is not a result): each new case so far has its sick report in
     * the dossier and its problem analysis open for the bedrijfsarts.
     */
    private static void verifyCompletions(JdbcTemplate jdbc, int newCases) {
        String newEmployees = ScaleSeed.NEW_EMPLOYEE_PREFIX + "%";
        Integer recorded = jdbc.queryForObject("""
                SELECT count(*) FROM dossier_entry d JOIN case_file c ON c.case_id = d.case_id
                WHERE c.employee_id LIKE ? AND d.entry_type = 'TASK_COMPLETED' AND d.element_id = ?""",
                Integer.class, newEmployees, SICK_REPORT_TASK);
        Integer analyses = jdbc.queryForObject("""
                SELECT count(*) FROM act_ru_task t JOIN case_file c ON c.process_instance_id = t.proc_inst_id_
                WHERE c.employee_id LIKE ? AND t.task_def_key_ = 'probleemanalyseOpstellen'""", Integer.class,
                newEmployees);
        if (recorded != newCases || analyses != newCases) {
            throw new IllegalStateException("after completing the sick reports of " + newCases + " new cases: "
                    + recorded + " dossier entries, " + analyses + " problem analyses open");
        }
    }

    /** A Camunda Forms submission as Tasklist sends it: every field as an untyped variable value. */
    private static String formSubmission(Map<String, Object> values) throws JsonProcessingException {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return JSON.writeValueAsString(Map.of("variables", variables));
    }

    /** Spring arguments for a platform on the given PostgreSQL (the production profile's variables). */
    static String[] platformArguments(String jdbcUrl, String profiles, String... more) {
        List<String> all = new ArrayList<>(List.of("--spring.profiles.active=" + profiles,
                "--SPOORWIJZER_DB_URL=" + jdbcUrl, "--SPOORWIJZER_DB_USER=postgres",
                "--SPOORWIJZER_DB_PASSWORD=postgres", "--spring.datasource.url=" + jdbcUrl));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
