package nl.spoorwijzer.system;

import java.net.URI;
import nl.spoorwijzer.cases.CaseRequestException;
import nl.spoorwijzer.timeline.InvalidTimelineInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * RFC 9457 problem details for {@code /api}: every refusal names the offending field ({@code field}) and the rule
 * it breaks ({@code rule}).
 */
@RestControllerAdvice(basePackages = "nl.spoorwijzer")
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring's generic problem-details handler, which names no field
class ApiExceptionHandler {

    static final URI INVALID_INPUT = URI.create("urn:spoorwijzer:problem:invalid-input");

    @ExceptionHandler(CaseRequestException.class)
    ProblemDetail caseRequest(CaseRequestException e) {
        ProblemDetail problem = badRequest(e.field(), e.rule());
        problem.setStatus(e.status());
        String title = switch (e.status()) {
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            default -> "Invalid input";
        };
        problem.setTitle(title);
        if (e.status() != 400) {
            problem.setType(URI.create("urn:spoorwijzer:problem:" + title.toLowerCase().replace(' ', '-')));
        }
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        return badRequest("body", "must be a JSON object with the documented fields");
    }

    @ExceptionHandler(InvalidTimelineInputException.class)
    ProblemDetail invalidTimeline(InvalidTimelineInputException e) {
        return badRequest(e.field(), e.rule());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return badRequest(e.getParameterName(), "is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail malformedParameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type != null && type.getSimpleName().equals("LocalDate")
                ? "must be a date in ISO format YYYY-MM-DD"
                : "must be a valid " + (type == null ? "value" : type.getSimpleName().toLowerCase());
        return badRequest(e.getName(), expected + " (got '" + e.getValue() + "')");
    }

    static ProblemDetail badRequest(String field, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + rule);
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("field", field);
        problem.setProperty("rule", rule);
        return problem;
    }
}
