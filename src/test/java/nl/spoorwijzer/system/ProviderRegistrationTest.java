package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.spoorwijzer.support.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Where the platform reads the provider's discovery document for the browser sign-in, against a real provider in
 * this JVM (mock-oauth2-server, which names as issuer the address it was asked at — as Keycloak without a fixed
 * hostname does).
 */
class ProviderRegistrationTest {

    private static final WebLoginSettings CLIENT = new WebLoginSettings("spoorwijzer", "", "{baseUrl}/");

    @Test
    void withoutAProviderAddressTheDocumentIsReadAtTheIssuer() {
        ClientRegistration registration = registration(null).findByRegistrationId("spoorwijzer");

        assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(TestIdentityProvider.issuer());
        assertThat(registration.getProviderDetails().getTokenUri()).startsWith(TestIdentityProvider.issuer());
    }

    @Test
    void atTheProviderAddressTheDocumentMustNameTheConfiguredIssuer() {
        ClientRegistration registration = registration(" " + TestIdentityProvider.issuer() + "/ ")
                .findByRegistrationId("spoorwijzer");

        assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(TestIdentityProvider.issuer());
        assertThat(registration.getClientId()).isEqualTo("spoorwijzer");
    }

    @Test
    void aProviderNamingAnotherIssuerIsRefused() {
        String elsewhere = TestIdentityProvider.issuer().replace("//localhost:", "//127.0.0.1:");

        assertThatThrownBy(() -> registration(elsewhere).findByRegistrationId("spoorwijzer"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(elsewhere).hasMessageContaining(TestIdentityProvider.issuer());
    }

    @Test
    void onlyThePlatformsOwnRegistrationIsKnown() {
        assertThat(registration(null).findByRegistrationId("github")).isNull();
    }

    private static ProviderRegistration registration(String providerUri) {
        return new ProviderRegistration(new TokenLoginSettings(TestIdentityProvider.issuer(), null, "spoorwijzer",
                "preferred_username", "groups", "organisation", "tenants", "technische-accounts", providerUri), CLIENT);
    }
}
