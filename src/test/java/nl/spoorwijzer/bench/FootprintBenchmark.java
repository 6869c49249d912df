package nl.spoorwijzer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark 4 of BENCHMARKS.md, footprint of the packaged platform ({@code java -jar}, embedded H2 file database,
 * demo profile): time from launch to ready ({@code /actuator/health/readiness} answers 200: database and engine up)
 * on a new and on an existing database, and resident memory (VmRSS) once the start-up work is done and the platform
 * idles. Two ways to launch: {@code java -jar} on the built jar, and the container image's (extracted jar with a
 * class data sharing archive, see {@link PackagedPlatform.Launch}). Writes {@code target/bench/footprint-h2.json}.
 */
public final class FootprintBenchmark {

    static final Path WORK = Path.of("target", "bench", "footprint");

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        Map<String, Object> result = BenchResults.header("footprint", "h2-file");
        result.put("runs", runs);
        PackagedPlatform.recordSettings(result);
        List<PackagedPlatform.Launch> launches = List.of(PackagedPlatform.Launch.plainJar(),
                PackagedPlatform.Launch.extractedWithClassDataSharing(WORK.resolve("cds")));
        for (PackagedPlatform.Launch launch : launches) {
            List<Double> newDatabase = new ArrayList<>();
            List<Double> existingDatabase = new ArrayList<>();
            List<Double> residentMb = new ArrayList<>();
            Path data = WORK.resolve("data-" + launch.name());
            for (int run = 1; run <= runs; run++) {
                FileSystemUtils.deleteRecursively(data);
                Files.createDirectories(data);
                newDatabase.add(launchToReady(launch, data, null));
                existingDatabase.add(launchToReady(launch, data, residentMb));
                System.out.printf("%s run %d: ready in %.1f s (new database), %.1f s (existing), %.0f MB resident%n",
                        launch.name(), run, newDatabase.get(run - 1), existingDatabase.get(run - 1),
                        residentMb.get(run - 1));
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("jvmOptions", launch.jvmOptions());
            figures.put("launchToReadySecondsNewDatabaseMedian", BenchResults.median(newDatabase));
            figures.put("launchToReadySecondsExistingDatabaseMedian", BenchResults.median(existingDatabase));
            figures.put("launchToReadySecondsNewDatabase", newDatabase);
            figures.put("launchToReadySecondsExistingDatabase", existingDatabase);
            figures.put("residentMbIdleMedian", BenchResults.median(residentMb));
            figures.put("residentMbIdle", residentMb);
            result.put(launch.name(), figures);
        }
        BenchResults.write("footprint-h2", result);
    }

    /** Seconds from launch until ready; with {@code residentMb}, also waits for the idle state and measures RSS. */
    private static double launchToReady(PackagedPlatform.Launch launch, Path workDirectory, List<Double> residentMb)
            throws Exception {
        try (PackagedPlatform platform = PackagedPlatform.launch(launch, workDirectory, Map.of())) {
            double seconds = platform.awaitReady();
            if (residentMb != null) {
                Thread.sleep(20_000); // start-up work (roles, demo cases) done, then idle
                residentMb.add(platform.residentMb());
            }
            return seconds;
        }
    }
}
