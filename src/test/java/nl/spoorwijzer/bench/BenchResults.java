package nl.spoorwijzer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes benchmark results as JSON under {@code target/bench/}, with the machine and the date. */
final class BenchResults {

    static final Path DIRECTORY = Path.of("target", "bench");

    private BenchResults() {
    }

    static Map<String, Object> header(String benchmark, String database) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", benchmark);
        result.put("database", database);
        result.put("date", OffsetDateTime.now().toString());
        result.put("processors", Runtime.getRuntime().availableProcessors());
        result.put("cpu", cpuModel());
        result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        result.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        result.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        result.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return result;
    }

    /**
     * The processor as Linux names it ({@code model name} and {@code model} of /proc/cpuinfo): hosted machines of the
     * same size differ in CPU from one session to the next, so figures are only compared within one CPU.
     */
    static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            Map<String, String> first = new LinkedHashMap<>();
            lines.takeWhile(line -> !line.isBlank()).map(line -> line.split(":", 2)).filter(kv -> kv.length == 2)
                    .forEach(kv -> first.putIfAbsent(kv[0].trim(), kv[1].trim()));
            return first.getOrDefault("model name", "unknown") + " (family " + first.get("cpu family") + " model "
                    + first.get("model") + ")";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The given percentile of durations in nanoseconds, in milliseconds (nearest rank). */
    static double percentileMillis(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    static void write(String name, Map<String, Object> result) throws IOException {
        Files.createDirectories(DIRECTORY);
        Path file = DIRECTORY.resolve(name + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
        System.out.println("wrote " + file.toAbsolutePath());
    }
}
