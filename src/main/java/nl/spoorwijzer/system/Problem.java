package nl.spoorwijzer.system;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.spoorwijzer.system.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What a caller is told about a refused or failed request, as an RFC 9457 problem detail: a stable type per kind of
 * refusal, the violated {@code field} and {@code rule} where known, and for a server fault only a correlation id that
 * the log carries next to the stack trace.
 */
public record Problem(int status, String title, String detail, List<Violation> violations, String correlationId) {

    public static final String TYPE_PREFIX = "urn:spoorwijzer:problem:";
    /** The one answer for an id that does not exist and for one the caller may not see (no hint which). */
    static final String NOT_FOUND_DETAIL = "No such resource, or you may not see it.";
    static final String FORBIDDEN_DETAIL = "You are not allowed to do this.";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    static Problem of(int status, String detail) {
        return new Problem(status, titleOf(status), detail, List.of(), null);
    }

    static Problem invalid(List<Violation> violations) {
        return invalid(400, violations);
    }

    static Problem invalid(int status, List<Violation> violations) {
        List<Violation> shortened = violations.stream()
                .map(v -> new Violation(v.field(), SafeText.shorten(v.rule()))).toList();
        String detail = SafeText.shorten(String.join("; ", shortened.stream().map(Violation::toString).toList()));
        return new Problem(status, titleOf(status), detail, shortened, null);
    }

    /** A refusal of a rule: its kind decides the status (the one place where a kind becomes an HTTP status). */
    static Problem refused(RuleViolations refusal) {
        return invalid(statusOf(refusal.refusal()), refusal.violations());
    }

    static int statusOf(Refusal refusal) {
        return switch (refusal) {
            case INVALID -> 400;
            case NOT_ALLOWED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case UNPROCESSABLE -> 422;
        };
    }

    static Problem invalid(String field, String rule) {
        return invalid(List.of(new Violation(field, rule)));
    }

    static Problem notFound() {
        return of(404, NOT_FOUND_DETAIL);
    }

    static Problem forbidden() {
        return of(403, FORBIDDEN_DETAIL);
    }

    /** A server fault: a fresh correlation id and nothing about the cause. */
    static Problem serverFault() {
        String id = UUID.randomUUID().toString();
        return new Problem(500, titleOf(500), "The server could not complete the request. Quote correlation id "
                + id + " when reporting this.", List.of(), id);
    }

    public URI type() {
        // From the English title of the status, whatever the language of this problem's title.
        return URI.create(TYPE_PREFIX + titleOf(status).toLowerCase().replace(' ', '-'));
    }

    public boolean isServerFault() {
        return status >= 500;
    }

    /** The body as JSON properties in the RFC 9457 order. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type().toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        extensions().forEach(body::put);
        return body;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(type());
        problem.setTitle(title);
        extensions().forEach(problem::setProperty);
        return problem;
    }

    private Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (!violations.isEmpty()) {
            extensions.put("field", violations.get(0).field());
            extensions.put("rule", violations.get(0).rule());
            extensions.put("violations", violations.stream().map(Problem::violationBody).toList());
        }
        if (correlationId != null) {
            extensions.put("correlationId", correlationId);
        }
        return extensions;
    }

    private static Map<String, Object> violationBody(Violation violation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("field", violation.field());
        body.put("rule", violation.rule());
        return body;
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Invalid input";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 500 -> "Server error";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? (status < 500 ? "Client error" : "Server error") : known.getReasonPhrase();
            }
        };
    }
}
