package nl.spoorwijzer.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * The packaged platform ({@code java -jar target/spoorwijzer-*.jar}, default JVM settings) in a process of its
 * own, as operators run it: started in a working directory, ready when {@code /actuator/health/readiness} answers
 * 200, stopped at the end. Its log goes to {@code platform.log} in the working directory.
 */
final class PackagedPlatform implements AutoCloseable {

    /** How long a launch may take to be ready (-Dbench.platform.ready-seconds; a loaded host needs more). */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("bench.platform.ready-seconds", 180));

    private final Process process;
    private final int port;
    private final Path log;
    private final MemoryCgroup cgroup;
    private final long launchedAt;

    private PackagedPlatform(Process process, int port, Path log, long launchedAt, MemoryCgroup cgroup) {
        this.cgroup = cgroup;
        this.process = process;
        this.port = port;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    /**
     * How the platform is started: the jar and JVM options. {@link #plainJar()} is {@code java -jar} on the jar the
     * build produced, as a developer would; {@link #extractedWithClassDataSharing} is the container image's way.
     */
    record Launch(String name, Path jar, List<String> jvmOptions) {
        static Launch plainJar() throws IOException {
            return new Launch("jar", PackagedPlatform.jar(), List.of());
        }

        /**
         * As docker/Dockerfile does it (Spring Boot's documented CDS recipe): the jar extracted to plain jars
         * ({@code -Djarmode=tools extract}), one training start that stops after the context refresh and archives
         * the classes it loaded ({@code -XX:ArchiveClassesAtExit}), then every start maps that archive.
         */
        static Launch extractedWithClassDataSharing(Path directory) throws IOException, InterruptedException {
            FileSystemUtils.deleteRecursively(directory);
            Path application = directory.toAbsolutePath().resolve("application");
            run(directory, List.of("-Djarmode=tools", "-jar", PackagedPlatform.jar().toString(), "extract",
                    "--destination", application.toString()));
            Path extracted = application.resolve(PackagedPlatform.jar().getFileName());
            Path archive = directory.toAbsolutePath().resolve("spoorwijzer.jsa");
            Path training = directory.resolve("training");
            run(training, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                    "-jar", extracted.toString(), "--server.port=0"));
            return new Launch("extracted-cds", extracted, List.of("-XX:SharedArchiveFile=" + archive,
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }

        private static void run(Path directory, List<String> javaArguments) throws IOException, InterruptedException {
            Files.createDirectories(directory);
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(javaArguments);
            Path log = directory.resolve("step.log");
            Process step = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!step.waitFor(5, TimeUnit.MINUTES) || step.exitValue() != 0) {
                step.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        }
    }

    /** Records the settings every launch gets ({@code -Dbench.platform.jvm}, {@code -Dbench.platform.memory-limit}). */
    static void recordSettings(Map<String, Object> result) {
        result.put("platformJvmOptions", System.getProperty("bench.platform.jvm", ""));
        result.put("platformMemoryLimit", System.getProperty("bench.platform.memory-limit", "none"));
    }

    /** Launches the jar in {@code workDirectory} with the given environment and program arguments. */
    static PackagedPlatform launch(Path workDirectory, Map<String, String> environment, String... arguments)
            throws IOException {
        return launch(Launch.plainJar(), workDirectory, environment, arguments);
    }

    /** Launches the platform the given way in {@code workDirectory}. */
    static PackagedPlatform launch(Launch launch, Path workDirectory, Map<String, String> environment,
                                   String... arguments) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(workDirectory);
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(launch.jvmOptions());
        // Extra JVM options for a profiling run, e.g. -Dbench.platform.jvm=-XX:StartFlightRecording=filename=p.jfr
        String jvmOptions = System.getProperty("bench.platform.jvm", "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", launch.jar().toString(), "--server.port=" + port));
        command.addAll(List.of(arguments));
        Path log = workDirectory.resolve("platform.log");
        DataSize memoryLimit = MemoryCgroup.requested();
        MemoryCgroup cgroup = memoryLimit == null ? null
                : MemoryCgroup.create("spoorwijzer-bench-" + port, memoryLimit);
        ProcessBuilder builder = new ProcessBuilder(cgroup == null ? command : cgroup.wrap(command))
                .directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long launchedAt = System.nanoTime();
        try {
            return new PackagedPlatform(builder.start(), port, log, launchedAt, cgroup);
        } catch (IOException notStarted) {
            if (cgroup != null) {
                cgroup.remove();
            }
            throw notStarted;
        }
    }

    /** Waits until ready; returns the seconds from launch. */
    double awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(uri("/actuator/health/readiness")).build();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform stopped; see " + log);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - launchedAt) / 1e9;
                }
            } catch (IOException notListeningYet) {
                // the server socket is not open yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready within " + TIMEOUT + "; see " + log);
    }

    /**
     * Waits until the platform's log holds a line containing {@code text} (the catch-up work it does in the background
     * after it is ready, system/AfterStart); returns that line, or throws when it does not come within ten times the
     * ready timeout.
     */
    String awaitLogLine(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos() * 10;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform stopped; see " + log);
            }
            try (java.util.stream.Stream<String> lines = Files.lines(log)) {
                java.util.Optional<String> line = lines.filter(candidate -> candidate.contains(text)).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("'" + text + "' not in the log within " + TIMEOUT.multipliedBy(10) + "; see "
                + log);
    }

    /** Seconds since the launch. */
    double secondsSinceLaunch() {
        return (System.nanoTime() - launchedAt) / 1e9;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    /** Resident memory of the platform's process (VmRSS), in MB. */
    double residentMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + process.pid());
    }

    /**
     * The heap the platform still uses after a full collection (its live set, {@code jcmd GC.run} then
     * {@code GC.heap_info}), and what the JVM has reserved for it ("committed"), in MB: shows how much of the resident
     * memory is the JVM's sizing rather than data the platform holds.
     */
    Map<String, Double> heapAfterFullCollectionMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        // G1 reports one heap line, the serial collector (chosen in a small container) one per generation.
        Matcher heap = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
        long committedKb = 0;
        long usedKb = 0;
        while (heap.find()) {
            committedKb += Long.parseLong(heap.group(1));
            usedKb += Long.parseLong(heap.group(2));
        }
        if (committedKb == 0) {
            throw new IllegalStateException("no heap figures in: " + info);
        }
        return Map.of("committedMb", committedKb / 1024.0, "usedMb", usedKb / 1024.0);
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (cgroup != null) {
            cgroup.remove();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            // The executable jar only, not -sources or -tests jars (nor Spring Boot's .jar.original)
            return files.filter(file -> file.getFileName().toString()
                            .matches("spoorwijzer-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("run mvn package first"))
                    .toAbsolutePath();
        }
    }
}
