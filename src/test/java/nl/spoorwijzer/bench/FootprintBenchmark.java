package nl.spoorwijzer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark 4 of BENCHMARKS.md, footprint of the packaged platform ({@code java -jar}, embedded H2 file database,
 * demo profile): time from launch to ready ({@code /actuator/health/readiness} answers 200: database and engine up)
 * on a new and on an existing database, and resident memory (VmRSS) once the start-up work is done and the platform
 * idles. Writes {@code target/bench/footprint-h2.json}.
 */
public final class FootprintBenchmark {

    static final Path WORK = Path.of("target", "bench", "footprint");

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        List<Double> newDatabase = new ArrayList<>();
        List<Double> existingDatabase = new ArrayList<>();
        List<Double> residentMb = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            FileSystemUtils.deleteRecursively(WORK);
            Files.createDirectories(WORK);
            newDatabase.add(launchToReady(null));
            existingDatabase.add(launchToReady(residentMb));
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
    private static double launchToReady(List<Double> residentMb) throws Exception {
        try (PackagedPlatform platform = PackagedPlatform.launch(WORK, Map.of())) {
            double seconds = platform.awaitReady();
            if (residentMb != null) {
                Thread.sleep(20_000); // start-up work (roles, demo cases) done, then idle
                residentMb.add(platform.residentMb());
            }
            return seconds;
        }
    }
}
