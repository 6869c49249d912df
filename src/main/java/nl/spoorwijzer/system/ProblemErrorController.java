package nl.spoorwijzer.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's error page ({@code /error}, where the servlet container sends what no handler answered: a failure in
 * a filter, an error status without a body) as a problem detail instead of the Whitelabel page, for every path. A
 * server fault is logged with its correlation id and stack trace; the body names neither.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404; // asked for directly: there is nothing here
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Problem problem;
        if (failure != null) {
            problem = Problems.answer(failure);
        } else if (status == 404) {
            problem = Problem.notFound();
        } else if (status >= 500) {
            problem = Problems.answer(new IllegalStateException("error status " + status + " without exception for "
                    + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        } else {
            problem = Problem.of(status, Problem.titleOf(status) + ".");
        }
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toProblemDetail());
    }
}
