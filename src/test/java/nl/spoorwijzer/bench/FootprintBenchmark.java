package nl.spoorwijzer.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark 4 of BENCHMARKS.md, footprint of the packaged platform ({@code java -jar}, embedded H2 file database,
 * demo profile): time from launch to ready ({@code /actuator/health/readiness} answers 200: database and engine up)
 * on a new and on an existing database, and resident memory (VmRSS) once the start-up work is done and the platform
 * idles. Writes {@code target/bench/footprint-h2.json}.
 */
public final class FootprintBenchmark {

    static final Path WORK = Path.of("target", "bench", "footprint");
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        Path jar = packagedJar();
        List<Double> newDatabase = new ArrayList<>();
        List<Double> existingDatabase = new ArrayList<>();
        List<Double> residentMb = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            FileSystemUtils.deleteRecursively(WORK);
            Files.createDirectories(WORK);
            newDatabase.add(launchToReady(jar, null));
            existingDatabase.add(launchToReady(jar, residentMb));
            System.out.printf("run %d: ready in %.1f s (new database), %.1f s (existing), %.0f MB resident%n", run,
                    newDatabase.get(run - 1), existingDatabase.get(run - 1), residentMb.get(run - 1));
        }
        Map<String, Object> result = BenchResults.header("footprint", "h2-file");
        result.put("runs", runs);
        result.put("launchToReadySecondsNewDatabaseMedian", BenchResults.median(newDatabase));
        result.put("launchToReadySecondsExistingDatabaseMedian", BenchResults.median(existingDatabase));
        result.put("launchToReadySecondsNewDatabase", newDatabase);
        result.put("launchToReadySecondsExistingDatabase", existingDatabase);
        result.put("residentMbIdleMedian", BenchResults.median(residentMb));
        result.put("residentMbIdle", residentMb);
        BenchResults.write("footprint-h2", result);
    }

    /** Seconds from launch until ready; with {@code residentMb}, also waits for the idle state and measures RSS. */
    private static double launchToReady(Path jar, List<Double> residentMb) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long started = System.nanoTime();
        Process platform = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=" + port)
                .directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve("platform.log").toFile())).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest readiness = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/readiness")).build();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!platform.isAlive()) {
                    throw new IllegalStateException("the platform stopped; see " + WORK.resolve("platform.log"));
                }
                try {
                    if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        if (residentMb != null) {
                            Thread.sleep(20_000); // start-up work (roles, demo cases) done, then idle
                            residentMb.add(residentMb(platform.pid()));
                        }
                        return seconds;
                    }
                } catch (IOException notListeningYet) {
                    // the server socket is not open yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("not ready within " + TIMEOUT);
        } finally {
            platform.destroy();
            if (!platform.waitFor(30, TimeUnit.SECONDS)) {
                platform.destroyForcibly().waitFor();
            }
        }
    }

    private static double residentMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static Path packagedJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("spoorwijzer-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("run mvn package first"))
                    .toAbsolutePath();
        }
    }
}
