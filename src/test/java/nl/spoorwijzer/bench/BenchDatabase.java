package nl.spoorwijzer.bench;

import java.util.ArrayList;
import java.util.List;
import nl.spoorwijzer.support.EmbeddedPostgresEnvironment;

/**
 * The database a benchmark runs on: the tests' in-memory H2 by default, or the embedded PostgreSQL with
 * {@code -Dspoorwijzer.test.database=postgres} (same switch as the test suite's second pass).
 */
final class BenchDatabase {

    private BenchDatabase() {
    }

    static String name() {
        return EmbeddedPostgresEnvironment.active() ? "postgres" : "h2";
    }

    static String[] arguments(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        if (!EmbeddedPostgresEnvironment.active()) {
            all.add("--spring.datasource.url=jdbc:h2:mem:spoorwijzer-bench;DB_CLOSE_DELAY=-1");
        }
        return all.toArray(String[]::new);
    }
}
