package nl.spoorwijzer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a durable commit costs on the embedded H2 file (issue 21): the platform's URL writes every commit to the file
 * before it returns ({@code WRITE_DELAY=0}); H2's default writes committed transactions up to 500 ms later. Each run
 * commits the same transactions (10 small inserts each, like a task completion's rows) on a fresh file with either
 * setting, alternating after a warm-up round, and reports the time per commit and the file size. Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=nl.spoorwijzer.bench.H2CommitBenchmark}
 * (optional {@code -Dbench.commits=5000 -Dbench.runs=3}).
 */
public final class H2CommitBenchmark {

    private static final String DURABLE = ";WRITE_DELAY=0";

    private H2CommitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int commits = Integer.getInteger("bench.commits", 5000);
        int runs = Integer.getInteger("bench.runs", 3);
        Map<String, Object> result = BenchResults.header("h2-commit", "h2-file");
        result.put("commitsPerRun", commits);
        Map<String, List<Double>> microsPerCommit = new LinkedHashMap<>();
        Map<String, List<Long>> fileBytes = new LinkedHashMap<>();
        for (int run = -1; run < runs; run++) { // run -1 warms the JIT up and is not counted
            for (String setting : run % 2 == 0 ? List.of("default", "durable") : List.of("durable", "default")) {
                Path directory = Files.createTempDirectory("h2-commit-");
                try {
                    long[] timeAndSize = commit(directory, setting.equals("durable") ? DURABLE : "", commits);
                    if (run < 0) {
                        continue;
                    }
                    double micros = timeAndSize[0] / 1000.0 / commits;
                    microsPerCommit.computeIfAbsent(setting, s -> new ArrayList<>()).add(micros);
                    fileBytes.computeIfAbsent(setting, s -> new ArrayList<>()).add(timeAndSize[1]);
                    System.out.printf("run %d %-7s %8.1f µs per commit, file %,d KB while open%n", run + 1, setting,
                            micros, timeAndSize[1] / 1024);
                } finally {
                    delete(directory);
                }
            }
        }
        microsPerCommit.forEach((setting, values) -> result.put(setting + "MicrosPerCommitMedian",
                BenchResults.median(values)));
        result.put("microsPerCommit", microsPerCommit);
        result.put("fileBytes", fileBytes);
        BenchResults.write("h2-commit", result);
        System.out.println("median µs per commit " + result.get("defaultMicrosPerCommitMedian") + " (default) vs "
                + result.get("durableMicrosPerCommitMedian") + " (WRITE_DELAY=0)");
    }

    /** The nanoseconds the commits took and the database file's size before it is closed (and compacted). */
    private static long[] commit(Path directory, String setting, int commits) throws SQLException, IOException {
        String url = "jdbc:h2:file:" + directory.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE" + setting;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table entry (id bigint auto_increment primary key, case_id varchar(40),"
                        + " content varchar(4000))");
            }
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into entry (case_id, content) values (?, ?)")) {
                for (int i = 0; i < commits; i++) {
                    for (int row = 0; row < 10; row++) {
                        insert.setString(1, "ZV-2026-" + i);
                        insert.setString(2, "{\"veld\":\"waarde " + row + "\"}");
                        insert.executeUpdate();
                    }
                    connection.commit();
                }
            }
            return new long[] {System.nanoTime() - started, size(directory)};
        }
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
