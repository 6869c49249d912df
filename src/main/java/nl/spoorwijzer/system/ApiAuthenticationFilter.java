package nl.spoorwijzer.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api/**} and makes the caller the engine's current authentication (user, groups, tenants) for
 * the request, so every engine call made on the caller's behalf is subject to the same authorizations and tenant
 * checks as Tasklist. Three ways in:
 * <ul>
 *   <li>A bearer token of the organisation's identity provider, already checked in front of this filter
 *       ({@link TokenLoginConfiguration}, {@code oidc} profile only): the caller as its claims say.</li>
 *   <li>HTTP Basic against Camunda's users (other systems, scripts, Swagger UI). Wins when the header is sent. With
 *       the identity provider on, only a technical account's password counts ({@link LocalPasswordPolicy}).</li>
 *   <li>The Camunda webapps' login in the HTTP session ({@link WebappSession}): a user logged in to Tasklist uses the
 *       case screen and opens the re-integratieverslag without a second password. Such a request that changes
 *       something must carry the session's CSRF token in {@code X-XSRF-TOKEN}, as the webapps' own API demands;
 *       without it: 403, nothing done.</li>
 * </ul>
 * Without any: 401. A browser is not sent the Basic challenge ({@code WWW-Authenticate}), so it shows no password
 * dialog; a plain HTTP client still is.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final String BASIC_PREFIX = "Basic ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityService identityService;
    private final String engineName;

    public ApiAuthenticationFilter(IdentityService identityService, String engineName) {
        this.identityService = identityService;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
            // A browser attaches cached Basic credentials by itself, and a multipart form needs no CORS preflight:
            // a change to /api is never made from another site's page, however it authenticates.
            rejectCrossSite(request, response);
            return;
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenCaller caller) {
            // A bearer token, checked in front of this filter: groups and tenants come from its claims.
            authenticateAndContinue(caller.userId(), caller.groupIds(), caller.tenantIds(), request, response, chain);
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        SignedInUser signedIn = authorization == null ? WebappSession.signedInUser(request) : null;
        if (signedIn != null) {
            // Signed in through the identity provider in this session: groups and tenants from its claims.
            if (!SAFE_METHODS.contains(request.getMethod()) && !WebappSession.carriesCsrfToken(request)) {
                rejectWithoutCsrfToken(request, response);
                return;
            }
            authenticateAndContinue(signedIn.userId(), signedIn.groupIds(), signedIn.tenantIds(), request, response,
                    chain);
            return;
        }
        String userId;
        if (authorization != null) {
            userId = basicUser(authorization);
        } else {
            userId = sessionUser(request);
            if (userId != null && !SAFE_METHODS.contains(request.getMethod())
                    && !WebappSession.carriesCsrfToken(request)) {
                rejectWithoutCsrfToken(request, response);
                return;
            }
        }
        if (userId == null) {
            rejectUnauthenticated(request, response);
            return;
        }
        authenticateAndContinue(userId, groupsOf(userId), tenantsOf(userId), request, response, chain);
    }

    private void authenticateAndContinue(String userId, List<String> groups, List<String> tenants,
                                         HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        identityService.setAuthentication(userId, groups, tenants);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String basicUser(String authorization) {
        if (!authorization.regionMatches(true, 0, BASIC_PREFIX, 0, BASIC_PREFIX.length())) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC_PREFIX.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String userId = decoded.substring(0, colon);
        return identityService.checkPassword(userId, decoded.substring(colon + 1)) ? userId : null;
    }

    /** The webapps' user of this session, while that user still exists (an administrator may have removed it). */
    private String sessionUser(HttpServletRequest request) {
        String userId = WebappSession.userId(request, engineName);
        return userId != null && identityService.createUserQuery().userId(userId).count() > 0 ? userId : null;
    }

    private List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    private List<String> tenantsOf(String userId) {
        return identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
    }

    private static void rejectUnauthenticated(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!WebappSession.fromBrowser(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"spoorwijzer\", charset=\"UTF-8\"");
        }
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", dutch(request)
                ? "U bent niet ingelogd. Log in bij Tasklist, of stuur de gebruikersnaam en het wachtwoord van een"
                + " Spoorwijzer-gebruiker mee (HTTP Basic)."
                : "Authentication required: log in to Tasklist, or send HTTP Basic credentials of a Spoorwijzer user.",
                null);
    }

    private static void rejectWithoutCsrfToken(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String rule = dutch(request)
                ? "een wijziging vanuit de browser moet het CSRF-token van de sessie meesturen; laad de pagina opnieuw"
                : "a change made with the webapps' session must carry the session's CSRF token; reload the page";
        write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", (dutch(request)
                ? "Geweigerd, er is niets vastgelegd: " : "Refused, nothing was stored: ") + rule, rule);
    }

    /** Browsers say where a request comes from ({@code Sec-Fetch-Site}); other clients send no such header. */
    private static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return "cross-site".equals(site) || "same-site".equals(site);
    }

    private static void rejectCrossSite(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rule = dutch(request) ? "een wijziging kan niet vanaf een andere website worden gedaan"
                : "a change cannot be made from another site's page";
        write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", (dutch(request)
                ? "Geweigerd, er is niets vastgelegd: " : "Refused, nothing was stored: ") + rule, rule);
    }

    private static boolean dutch(HttpServletRequest request) {
        String languages = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return languages != null && request.getLocale().getLanguage().equals("nl");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail, String csrfRule)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String violation = csrfRule == null ? "" : """
                ,"field":"%1$s","rule":"%2$s","violations":[{"field":"%1$s","rule":"%2$s"}]"""
                .formatted(WebappSession.CSRF_HEADER, csrfRule);
        String type = csrfRule == null ? "about:blank" : Problem.TYPE_PREFIX + "csrf";
        response.getWriter().write("""
                {"type":"%s","title":"%s","status":%d,"detail":"%s"%s}""".formatted(type, title, status, detail,
                violation));
    }
}
