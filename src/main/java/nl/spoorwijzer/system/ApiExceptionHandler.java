package nl.spoorwijzer.system;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for {@code /api} (and every other Spring MVC endpoint): every refusal names the offending
 * field ({@code field}) and the rule it breaks ({@code rule}) where known; Spring's own refusals (405, 415, 404 …)
 * get the same types and texts of our own; Camunda exceptions raised by services are classified as on
 * {@code /engine-rest} ({@link Problems}); anything else is a generic 500 with a correlation id. In Dutch when the
 * client asks for Dutch first ({@code Accept-Language: nl}, as the case screen does; see {@link DutchProblems}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before anything else that renders errors
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final List<UploadLimit> uploads;

    ApiExceptionHandler(ObjectProvider<UploadLimit> uploads) {
        this.uploads = uploads.orderedStream().toList();
    }

    /** An upload above the servlet container's multipart limit: refused as the upload's feature words it. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        UploadLimit upload = request instanceof ServletWebRequest servlet
                ? BodySizeLimit.uploadOf(uploads, servlet.getRequest()) : null;
        Problem problem = upload == null ? BodySizeLimit.problem() : upload.problem();
        return ResponseEntity.status(problem.status()).headers(headers).body(localized(problem).toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().headers(headers)
                .body(localized(Problem.invalid(e.getRequestPartName(), "is required")).toProblemDetail());
    }

    /** A multipart body that cannot be read (not a multipart/form-data request, or a broken one). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return localized(Problem.invalid("body", "must be multipart/form-data with the documented parts"))
                .toProblemDetail();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail malformedParameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type != null && type.getSimpleName().equals("LocalDate")
                ? "must be a date in ISO format YYYY-MM-DD"
                : type != null && type.isEnum() ? "must be one of " + Arrays.toString(type.getEnumConstants())
                : "must be a valid " + (type == null ? "value" : type.getSimpleName().toLowerCase());
        return localized(Problem.invalid(e.getName(), expected + " (got '" + e.getValue() + "')")).toProblemDetail();
    }

    /**
     * Everything else: every layer's rule violations ({@link RuleViolations}: feature services, the calendar, engine
     * plug-ins) with the status of their kind, Camunda's exceptions a client error where the cause says so,
     * otherwise a 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<?> anyOther(Exception e) {
        Problem problem = localized(Problems.answer(e));
        if (browserPage()) {
            return ErrorPage.response(problem);
        }
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Problem problem = BodySizeLimit.isCause(e) ? BodySizeLimit.problem()
                : Problems.classify(e.getCause() == null ? e : e.getCause());
        if (problem.status() != 413 && problem.violations().isEmpty()) {
            problem = Problem.invalid("body", "must be a JSON object with the documented fields");
        }
        return ResponseEntity.status(problem.status()).headers(headers).body(localized(problem).toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().headers(headers)
                .body(localized(Problem.invalid(e.getParameterName(), "is required")).toProblemDetail());
    }

    /** Spring MVC's own refusals (method, media type, missing resource, upload size …) in our words. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Problem problem = switch (status.value()) {
            case 404 -> Problem.notFound();
            case 405 -> Problem.of(405, Problems.METHOD_DETAIL);
            case 406 -> Problem.of(406, Problems.MEDIA_TYPE_DETAIL);
            case 413 -> BodySizeLimit.problem();
            case 415 -> Problem.of(415, "The request's content type is not supported here; send "
                    + supportedTypes(e) + ".");
            default -> status.is4xxClientError()
                    ? Problem.of(status.value(), SafeText.of(detailOf(body, e), Problem.titleOf(status.value()) + "."))
                    : Problems.answer(e);
        };
        if (browserPage()) {
            return ErrorPage.response(problem);
        }
        problem = localized(problem);
        return super.handleExceptionInternal(e, problem.toProblemDetail(), headers,
                HttpStatusCode.valueOf(problem.status()), request);
    }

    /** A browser navigating to a page (not an API call) gets the Dutch error page instead of a problem detail. */
    private static boolean browserPage() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        String path = attributes.getRequest().getRequestURI().substring(attributes.getRequest().getContextPath()
                .length());
        return ProblemErrorController.wantsHtml(attributes.getRequest().getHeader(HttpHeaders.ACCEPT))
                && !SecurityHeadersFilter.under("/api", path) && !SecurityHeadersFilter.under("/engine-rest", path);
    }

    /** The problem in the language the current request asks for. */
    static Problem localized(Problem problem) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? DutchProblems.forLanguage(problem, request.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                : problem;
    }

    private static String supportedTypes(Exception e) {
        if (e instanceof HttpMediaTypeNotSupportedException unsupported
                && !unsupported.getSupportedMediaTypes().isEmpty()) {
            return String.join(" or ", unsupported.getSupportedMediaTypes().stream().map(Object::toString).toList());
        }
        return "application/json";
    }

    private static String detailOf(Object body, Exception e) {
        return body instanceof ProblemDetail detail ? detail.getDetail() : e.getMessage();
    }
}
