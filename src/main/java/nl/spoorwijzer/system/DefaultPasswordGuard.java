package nl.spoorwijzer.system;

import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production profile (anything without {@code demo}) while the admin user still has the
 * well-known password {@code demo}, or while people would sign in with local passwords only: a production profile
 * needs the organisation's identity provider ({@code spoorwijzer.security.oidc.issuer-uri}, two factors enforced
 * there) unless local passwords are explicitly allowed ({@code spoorwijzer.security.local-passwords-allowed=true}). With the demo profile active every demo user has a well-known password by
 * design (e.g. the demo on PostgreSQL, {@code demo,postgres}), so the guard does not apply there. Runs before any
 * bean, so nothing is written to the database first.
 */
public class DefaultPasswordGuard implements EnvironmentPostProcessor {

    static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";
    static final String DEFAULT_PASSWORD = "demo";
    /** Profiles that belong to the embedded try-out, where the well-known password is intended. */
    static final Set<String> EMBEDDED_PROFILES = Set.of("demo");
    static final String LOCAL_PASSWORDS_PROPERTY = "spoorwijzer.security.local-passwords-allowed";

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
        boolean identityProvider = !environment.getProperty(TokenLoginSettings.ISSUER_PROPERTY, "").isBlank();
        boolean localPasswordsAllowed = environment.getProperty(LOCAL_PASSWORDS_PROPERTY, Boolean.class, false);
        if (productionProfile && !identityProvider && !localPasswordsAllowed) {
            throw new IllegalStateException("Spoorwijzer start niet met profiel(en) "
                    + String.join(",", active) + ": zonder identity provider logt iedereen in met een lokaal"
                    + " wachtwoord, zonder tweede factor. Stel " + TokenLoginSettings.ISSUER_PROPERTY
                    + " in (profiel oidc, SPOORWIJZER_OIDC_ISSUER_URI) of sta lokale wachtwoorden bewust toe met "
                    + LOCAL_PASSWORDS_PROPERTY + "=true (SPOORWIJZER_SECURITY_LOCAL_PASSWORDS_ALLOWED). / Spoorwijzer"
                    + " refuses to start with profile(s) " + String.join(",", active) + " while everyone signs in"
                    + " with a local password and no second factor. Set " + TokenLoginSettings.ISSUER_PROPERTY
                    + " (profile oidc, SPOORWIJZER_OIDC_ISSUER_URI) or allow local passwords explicitly with "
                    + LOCAL_PASSWORDS_PROPERTY + "=true (SPOORWIJZER_SECURITY_LOCAL_PASSWORDS_ALLOWED).");
        }
    }
}
