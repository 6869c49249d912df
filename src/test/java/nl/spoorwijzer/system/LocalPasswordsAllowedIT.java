package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.TestIdentityProvider;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The identity provider on, and local passwords knowingly allowed
 * ({@code spoorwijzer.security.local-passwords-allowed}): every local password counts again, next to the provider's
 * tokens — but a token still cannot carry a technical account's user id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spoorwijzer.security.local-passwords-allowed=true")
class LocalPasswordsAllowedIT {

    @LocalServerPort int port;
    @Autowired IdentityService identityService;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.configure(registry);
    }

    @Test
    void aPersonsLocalPasswordCountsAgainNextToTokens() {
        HttpTestClient http = new HttpTestClient(port);

        assertThat(http.get("/api/me", "anna", "anna").statusCode()).isEqualTo(200);
        assertThat(http.get("/engine-rest/task", "anna", "anna").statusCode()).isEqualTo(200);
        assertThat(http.get("/engine-rest/task", "anna", "fout").statusCode()).isEqualTo(401);
        // The engine now delays anna's next sign-in a few seconds; other tests on the same database sign in as anna.
        identityService.unlockUser("anna");
        assertThat(http.get("/api/me", "modeler-deploy", "modeler-deploy").statusCode()).isEqualTo(200);
        assertThat(http.send(http.request("/api/me").header("Authorization", "Bearer " + TestIdentityProvider
                .token("anouk", Map.of("groups", List.of("werkgever")))).GET().build()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWithATechnicalAccountsUserIdIsStillRefused() {
        HttpTestClient http = new HttpTestClient(port);

        assertThat(http.send(http.request("/api/me").header("Authorization", "Bearer " + TestIdentityProvider
                .token("modeler-deploy", Map.of())).GET().build()).statusCode()).isEqualTo(401);
    }
}
