package nl.spoorwijzer.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Slows password guessing per client address on every way in: HTTP Basic on {@code /api} and {@code /engine-rest}
 * and the Camunda webapps' login form. A login that the chain answers with 401 is a failure: it is logged (WARN:
 * account and address, never the password) and counted ({@code spoorwijzer.login.failures}); an address with too many
 * failures in the window gets 429 with {@code Retry-After} before its password is even checked
 * ({@code spoorwijzer.login.throttled}). A person's local password refused while the identity provider is on
 * ({@link LocalPasswordPolicy}) is such a failure too, counted with the reason {@code local-password-refused}.
 * <p>
 * Per account the engine adds its own delay: after a wrong password the account refuses every password (also the
 * right one) for {@code loginDelayBase × loginDelayFactor^(n-1)} seconds, capped at {@code loginDelayMaxTime}; with
 * {@code loginMaxAttempts} set out of reach that lock always ends by itself (application.yaml).
 * <p>
 * The client address is {@code request.getRemoteAddr()}: behind a proxy Tomcat takes it from
 * {@code X-Forwarded-For} only when the proxy is one of {@code server.tomcat.remoteip.internal-proxies}.
 */
public class LoginThrottle extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String BASIC_PREFIX = "Basic ";
    /** Camunda's UserAuthenticationResource, served by the admin app's REST API for all three webapps. */
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/[^/]+/auth/user/[^/]+/login/[^/]+");
    private static final int MAX_LOGGED_ACCOUNT_LENGTH = 64;

    private final IdentityService identityService;
    private final FailedLoginWindow failures;
    private final LoginThrottleSettings settings;
    private final MeterRegistry meters;
    private final LocalPasswordPolicy localPasswords;

    public LoginThrottle(IdentityService identityService, LoginThrottleSettings settings, Clock clock,
                         MeterRegistry meters, LocalPasswordPolicy localPasswords) {
        this.identityService = identityService;
        this.localPasswords = localPasswords;
        this.settings = settings;
        this.failures = new FailedLoginWindow(settings, clock);
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String channel = loginChannel(request);
        if (channel == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> blocked = failures.blockedFor(address);
        if (blocked.isPresent()) {
            meters.counter("spoorwijzer.login.throttled", "channel", channel).increment();
            refuse(response, blocked.get());
            return;
        }
        HttpServletRequest observed = "webapp".equals(channel) ? new ContentCachingRequestWrapper(request, 4096)
                : request;
        chain.doFilter(observed, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            recordFailure(channel, address, account(observed, channel));
        }
    }

    private static String loginChannel(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
            return "webapp";
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC_PREFIX, 0, BASIC_PREFIX.length())) {
            return null; // no password presented: nothing to guess
        }
        if (SecurityHeadersFilter.under("/api", path)) {
            return "api";
        }
        return SecurityHeadersFilter.under("/engine-rest", path) ? "engine-rest" : null;
    }

    private void recordFailure(String channel, String address, String account) {
        int recent = failures.record(address);
        String reason = reason(account);
        Counter.builder("spoorwijzer.login.failures")
                .description("Failed logins (HTTP Basic and webapp login), by reason and channel")
                .tags("reason", reason, "channel", channel)
                .register(meters).increment();
        LOG.warn("Failed login for account '{}' from {} over {} ({}); {} of {} allowed failures from this address "
                        + "within {}", printable(account), address, channel, reason, recent,
                settings.maxFailuresPerAddress(), settings.window());
        if (recent == settings.maxFailuresPerAddress()) {
            LOG.warn("Address {} refused for logins for up to {}: {} failed logins within that time",
                    address, settings.window(), recent);
        }
    }

    private String reason(String account) {
        if (account == null || identityService.createUserQuery().userId(account).count() == 0) {
            return "unknown-account";
        }
        if (localPasswords.onlyTechnicalAccounts() && !LocalPasswordPolicy.isTechnicalAccount(identityService,
                localPasswords.technicalAccountsGroup(), account)) {
            return "local-password-refused"; // a person, while the identity provider is on (LocalPasswordPolicy)
        }
        // The engine answers a wrong password and a still locked account alike (and so does this).
        return "bad-credentials";
    }

    private static String account(HttpServletRequest request, String channel) {
        if ("webapp".equals(channel)) {
            byte[] body = ((ContentCachingRequestWrapper) request).getContentAsByteArray();
            for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                if (pair.startsWith("username=")) {
                    return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(
                    request.getHeader(HttpHeaders.AUTHORIZATION).substring(BASIC_PREFIX.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The account as typed, safe for one log line (no line breaks, bounded length). */
    static String printable(String account) {
        if (account == null) {
            return "";
        }
        String clean = account.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_LOGGED_ACCOUNT_LENGTH ? clean.substring(0, MAX_LOGGED_ACCOUNT_LENGTH) + "…" : clean;
    }

    private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"urn:spoorwijzer:problem:too-many-failed-logins","title":"Too many failed logins",\
                "status":429,"detail":"Too many failed logins from this address. Try again in %d seconds."}"""
                .formatted(seconds));
    }
}
