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
    void productionProfileWithAChangedPasswordStarts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.password", "s3cret-from-the-vault");
        environment.setActiveProfiles("postgres");

        assertThatCode(() -> guard.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
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
}
