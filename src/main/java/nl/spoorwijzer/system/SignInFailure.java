package nl.spoorwijzer.system;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * What a person is told when the browser sign-in at the identity provider does not succeed, instead of Spring
 * Security's bare status: a Dutch page in the platform's look ({@link ErrorPage}) with a link to try again, or problem
 * details for a background request (the webapps' {@code /camunda/api/**}, or a client that does not ask for HTML).
 * <ul>
 *   <li>The provider cannot be reached — its discovery document at the first sign-in ({@link #guarded}), its token or
 *       key endpoint at the return from it — or answers with a server error: {@code 503} with {@code Retry-After}.</li>
 *   <li>Anything else — the provider refused (e.g. {@code error=access_denied}), the answer does not belong to a
 *       sign-in this browser started ({@code state}), a token that does not check out: {@code 401}.</li>
 * </ul>
 * Neither says more: the provider's own error text and the reason go to the log only.
 */
final class SignInFailure implements AuthenticationFailureHandler, AuthenticationEntryPoint {

    private static final Logger LOG = LoggerFactory.getLogger(SignInFailure.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String REFUSED_DETAIL = "The sign-in at the identity provider was refused or could not be completed.";
    static final String UNREACHABLE_DETAIL = "The identity provider cannot be reached now; try again in a minute.";
    static final String NOT_SIGNED_IN_DETAIL = "Not signed in: open the page again to sign in at the identity provider.";
    static final String RETRY_AFTER_SECONDS = "60";

    /**
     * The provider's registration read lazily ({@link ProviderRegistration}), its failure to be read turned into a
     * sign-in failure: Spring Security answers a plain exception there with 500.
     */
    static ClientRegistrationRepository guarded(ClientRegistrationRepository provider) {
        return registrationId -> {
            try {
                return provider.findByRegistrationId(registrationId);
            } catch (RuntimeException unreadable) {
                throw new ProviderUnreachable(unreadable);
            }
        };
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        if (unreachable(failure)) {
            LOG.warn("Sign-in not possible, the identity provider cannot be reached: {}", reason(failure));
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            answer(request, response, Problem.of(503, UNREACHABLE_DETAIL), "Inlogdienst niet bereikbaar",
                    "De inlogdienst is nu niet bereikbaar, dus u kunt niet inloggen. Probeer het over een minuut"
                            + " opnieuw. Lukt het dan nog niet, neem dan contact op met de beheerder van Spoorwijzer.",
                    "Opnieuw proberen");
        } else {
            LOG.warn("Sign-in through the identity provider refused on {}: {}", request.getRequestURI(),
                    reason(failure));
            answer(request, response, Problem.of(401, REFUSED_DETAIL), "Inloggen geweigerd",
                    "Inloggen is geweigerd of niet afgemaakt. Probeer het opnieuw. Lukt het weer niet, neem dan"
                            + " contact op met de beheerder van Spoorwijzer.", "Opnieuw inloggen");
        }
    }

    /** A background request of the webapps without a sign-in: 401 as problem details, no redirect. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        writeProblem(request, response, Problem.of(401, NOT_SIGNED_IN_DETAIL));
    }

    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderUnreachable || cause instanceof IOException
                    || cause instanceof ResourceAccessException || cause instanceof HttpServerErrorException) {
                return true;
            }
        }
        return false;
    }

    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            reason.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        // The provider's error text comes with the browser's request: one line in the log, never a forged one.
        String line = reason.toString().replaceAll("\\p{Cntrl}", " ");
        return line.length() > 1000 ? line.substring(0, 1000) + "…" : line;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Problem problem,
                               String title, String explanation, String retry) throws IOException {
        if (!person(request)) {
            writeProblem(request, response, problem);
            return;
        }
        response.setStatus(problem.status());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(SecurityHeadersFilter.CSP, SecurityHeadersFilter.CSP_HTML_REPORT);
        response.getWriter().write(ErrorPage.page(title, explanation, ErrorPage.START_PAGE, retry));
    }

    /** A browser navigating (it asks for HTML), not the webapps' background requests. */
    private static boolean person(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/camunda/api/") && ProblemErrorController.wantsHtml(request.getHeader(HttpHeaders.ACCEPT));
    }

    /** Problem details; Dutch for the webapps' API (as all its problems) and for a client that asks for Dutch. */
    private static void writeProblem(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Problem answer = path.startsWith("/camunda/api/") ? DutchProblems.of(problem)
                : DutchProblems.forLanguage(problem, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        response.setStatus(answer.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getWriter().write(JSON.writeValueAsString(answer.body()));
    }

    /** The provider's discovery document could not be read (unreachable, a server error, or not found there). */
    static final class ProviderUnreachable extends AuthenticationServiceException {

        ProviderUnreachable(Throwable cause) {
            super("the identity provider's configuration could not be read", cause);
        }
    }
}
