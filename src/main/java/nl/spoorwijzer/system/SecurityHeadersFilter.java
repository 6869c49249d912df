package nl.spoorwijzer.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Response headers for {@code /api} and {@code /engine-rest}, set before anything else runs so that refusals written
 * by the authentication and throttling filters carry them too:
 * <ul>
 *   <li>{@code Cache-Control: no-store} — case data never lands in a browser or proxy cache. Camunda's own
 *       {@code CacheControlFilter} later sets {@code no-cache} on GETs; the response wrapper keeps {@code no-store}.</li>
 *   <li>{@code X-Content-Type-Options: nosniff} — a JSON body is never rendered as HTML.</li>
 *   <li>{@code Content-Security-Policy} with {@code frame-ancestors 'none'}: nothing may be loaded or framed. An HTML
 *       body (the re-integratieverslag) may use its own inline {@code <style>} and nothing else.</li>
 *   <li>{@code Strict-Transport-Security} when the request came over TLS ({@code request.isSecure()}, which honours
 *       a trusted proxy's {@code X-Forwarded-Proto} with {@code server.forward-headers-strategy=native}); also on the
 *       Camunda webapps under {@code /camunda}, which set the rest of their headers themselves.</li>
 * </ul>
 * The case screen ({@code /zaken}) and the overview ({@code /overzicht}) are pages of their own scripts and styles: {@code self} only — no inline script or
 * style, nothing from elsewhere, not framed — and {@code no-store}, nosniff.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String NO_STORE = "no-store";
    static final String NOSNIFF = "nosniff";
    static final String CSP_NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String CSP_HTML_REPORT = "default-src 'none'; style-src 'unsafe-inline'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String CSP_CASE_SCREEN = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String CSP = "Content-Security-Policy";
    static final String CASE_SCREEN = "/zaken";
    static final String OVERVIEW_SCREEN = "/overzicht";
    static final String PROCESS_OWNER_SCREEN = "/procesbeheer";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean secure = request.isSecure();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (under(CASE_SCREEN, path) || under(OVERVIEW_SCREEN, path) || under(PROCESS_OWNER_SCREEN, path)) {
            setApiHeaders(response, secure);
            response.setHeader(CSP, CSP_CASE_SCREEN);
            chain.doFilter(request, response);
            return;
        }
        if (!under("/api", path) && !under("/engine-rest", path)) {
            if (secure) {
                response.setHeader("Strict-Transport-Security", HSTS);
            }
            chain.doFilter(request, response);
            return;
        }
        setApiHeaders(response, secure);
        chain.doFilter(request, new ApiResponse(response, secure));
    }

    static boolean under(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static void setApiHeaders(HttpServletResponse response, boolean secure) {
        if (secure) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        response.setHeader("X-Content-Type-Options", NOSNIFF);
        response.setHeader(CSP, CSP_NOTHING);
    }

    /** Keeps {@code no-store} and switches the CSP when the body turns out to be HTML. */
    private static final class ApiResponse extends HttpServletResponseWrapper {

        private final boolean secure;

        ApiResponse(HttpServletResponse response, boolean secure) {
            super(response);
            this.secure = secure;
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            adaptPolicyTo(type);
        }

        @Override
        public void setHeader(String name, String value) {
            if (HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                return;
            }
            super.setHeader(name, value);
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                adaptPolicyTo(value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                return;
            }
            super.addHeader(name, value);
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                adaptPolicyTo(value);
            }
        }

        @Override
        public void reset() {
            super.reset();
            setApiHeaders((HttpServletResponse) getResponse(), secure);
        }

        private void adaptPolicyTo(String contentType) {
            boolean html = contentType != null
                    && contentType.toLowerCase().startsWith(MediaType.TEXT_HTML_VALUE);
            super.setHeader(CSP, html ? CSP_HTML_REPORT : CSP_NOTHING);
        }
    }
}
