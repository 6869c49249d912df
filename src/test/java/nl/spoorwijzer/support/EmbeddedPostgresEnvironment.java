package nl.spoorwijzer.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the Spring tests on a real PostgreSQL when {@code -Dspoorwijzer.test.database=postgres} (the second failsafe
 * execution): starts one embedded PostgreSQL per JVM (zonky, binaries from Maven Central) and activates the
 * {@code postgres} profile with it — the same profile, Liquibase changelogs and settings as production — next to the
 * {@code demo} profile for the demo users the tests log in with.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String SWITCH = "spoorwijzer.test.database";

    private static EmbeddedPostgres database;

    public static boolean active() {
        return "postgres".equals(System.getProperty(SWITCH));
    }

    /** The JDBC URL of the test database; starts it on first use. */
    public static synchronized String jdbcUrl() {
        if (database == null) {
            try {
                database = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            // Not a JVM shutdown hook: those run concurrently, so PostgreSQL stopped while the cached test contexts
            // were still closing, and each process engine's close (it runs a command) waited for a connection
            // (Hikari's 30 s timeout), past Surefire's exit timeout. Spring Boot runs its shutdown handlers after
            // every context has closed; this is only reached inside SpringApplication.run, which enables them.
            SpringApplication.getShutdownHandlers().add(EmbeddedPostgresEnvironment::stop);
        }
        return database.getJdbcUrl("postgres", "postgres");
    }

    private static synchronized void stop() {
        try {
            database.close();
        } catch (IOException e) {
            System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
        }
    }

    @Override
    public int getOrder() {
        // Before Spring Boot reads the config files, so that application-postgres.yaml is loaded.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!active()) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.profiles.active", String.join(",", profilesWithPostgres(environment)));
        properties.put("SPOORWIJZER_DB_URL", jdbcUrl());
        properties.put("SPOORWIJZER_DB_USER", "postgres");
        properties.put("SPOORWIJZER_DB_PASSWORD", "postgres");
        // Wins over the tests' in-memory H2 URL in config/application.yaml.
        properties.put("spring.datasource.url", jdbcUrl());
        environment.getPropertySources().addFirst(new MapPropertySource("embedded-postgres", properties));
    }

    /**
     * The test's own profiles (its {@code @ActiveProfiles}, e.g. {@code oidc}) with {@code demo} and {@code postgres}:
     * replacing them would run a test on PostgreSQL with other settings than on H2.
     */
    private static Set<String> profilesWithPostgres(ConfigurableEnvironment environment) {
        Set<String> profiles = new LinkedHashSet<>(List.of("demo"));
        profiles.addAll(List.of(environment.getActiveProfiles()));
        profiles.addAll(Binder.get(environment).bind("spring.profiles.active", Bindable.listOf(String.class))
                .orElse(List.of()));
        profiles.add("postgres");
        return profiles;
    }
}
