package nl.spoorwijzer.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's error page ({@code /error}, where the servlet container sends what no handler answered: a failure in
 * a filter, an error status without a body such as the webapps' 403) instead of the Whitelabel page, for every path:
 * a browser (one that accepts {@code text/html}) gets a plain Dutch page ({@link ErrorPage}), any other client a
 * problem detail (Dutch when it asks for Dutch first). A server fault is logged with its correlation id and stack
 * trace; neither body names more than the correlation id.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<?> error(HttpServletRequest request) {
        Problem problem = problemOf(request);
        if (wantsHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            return ErrorPage.response(problem);
        }
        problem = DutchProblems.forLanguage(problem, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toProblemDetail());
    }

    private static Problem problemOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404; // asked for directly: there is nothing here
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            return Problems.answer(failure);
        } else if (status == 404) {
            return Problem.notFound();
        } else if (status == 403) {
            return Problem.forbidden();
        } else if (status >= 500) {
            return Problems.answer(new IllegalStateException("error status " + status + " without exception for "
                    + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        }
        return Problem.of(status, Problem.titleOf(status) + ".");
    }

    /** A browser navigating: its Accept header names HTML (API clients ask for JSON or anything). */
    static boolean wantsHtml(String accept) {
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
