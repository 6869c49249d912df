package nl.spoorwijzer.simulation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts {@link SimulationMain} in a JVM of its own with the platform's classpath and waits for it at most
 * {@code spoorwijzer.simulation.timeout}; past it the JVM is killed. The engine clock is global to a JVM: a
 * simulation inside the platform would move the real cases' timers and due dates along with the sample cases'.
 * Works for {@code mvn spring-boot:run} and tests (the classpath of this JVM) and for the executable jar (Spring
 * Boot's PropertiesLauncher with {@code loader.main}).
 */
@Component
class SimulationLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationLauncher.class);
    private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    /** How a simulation ended: its exit code, or null when it was killed after the timeout. */
    record Outcome(Integer exitCode, Path result) {
    }

    private final Duration timeout;
    private final String maxHeap;

    SimulationLauncher(@Value("${spoorwijzer.simulation.timeout:10m}") Duration timeout,
                       @Value("${spoorwijzer.simulation.max-heap:768m}") String maxHeap) {
        this.timeout = timeout;
        this.maxHeap = maxHeap;
    }

    Outcome run(Path work) throws IOException, InterruptedException {
        Path log = work.resolve("simulatie.log");
        Process process = new ProcessBuilder(command(work)).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Simulation in {} ran past {}; killed", work, timeout);
                return new Outcome(null, null);
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (process.exitValue() == 1) {
            LOG.warn("Simulation in {} failed; its log:\n{}", work, head(log));
        }
        return new Outcome(process.exitValue(), work.resolve(SimulationMain.RESULT));
    }

    private List<String> command(Path work) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-Djava.io.tmpdir=" + work);
        String classpath = classpath(System.getProperty("java.class.path"));
        if (isExecutableJar(classpath)) {
            command.add("-Dloader.main=" + SimulationMain.class.getName());
            command.add("-cp");
            command.add(classpath);
            command.add(PROPERTIES_LAUNCHER);
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add(SimulationMain.class.getName());
        }
        command.add(work.toString());
        return command;
    }

    /**
     * This JVM's classpath with every entry absolute, since the simulation runs in its work directory, and without
     * empty entries: an empty entry means the working directory, whose {@code processes/} would be deployed twice.
     */
    static String classpath(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isExecutableJar(String classpath) throws IOException {
        if (classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classpath)) {
            return jar.getEntry("BOOT-INF/classes/") != null || jar.getEntry("BOOT-INF/lib/") != null;
        }
    }

    private static String head(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(0, Math.min(lines.size(), 150)));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
