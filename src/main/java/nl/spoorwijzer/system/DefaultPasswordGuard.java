package nl.spoorwijzer.system;

import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production profile (anything without {@code demo}) while the admin user still has the
 * well-known password {@code demo}, or while people would sign in with local passwords only: a production profile
 * needs the organisation's identity provider for the APIs and the webapps alike — an issuer
 * ({@code spoorwijzer.security.oidc.issuer-uri}, two factors enforced there) and the platform's client id for the
 * browser sign-in ({@code spoorwijzer.security.oidc.client-id}; without it the webapps keep Camunda's password form
 * for everyone) — unless local passwords are explicitly allowed
 * ({@code spoorwijzer.security.local-passwords-allowed=true}).
 * With the demo profile active every demo user has a well-known password by design (e.g. the demo on PostgreSQL,
 * {@code demo,postgres}), so the guard does not apply there. Without an active profile the default profiles count
 * ({@code spring.profiles.default}, which application.yaml sets to {@code demo} for {@code mvn spring-boot:run};
 * {@code SPRING_PROFILES_DEFAULT=postgres} makes a production start). Runs before any bean, so nothing is written to
 * the database first.
 */
public class DefaultPasswordGuard implements EnvironmentPostProcessor {

    static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";
    static final String DEFAULT_PASSWORD = "demo";
    /** Profiles that belong to the embedded try-out, where the well-known password is intended. */
    static final Set<String> EMBEDDED_PROFILES = Set.of("demo");
    static final String LOCAL_PASSWORDS_PROPERTY = "spoorwijzer.security.local-passwords-allowed";
    static final String CLIENT_ID_PROPERTY = "spoorwijzer.security.oidc.client-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String[] active = environment.getActiveProfiles().length > 0 ? environment.getActiveProfiles()
                : environment.getDefaultProfiles();
        boolean productionProfile = Arrays.stream(active).noneMatch(EMBEDDED_PROFILES::contains);
        String profiles = String.join(",", active);
        if (productionProfile && DEFAULT_PASSWORD.equals(environment.getProperty(PASSWORD_PROPERTY))) {
            throw new IllegalStateException("Spoorwijzer refuses to start with profile(s) " + profiles
                    + " while the admin password is the default '" + DEFAULT_PASSWORD + "'. Set " + PASSWORD_PROPERTY
                    + " (environment variable CAMUNDA_BPM_ADMINUSER_PASSWORD) to a secret value.");
        }
        boolean issuer = !environment.getProperty(TokenLoginSettings.ISSUER_PROPERTY, "").isBlank();
        boolean clientId = !environment.getProperty(CLIENT_ID_PROPERTY, "").isBlank();
        boolean localPasswordsAllowed = environment.getProperty(LOCAL_PASSWORDS_PROPERTY, Boolean.class, false);
        if (productionProfile && !issuer && !localPasswordsAllowed) {
            throw new IllegalStateException("Spoorwijzer start niet met profiel(en) " + profiles
                    + ": zonder identity provider logt iedereen in met een lokaal"
                    + " wachtwoord, zonder tweede factor. Stel " + TokenLoginSettings.ISSUER_PROPERTY
                    + " in (profiel oidc, SPOORWIJZER_OIDC_ISSUER_URI) of sta lokale wachtwoorden bewust toe met "
                    + LOCAL_PASSWORDS_PROPERTY + "=true (SPOORWIJZER_SECURITY_LOCAL_PASSWORDS_ALLOWED). / Spoorwijzer"
                    + " refuses to start with profile(s) " + profiles + " while everyone signs in"
                    + " with a local password and no second factor. Set " + TokenLoginSettings.ISSUER_PROPERTY
                    + " (profile oidc, SPOORWIJZER_OIDC_ISSUER_URI) or allow local passwords explicitly with "
                    + LOCAL_PASSWORDS_PROPERTY + "=true (SPOORWIJZER_SECURITY_LOCAL_PASSWORDS_ALLOWED).");
        }
        if (productionProfile && !clientId && !localPasswordsAllowed) {
            throw new IllegalStateException("Spoorwijzer start niet met profiel(en) " + profiles
                    + ": zonder client-id bij de identity provider houden Tasklist, Cockpit en Admin het"
                    + " wachtwoordformulier van Camunda, zonder tweede factor. Stel " + CLIENT_ID_PROPERTY
                    + " in (SPOORWIJZER_OIDC_CLIENT_ID) of sta lokale wachtwoorden bewust toe met "
                    + LOCAL_PASSWORDS_PROPERTY + "=true (SPOORWIJZER_SECURITY_LOCAL_PASSWORDS_ALLOWED). / Spoorwijzer"
                    + " refuses to start with profile(s) " + profiles + " while the webapps keep Camunda's password"
                    + " form without a second factor: there is an issuer but no client id. Set " + CLIENT_ID_PROPERTY
                    + " (SPOORWIJZER_OIDC_CLIENT_ID) or allow local passwords explicitly with "
                    + LOCAL_PASSWORDS_PROPERTY + "=true (SPOORWIJZER_SECURITY_LOCAL_PASSWORDS_ALLOWED).");
        }
    }
}
