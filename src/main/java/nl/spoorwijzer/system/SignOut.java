package nl.spoorwijzer.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Signing out ends both sessions: the HTTP session — with it Camunda's login for the webapps and Spring Security's
 * sign-in — and the provider's, by sending the browser to the provider's {@code end_session_endpoint}, which sends it
 * back to the post-logout address ({@link WebLoginSettings#postLogoutRedirectUri()}), where the next page asks to
 * sign in again.
 * <p>
 * Two requests sign out, both only with the session's CSRF token (header {@code X-XSRF-TOKEN}), so another site cannot
 * sign a user out: the webapps' own logout ({@code POST /camunda/api/admin/auth/user/{engine}/logout}, which the
 * webapps send as a background request: the answer is {@code 200} with the provider's address in
 * {@code endSessionUrl}, where the webapps' script {@code spoorwijzer-uitloggen.js} takes the browser) and the
 * platform's {@code POST /uitloggen} (answered with a redirect to the provider).
 */
final class SignOut implements LogoutSuccessHandler {

    static final String PLATFORM_LOGOUT = "/uitloggen";
    private static final String WEBAPPS_LOGOUT = "^/camunda/api/admin/auth/user/[^/]+/logout$";

    static final RequestMatcher REQUESTS = request -> "POST".equals(request.getMethod())
            && WebappSession.carriesCsrfToken(request)
            && (path(request).equals(PLATFORM_LOGOUT) || path(request).matches(WEBAPPS_LOGOUT));

    private final EndSession endSession;

    SignOut(ClientRegistrationRepository registrations, String postLogoutRedirectUri) {
        endSession = new EndSession(registrations);
        endSession.setPostLogoutRedirectUri(postLogoutRedirectUri);
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException {
        String target = endSession.targetUrl(request, response, authentication);
        if (path(request).equals(PLATFORM_LOGOUT)) {
            response.sendRedirect(target);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"endSessionUrl\":\"" + target.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Spring Security's RP-initiated logout: the provider's end-session address with the ID token as a hint. */
    private static final class EndSession extends OidcClientInitiatedLogoutSuccessHandler {

        EndSession(ClientRegistrationRepository registrations) {
            super(registrations);
        }

        String targetUrl(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
            return determineTargetUrl(request, response, authentication);
        }
    }
}
