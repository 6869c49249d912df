package nl.spoorwijzer.bench;

import java.util.ArrayList;
import java.util.List;
import nl.spoorwijzer.support.EmbeddedPostgresEnvironment;

/**
 * The database a benchmark runs on: the tests' in-memory H2 by default, or the embedded PostgreSQL with
 * {@code -Dspoorwijzer.test.database=postgres} (same switch as the test suite's second pass). {@code -Dbench.h2.url}
 * replaces the in-memory H2 with another H2 URL, e.g. the shipped file database with and without its durability
 * setting ({@code jdbc:h2:file:./target/bench/h2/spoorwijzer;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0}).
 */
final class BenchDatabase {

    private BenchDatabase() {
    }

    static String name() {
        return EmbeddedPostgresEnvironment.active() ? "postgres" : "h2";
    }

    /** The H2 URL of this run: {@code -Dbench.h2.url}, or an in-memory database. */
    static String h2Url() {
        String url = System.getProperty("bench.h2.url", "").trim();
        return url.isEmpty() ? "jdbc:h2:mem:spoorwijzer-bench;DB_CLOSE_DELAY=-1" : url;
    }

    static String[] arguments(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        if (!EmbeddedPostgresEnvironment.active()) {
            all.add("--spring.datasource.url=" + h2Url());
        }
        return all.toArray(String[]::new);
    }
}
