package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

class SignInFailureTest {

    @Test
    void aProviderThatCannotBeReachedOrFailsItselfIsUnreachable() {
        assertThat(SignInFailure.unreachable(new SignInFailure.ProviderUnreachable(
                new IllegalArgumentException("Unable to resolve the Configuration")))).isTrue();
        // The token endpoint at the return from the provider: Spring wraps the connection failure twice.
        assertThat(SignInFailure.unreachable(new OAuth2AuthenticationException(new OAuth2Error("invalid_token_response"),
                new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response"),
                        new ResourceAccessException("I/O error", new ConnectException("Connection refused"))))))
                .isTrue();
        assertThat(SignInFailure.unreachable(new OAuth2AuthenticationException(new OAuth2Error("invalid_token_response"),
                HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "Bad Gateway", null, null, null)))).isTrue();
    }

    @Test
    void aRefusalOrAForeignAnswerIsNotUnreachable() {
        assertThat(SignInFailure.unreachable(new OAuth2AuthenticationException(new OAuth2Error("access_denied")))).isFalse();
        assertThat(SignInFailure.unreachable(new OAuth2AuthenticationException(
                new OAuth2Error("authorization_request_not_found")))).isFalse();
    }

    @Test
    void theProvidersTextIsLoggedOnOneLine() {
        String reason = SignInFailure.reason(new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                "no\r\n2026-12-06 INFO forged line", null)));

        assertThat(reason).doesNotContain("\n", "\r").contains("forged line");
    }
}
