package nl.spoorwijzer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * A memory limit for the measured platform as a container runtime sets one ({@code docker run --memory}): a cgroup of
 * its own with that limit, which the JVM reads as the machine's memory (heap and garbage collector are chosen from it,
 * as in a container). {@code -Dbench.platform.memory-limit=1GB}; needs root and a writable cgroup file system (v1 or
 * v2), and fails with the path otherwise.
 */
final class MemoryCgroup {

    private static final Path V1 = Path.of("/sys/fs/cgroup/memory");
    private static final Path V2 = Path.of("/sys/fs/cgroup");

    private final Path directory;

    private MemoryCgroup(Path directory) {
        this.directory = directory;
    }

    /** The limit asked for with {@code -Dbench.platform.memory-limit}, or {@code null} for none. */
    static DataSize requested() {
        String limit = System.getProperty("bench.platform.memory-limit", "").trim();
        return limit.isEmpty() ? null : DataSize.parse(limit);
    }

    static MemoryCgroup create(String name, DataSize limit) throws IOException {
        boolean v1 = Files.isDirectory(V1);
        Path directory = (v1 ? V1 : V2).resolve(name);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(v1 ? "memory.limit_in_bytes" : "memory.max"),
                    Long.toString(limit.toBytes()));
        } catch (IOException e) {
            try {
                Files.deleteIfExists(directory); // an empty cgroup without a limit: remove it again
            } catch (IOException ignored) {
                // nothing more to do: the message below says where
            }
            throw new IllegalStateException("cannot set a memory limit in " + directory
                    + " (root and a writable cgroup file system are needed): " + e.getMessage(), e);
        }
        return new MemoryCgroup(directory);
    }

    /** The command, started inside this cgroup: the shell moves itself there and then becomes the command. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
                directory.resolve("cgroup.procs").toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Removes the cgroup; only possible once the process in it has ended. */
    void remove() throws IOException {
        Files.deleteIfExists(directory);
    }
}
