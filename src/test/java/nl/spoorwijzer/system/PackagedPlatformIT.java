package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.spoorwijzer.support.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the packaged jar the way the README does, in a directory of its own, twice on the same H2 file database:
 * the top-level processes/ and forms/ folders are what it deploys, the data survives the restart, and unchanged
 * files create no new deployment. And a 2xx is durable: killed right after acknowledging work, the jar finds all of
 * it after a restart, on the embedded H2 file as on PostgreSQL.
 */
class PackagedPlatformIT {

    private static final Path WORK_DIR = Path.of("target", "packaged-platform-it");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String EMPLOYER = "acme-bouw";
    private static final int SICK_REPORTS = 20;

    private final ObjectMapper objectMapper = new ObjectMapper();

    @Test
    void deploysEveryModelAndFormOnceAndKeepsItsDataAcrossARestart() throws Exception {
        FileSystemUtils.deleteRecursively(WORK_DIR);
        Files.createDirectories(WORK_DIR);
        Set<String> expected = filesIn("processes", ".bpmn", ".dmn");
        expected.addAll(filesIn("forms", ".form"));
        assertThat(expected).as("the repository ships models and forms").isNotEmpty();

        List<String> deploymentsAfterFirstStart;
        int port = freePort();
        Process first = launch(port);
        try {
            HttpTestClient http = awaitReady(port, first);
            assertThat(deployedFileNames(http)).containsAll(expected);
            assertThat(Files.exists(WORK_DIR.resolve("data"))).as("H2 file database under ./data").isTrue();
            deploymentsAfterFirstStart = deploymentIds(http);
            awaitStartUpWorkDone(1);
            assertThat(demoCases(http)).as("the demo profile populates the platform").isEqualTo(10);
        } finally {
            stop(first);
        }

        Process second = launch(port);
        try {
            HttpTestClient http = awaitReady(port, second);
            assertThat(deploymentIds(http)).as("unchanged files create no new deployment on restart")
                    .containsExactlyInAnyOrderElementsOf(deploymentsAfterFirstStart);
            awaitStartUpWorkDone(2);
            assertThat(demoCases(http)).as("a restart creates no duplicate demo cases").isEqualTo(10);
        } finally {
            stop(second);
        }
    }

    /**
     * A 2xx is durable: the packaged jar on a fresh H2 file acknowledges sick reports and task completions, is killed
     * (SIGKILL, no shutdown hook, no close of the database) right after the last acknowledgement, and after a
     * restart on the same file every acknowledged case, process instance and dossier entry is there.
     */
    @Test
    void everyAcknowledgedChangeSurvivesAKillOnTheEmbeddedDatabase() throws Exception {
        Path workDir = Path.of("target", "packaged-platform-kill-h2");
        FileSystemUtils.deleteRecursively(workDir);
        Files.createDirectories(workDir);
        acknowledgedWorkSurvivesAKill(workDir, Map.of());
    }

    /** The same on PostgreSQL (embedded, started by this test; its default synchronous_commit = on). */
    @Test
    void everyAcknowledgedChangeSurvivesAKillOnPostgres() throws Exception {
        Path workDir = Path.of("target", "packaged-platform-kill-postgres");
        FileSystemUtils.deleteRecursively(workDir);
        Files.createDirectories(workDir);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            acknowledgedWorkSurvivesAKill(workDir, Map.of(
                    "SPRING_PROFILES_ACTIVE", "demo,postgres",
                    "SPOORWIJZER_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "SPOORWIJZER_DB_USER", "postgres",
                    "SPOORWIJZER_DB_PASSWORD", "postgres"));
        }
    }

    private void acknowledgedWorkSurvivesAKill(Path workDir, Map<String, String> environment) throws Exception {
        int port = freePort();
        String[] arguments = {"--spoorwijzer.demo.cases=false"};
        Set<String> cases = new LinkedHashSet<>();
        Set<String> reported = new LinkedHashSet<>();
        Process first = launch(port, workDir, environment, arguments);
        try {
            HttpTestClient http = awaitReady(port, first, workDir);
            String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
            for (int i = 1; i <= SICK_REPORTS; i++) {
                String employee = "crash%02d".formatted(i);
                createEmployee(http, employee);
                HttpResponse<String> opened = http.post("/api/cases", """
                        {"employeeId": "%s", "employerId": "%s", "firstSickDay": "%s"}"""
                        .formatted(employee, EMPLOYER, today), "anna", "anna");
                assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
                String caseId = objectMapper.readTree(opened.body()).path("caseId").asText();
                cases.add(caseId);
                if (i % 2 == 0) {
                    reportToCompanyDoctor(http, caseId, today);
                    reported.add(caseId);
                }
            }
        } finally {
            // Right after the last acknowledgement: SIGKILL, as a crash or an OOM killer would.
            first.destroyForcibly().waitFor();
        }

        Process second = launch(port, workDir, environment, arguments);
        try {
            HttpTestClient http = awaitReady(port, second, workDir);
            for (String caseId : cases) {
                HttpResponse<String> found = http.get("/api/cases/" + caseId, "anna", "anna");
                assertThat(found.statusCode()).as("acknowledged case " + caseId).isEqualTo(200);
                assertThat(countOf(http, "/engine-rest/process-instance/count?processDefinitionKey=poortwachter"
                        + "&businessKey=" + caseId)).as("process instance of " + caseId).isEqualTo(1);
                JsonNode dossier = objectMapper.readTree(
                        http.get("/api/cases/" + caseId + "/dossier", "anna", "anna").body());
                assertThat(dossier.findValuesAsText("type")).as("dossier of " + caseId)
                        .contains("TIMELINE_COMPUTED");
                boolean completed = countOf(http, "/engine-rest/task/count?processInstanceBusinessKey=" + caseId
                        + "&taskDefinitionKey=ziekmeldingDoorgeven") == 0;
                assertThat(completed).as("task of " + caseId + " completed").isEqualTo(reported.contains(caseId));
                if (completed) {
                    assertThat(dossier.findValuesAsText("elementId")).as("dossier of " + caseId)
                            .contains("ziekmeldingDoorgeven");
                }
            }
            // Nothing half-written: the read model holds exactly these cases, each with its process instance.
            JsonNode listed = objectMapper.readTree(http.get("/api/cases?size=100", "anna", "anna").body());
            assertThat(listed.findValuesAsText("caseId")).containsExactlyInAnyOrderElementsOf(cases);
            assertThat(countOf(http, "/engine-rest/process-instance/count?processDefinitionKey=poortwachter"))
                    .isEqualTo(cases.size());
        } finally {
            stop(second);
        }
    }

    /** An employee of acme-bouw, created by the admin through Camunda's REST API. */
    private void createEmployee(HttpTestClient http, String id) {
        HttpResponse<String> created = http.post("/engine-rest/user/create", """
                {"profile": {"id": "%s", "firstName": "Crash", "lastName": "Test", "email": "%s@example.org"},
                 "credentials": {"password": "%s-wachtwoord"}}""".formatted(id, id, id), "demo", "demo");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        for (String membership : List.of("/engine-rest/tenant/" + EMPLOYER + "/user-members/" + id,
                "/engine-rest/group/werknemer/members/" + id)) {
            HttpResponse<String> added = http.send(http.request(membership)
                    .header("Authorization", HttpTestClient.basic("demo", "demo"))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(added.statusCode()).as(membership + ": " + added.body()).isEqualTo(204);
        }
    }

    /** Completes "Ziekmelding doorgeven aan bedrijfsarts" with exactly its form's fields, as anna. */
    private void reportToCompanyDoctor(HttpTestClient http, String caseId, String today) throws IOException {
        JsonNode tasks = objectMapper.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + caseId
                + "&taskDefinitionKey=ziekmeldingDoorgeven", "anna", "anna").body());
        assertThat(tasks).as("open task of " + caseId).hasSize(1);
        HttpResponse<String> submitted = http.post("/engine-rest/task/" + tasks.get(0).path("id").asText()
                + "/submit-form", """
                {"variables": {
                  "meldingBedrijfsartsDatum": {"value": "%s", "type": "String"},
                  "bedrijfsarts": {"value": "Arbodienst Noord, drs. K. de Vries", "type": "String"},
                  "meldingToelichting": {"value": "Telefonisch doorgegeven.", "type": "String"}}}"""
                .formatted(today), "anna", "anna");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    }

    private long countOf(HttpTestClient http, String query) throws IOException {
        HttpResponse<String> response = http.get(query, "demo", "demo");
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        return objectMapper.readTree(response.body()).path("count").asLong();
    }

    private static Process launch(int port) throws IOException {
        return launch(port, WORK_DIR, Map.of());
    }

    private static Process launch(int port, Path workDir, Map<String, String> environment, String... arguments)
            throws IOException {
        String jar = Path.of(System.getProperty("spoorwijzer.jar", "target/spoorwijzer-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath().toString();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "--server.port=" + port));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("platform.log").toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static HttpTestClient awaitReady(int port, Process process) throws InterruptedException {
        return awaitReady(port, process, WORK_DIR);
    }

    private static HttpTestClient awaitReady(int port, Process process, Path workDir) throws InterruptedException {
        HttpTestClient http = new HttpTestClient(port);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("platform process exited; see " + workDir + "/platform.log").isTrue();
            try {
                if (http.get("/engine-rest/deployment", "demo", "demo").statusCode() == 200) {
                    return http;
                }
            } catch (RuntimeException notListeningYet) {
                // the server socket is not open yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("platform did not answer within " + START_TIMEOUT);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Start-up work (roles, demo users) runs after the server answers and before the job executor starts, so the
     * job executor's start line in the log (ENGINE-14014) marks the end of the {@code starts}-th start-up.
     */
    private static void awaitStartUpWorkDone(int starts) throws IOException, InterruptedException {
        Path log = WORK_DIR.resolve("platform.log");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            long started = Files.readAllLines(log).stream().filter(line -> line.contains("ENGINE-14014")).count();
            if (started >= starts) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("start-up work did not finish within " + START_TIMEOUT);
    }

    private int demoCases(HttpTestClient http) throws IOException {
        String query = "/engine-rest/history/process-instance/count?processDefinitionKey=poortwachter"
                + "&processInstanceBusinessKeyLike=DEMO-%25";
        return objectMapper.readTree(http.get(query, "demo", "demo").body()).path("count").asInt();
    }

    private List<String> deploymentIds(HttpTestClient http) throws IOException {
        JsonNode deployments = objectMapper.readTree(http.get("/engine-rest/deployment", "demo", "demo").body());
        return Stream.of(deployments).flatMap(node -> node.findValuesAsText("id").stream()).toList();
    }

    private Set<String> deployedFileNames(HttpTestClient http) throws IOException {
        Set<String> names = new HashSet<>();
        for (String id : deploymentIds(http)) {
            HttpResponse<String> resources = http.get("/engine-rest/deployment/" + id + "/resources", "demo", "demo");
            for (String name : objectMapper.readTree(resources.body()).findValuesAsText("name")) {
                names.add(name.substring(name.replace('\\', '/').lastIndexOf('/') + 1));
            }
        }
        return names;
    }

    private static Set<String> filesIn(String folder, String... extensions) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> Stream.of(extensions).anyMatch(name::endsWith))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
