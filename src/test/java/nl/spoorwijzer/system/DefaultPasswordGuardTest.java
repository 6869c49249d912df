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
                .withProperty("spoorwijzer.security.oidc.issuer-uri", "https://login.example.org/realms/spoorwijzer");
        environment.setActiveProfiles("postgres", "oidc");

        assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
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
