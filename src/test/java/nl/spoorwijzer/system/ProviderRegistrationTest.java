package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import nl.spoorwijzer.support.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.web.client.ResourceAccessException;
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
    @Timeout(60) // without a read timeout this would wait forever; the assertion is on the cause, not the time
    void aProviderThatAcceptsButNeverAnswersIsGivenUpOnWithATimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String issuer = "http://127.0.0.1:" + silent.getLocalPort() + "/silent";

            assertThatThrownBy(() -> registration(issuer, null).findByRegistrationId("spoorwijzer"))
                    .isInstanceOf(ResourceAccessException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void onlyThePlatformsOwnRegistrationIsKnown() {
        assertThat(registration(null).findByRegistrationId("github")).isNull();
    }

    private static ProviderRegistration registration(String providerUri) {
        return registration(TestIdentityProvider.issuer(), providerUri);
    }

    private static ProviderRegistration registration(String issuer, String providerUri) {
        return new ProviderRegistration(new TokenLoginSettings(issuer, null, "spoorwijzer",
                "preferred_username", "groups", "organisation", "tenants", "technische-accounts", providerUri), CLIENT, Clock.systemUTC());
    }
}
