package nl.spoorwijzer.system;

import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production profile (anything without {@code demo}) while the admin user still has the
 * well-known password {@code demo}. With the demo profile active every demo user has a well-known password by
 * design (e.g. the demo on PostgreSQL, {@code demo,postgres}), so the guard does not apply there. Runs before any
 * bean, so nothing is written to the database first.
 */
public class DefaultPasswordGuard implements EnvironmentPostProcessor {

    static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";
    static final String DEFAULT_PASSWORD = "demo";
    /** Profiles that belong to the embedded try-out, where the well-known password is intended. */
    static final Set<String> EMBEDDED_PROFILES = Set.of("demo");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String[] active = environment.getActiveProfiles();
        boolean productionProfile = active.length > 0
                && Arrays.stream(active).noneMatch(EMBEDDED_PROFILES::contains);
        if (productionProfile && DEFAULT_PASSWORD.equals(environment.getProperty(PASSWORD_PROPERTY))) {
            throw new IllegalStateException("Spoorwijzer refuses to start with profile(s) "
                    + String.join(",", environment.getActiveProfiles()) + " while the admin password is the default '"
                    + DEFAULT_PASSWORD + "'. Set " + PASSWORD_PROPERTY
                    + " (environment variable CAMUNDA_BPM_ADMINUSER_PASSWORD) to a secret value.");
        }
    }
}
