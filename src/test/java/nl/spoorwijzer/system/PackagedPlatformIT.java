package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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
 * files create no new deployment.
 */
class PackagedPlatformIT {

    private static final Path WORK_DIR = Path.of("target", "packaged-platform-it");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

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

    private static Process launch(int port) throws IOException {
        String jar = Path.of(System.getProperty("spoorwijzer.jar", "target/spoorwijzer-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath().toString();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "--server.port=" + port)
                .directory(WORK_DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(WORK_DIR.resolve("platform.log").toFile()))
                .start();
    }

    private static HttpTestClient awaitReady(int port, Process process) throws InterruptedException {
        HttpTestClient http = new HttpTestClient(port);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("platform process exited; see " + WORK_DIR + "/platform.log").isTrue();
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
     * Start-up work (roles, demo data) runs after the server answers and before the job executor starts, so the
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
