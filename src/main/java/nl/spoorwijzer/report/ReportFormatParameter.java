package nl.spoorwijzer.report;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET /api/cases/{caseId}/reintegration-report?format=html|pdf|zip}: the same as asking with {@code Accept},
 * for a link on the case screen (a link cannot set a header). The parameter replaces the Accept header, so every
 * representation the report's handlers offer is reachable this way.
 */
@Component
class ReportFormatParameter extends OncePerRequestFilter {

    private static final Map<String, String> FORMATS = Map.of(
            "html", "text/html", "pdf", "application/pdf", "zip", "application/zip");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/cases/") && path.endsWith("/reintegration-report"))
                || request.getParameter("format") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = FORMATS.get(request.getParameter("format"));
        if (accept == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept))
                        : super.getHeaders(name);
            }
        }, response);
    }
}
