package nl.spoorwijzer.system;

import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

/**
 * A request that may carry a larger body than {@code spoorwijzer.api.max-request-body} allows (an upload), declared
 * as a bean by the feature that accepts it. Its body limit applies instead of the general one, and a body above it
 * is refused with 413 naming the feature's own field and rule, whether the limit trips on the declared length, in
 * Spring's multipart parsing, or in the feature's own check.
 *
 * @param method      the HTTP method, e.g. POST
 * @param pathPattern an Ant-style path pattern, e.g. {@code /api/cases/*}{@code /documents}
 * @param maxBody     the largest body accepted, envelope (multipart headers, other fields) included
 * @param violation   what the caller is told: the field and the rule it broke
 */
public record UploadLimit(String method, String pathPattern, DataSize maxBody, Violation violation) {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    public boolean matches(String requestMethod, String path) {
        return method.equalsIgnoreCase(requestMethod) && PATHS.match(pathPattern, path);
    }

    /** The 413 answer for a body above this limit. */
    Problem problem() {
        return Problem.invalid(413, java.util.List.of(violation));
    }
}
