package nl.spoorwijzer.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The Camunda webapps' login as their HTTP session holds it, so that {@code /api} and the case screen accept a user
 * logged in to Tasklist, Cockpit or Admin without a second password. Camunda 7.24 keeps the login as an
 * {@link Authentications} under the session attribute {@code authenticatedUser} (one {@link UserAuthentication} per
 * engine; logging out removes the engine's entry) and the session's CSRF token under {@code CAMUNDA_CSRF_TOKEN}
 * (its {@code CsrfPreventionFilter} sends it as the cookie {@code XSRF-TOKEN}, Path {@code /camunda}, and expects it
 * back in the header {@code X-XSRF-TOKEN} on every request that changes something).
 */
public final class WebappSession {

    /** {@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}, which Camunda does not make public. */
    static final String AUTHENTICATIONS_ATTRIBUTE = "authenticatedUser";
    public static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;

    private WebappSession() {
    }

    /** The user logged in to the webapps for the engine in this request's session, or null. */
    public static String userId(HttpServletRequest request, String engineName) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        try {
            return session.getAttribute(AUTHENTICATIONS_ATTRIBUTE) instanceof Authentications logins
                    && logins.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
                    ? user.getIdentityId() : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** The person signed in through the identity provider in this request's session (Spring Security), or null. */
    static SignedInUser signedInUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        try {
            return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context && context.getAuthentication() != null
                    && context.getAuthentication().getPrincipal() instanceof SignedInUser user ? user : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** The session's CSRF token as Camunda's CSRF filter keeps it, or null before the webapps issued one. */
    public static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        try {
            return session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token
                    ? token : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** Does the request carry the session's CSRF token in {@code X-XSRF-TOKEN}? (Compared in constant time.) */
    static boolean carriesCsrfToken(HttpServletRequest request) {
        String expected = csrfToken(request);
        String sent = request.getHeader(CSRF_HEADER);
        return expected != null && sent != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Was the request made by a browser (a fetch or a page load: browsers send {@code Sec-Fetch-Mode} on every
     * request) or within a session? Such a caller is never sent an HTTP Basic challenge, which would open the
     * browser's password dialog.
     */
    static boolean fromBrowser(HttpServletRequest request) {
        return request.getHeader("Sec-Fetch-Mode") != null || request.getRequestedSessionId() != null;
    }
}
