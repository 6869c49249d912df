package nl.spoorwijzer.identity;

import nl.spoorwijzer.support.EmbeddedPostgresEnvironment;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.TestIdentityProvider;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The need-to-know matrix unchanged, every user signed in with a bearer token of the identity provider instead of
 * HTTP Basic: roles, organisation and employers come from the token's claims (as the Keycloak realm gives the demo
 * users), not from Camunda's tables, and the platform must decide every cell the same.
 */
@DisabledIfSystemProperty(named = EmbeddedPostgresEnvironment.SWITCH, matches = "postgres",
        disabledReason = "how a caller signs in does not depend on the database; the Basic matrix runs there")
class NeedToKnowMatrixTokenIT extends NeedToKnowMatrixIT {

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.configure(registry);
    }

    @Override
    HttpTestClient client(int port) {
        return TestIdentityProvider.client(port, engine.getIdentityService());
    }

    @Override
    String observedFileName() {
        return "observed-token.md";
    }
}
