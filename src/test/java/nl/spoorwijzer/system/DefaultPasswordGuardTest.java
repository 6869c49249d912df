package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.spoorwijzer.SpoorwijzerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class DefaultPasswordGuardTest {

    private final DefaultPasswordGuard guard = new DefaultPasswordGuard();

    @Test
    void productionProfileWithTheDemoPasswordIsRefusedNamingTheProperty() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.password", "demo");
        environment.setActiveProfiles("postgres");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("camunda.bpm.admin-user.password")
                .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD")
                .hasMessageContaining("postgres");
    }

    @Test
    void productionProfileWithAChangedPasswordAndAnIdentityProviderStarts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.password", "s3cret-from-the-vault")
                .withProperty("spoorwijzer.security.oidc.issuer-uri", "https://login.example.org/realms/spoorwijzer")
                .withProperty("spoorwijzer.security.oidc.client-id", "spoorwijzer");
        environment.setActiveProfiles("postgres", "oidc");

        assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
    }

    @Test
    void anIssuerWithoutTheWebSignInsClientIdIsRefusedUnlessLocalPasswordsAreAllowed() {
        // Tokens on the APIs, but Tasklist, Cockpit and Admin would keep Camunda's password form for everyone.
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.password", "s3cret-from-the-vault")
                .withProperty("spoorwijzer.security.oidc.issuer-uri", "https://login.example.org/realms/spoorwijzer")
                .withProperty("spoorwijzer.security.oidc.client-id", " ");
        environment.setActiveProfiles("postgres", "oidc");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Spoorwijzer start niet met profiel(en) postgres,oidc")
                .hasMessageContaining("spoorwijzer.security.oidc.client-id")
                .hasMessageContaining("SPOORWIJZER_OIDC_CLIENT_ID")
                .hasMessageContaining("spoorwijzer.security.local-passwords-allowed=true");

        environment.setProperty("spoorwijzer.security.local-passwords-allowed", "true");
        assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
    }

    @Test
    void withoutAnActiveProfileTheDefaultProfilesDecide() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.password", "demo");
        environment.setDefaultProfiles("postgres"); // SPRING_PROFILES_DEFAULT=postgres, nothing active

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
                .hasMessageContaining("camunda.bpm.admin-user.password").hasMessageContaining("postgres");

        environment.setProperty("camunda.bpm.admin-user.password", "s3cret-from-the-vault");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
                .hasMessageContaining("spoorwijzer.security.local-passwords-allowed");

        // Spring's reserved default profile alone (application.yaml's default overridden): no demo, so production.
        environment.setDefaultProfiles("default");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
                .hasMessageContaining("spoorwijzer.security.local-passwords-allowed");
    }

    @Test
    void theApplicationWithoutAProfileIsTheDemoAsApplicationYamlSaysForMvnSpringBootRun() {
        // Stops right after the guard has seen the prepared environment: no bean, no database.
        SpringApplicationBuilder newcomer = new SpringApplicationBuilder(SpoorwijzerApplication.class)
                .properties("spring.main.web-application-type=none")
                .listeners((org.springframework.context.ApplicationListener<
                        org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent>) event -> {
                    throw new EnvironmentSeen(String.join(",", event.getEnvironment().getDefaultProfiles()));
                });

        assertThatThrownBy(newcomer::run).isInstanceOf(EnvironmentSeen.class).hasMessage("demo");
    }

    @Test
    void theApplicationWithAProductionDefaultProfileRefusesToStart() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(SpoorwijzerApplication.class)
                .properties("spring.main.web-application-type=none");

        assertThatThrownBy(() -> production.run("--spring.profiles.default=postgres",
                "--camunda.bpm.admin-user.password=s3cret"))
                .hasMessageContaining("spoorwijzer.security.local-passwords-allowed");
    }

    private static final class EnvironmentSeen extends RuntimeException {
        EnvironmentSeen(String defaultProfiles) {
            super(defaultProfiles);
        }
    }

    @Test
    void productionProfileWithOnlyLocalPasswordsIsRefusedNamingBothWaysOut() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.password", "s3cret-from-the-vault");
        environment.setActiveProfiles("postgres");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Spoorwijzer start niet met profiel(en) postgres")
                .hasMessageContaining("refuses to start with profile(s) postgres")
                .hasMessageContaining("spoorwijzer.security.oidc.issuer-uri")
                .hasMessageContaining("spoorwijzer.security.local-passwords-allowed=true")
                .hasMessageContaining("SPOORWIJZER_SECURITY_LOCAL_PASSWORDS_ALLOWED");
    }

    @Test
    void productionProfileWithLocalPasswordsExplicitlyAllowedStarts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.password", "s3cret-from-the-vault")
                .withProperty("spoorwijzer.security.local-passwords-allowed", "true");
        environment.setActiveProfiles("postgres");

        assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
    }

    @Test
    void theOidcProfileWithoutItsIssuerNamesTheVariableToSet() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(SpoorwijzerApplication.class)
                .profiles("postgres", "oidc")
                .properties("spring.main.web-application-type=none");

        assertThatThrownBy(() -> production.run("--camunda.bpm.admin-user.password=s3cret"))
                .hasMessageContaining("SPOORWIJZER_OIDC_ISSUER_URI");
    }

    @Test
    void anIdentityProviderDoesNotExcuseTheDemoAdminPassword() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.password", "demo")
                .withProperty("spoorwijzer.security.oidc.issuer-uri", "https://login.example.org/realms/spoorwijzer");
        environment.setActiveProfiles("postgres", "oidc");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, null))
                .hasMessageContaining("camunda.bpm.admin-user.password");
    }

    @Test
    void embeddedDefaultKeepsTheDemoPassword() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.password", "demo");
        environment.setDefaultProfiles("demo"); // application.yaml's spring.profiles.default

        assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
        environment.setActiveProfiles("demo");
        assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
        environment.setActiveProfiles("demo", "postgres"); // the demo on PostgreSQL: well-known users by design
        assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
    }

    @Test
    void theApplicationItselfRefusesToStartInAProductionProfileWithTheDemoPassword() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(SpoorwijzerApplication.class)
                .profiles("postgres")
                .properties("spring.main.web-application-type=none");

        assertThatThrownBy(production::run)
                .hasMessageContaining("camunda.bpm.admin-user.password");
    }

    @Test
    void theApplicationItselfRefusesToStartInAProductionProfileWithOnlyLocalPasswords() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(SpoorwijzerApplication.class)
                .profiles("postgres")
                .properties("spring.main.web-application-type=none");

        assertThatThrownBy(() -> production.run("--camunda.bpm.admin-user.password=s3cret"))
                .hasMessageContaining("spoorwijzer.security.local-passwords-allowed");
    }
}
