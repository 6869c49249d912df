package nl.spoorwijzer.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The answer to a bearer token that is not accepted (expired, not yet valid, from another issuer, for another
 * audience, badly signed, without a user id): 401 as problem details, the same text for every reason — why a token
 * failed is logged for the operator, not told to the caller. When the identity provider cannot be reached to read its
 * keys: 503.
 */
class BearerTokenRefusal implements AuthenticationFailureHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokenRefusal.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        boolean dutch = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
                && "nl".equals(request.getLocale().getLanguage());
        if (failure instanceof AuthenticationServiceException) {
            LOG.warn("Bearer token not checked, the identity provider's keys could not be read: {}",
                    SignInFailure.reason(failure));
            write(response, 503, "identity-provider-unreachable", "Service Unavailable", dutch
                    ? "De identity provider is nu niet bereikbaar; probeer het later opnieuw."
                    : "The identity provider cannot be reached now; try again later.");
            return;
        }
        LOG.info("Bearer token refused on {} from {}: {}", request.getRequestURI(),
                request.getRemoteAddr(), SignInFailure.reason(failure));
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid-token", "Unauthorized", dutch
                ? "Het token is niet geldig: verlopen, niet van de ingestelde identity provider of niet voor"
                + " Spoorwijzer. Log opnieuw in en vraag een nieuw token."
                : "The token is not valid: expired, not from the configured identity provider or not meant for"
                + " Spoorwijzer. Sign in again for a new token.");
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"%s%s","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(Problem.TYPE_PREFIX, type, title, status, detail));
    }
}
