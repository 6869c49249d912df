package nl.spoorwijzer.system;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.glassfish.jersey.server.ParamException;

/**
 * The only exception mapper of {@code /engine-rest} (it replaces Camunda's, see {@link EngineRestConfiguration}):
 * every failure becomes an RFC 9457 problem detail, decided by {@link Problems}. Jersey's own refusals (unknown path,
 * method, media type) keep their status. The body also carries Camunda's {@code message} property, which Camunda
 * Modeler and other Camunda clients show to their users. In Dutch when the client asks for Dutch first
 * ({@code Accept-Language: nl}, see {@link DutchProblems}).
 */
public class EngineRestExceptionMapper implements ExceptionMapper<Throwable> {

    static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    @Context
    private HttpHeaders request;

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = failure instanceof WebApplicationException web ? jerseyRefusal(web) : Problems.answer(failure);
        problem = DutchProblems.forLanguage(problem, request == null ? null
                : request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Map<String, Object> body = problem.body();
        body.put("message", problem.detail());
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(body);
        if (failure instanceof WebApplicationException web && problem.status() == 405) {
            response.header(HttpHeaders.ALLOW, web.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    private static Problem jerseyRefusal(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (failure instanceof ParamException param && !(failure instanceof ParamException.PathParamException)) {
            // Jersey answers a malformed query parameter with 404; it is the caller's input that is wrong.
            return Problem.invalid(param.getParameterName(), "has an invalid value");
        }
        return switch (status) {
            case 404 -> Problem.notFound();
            case 405 -> Problem.of(405, Problems.METHOD_DETAIL);
            case 406 -> Problem.of(406, Problems.MEDIA_TYPE_DETAIL);
            case 415 -> Problem.of(415, "The request's content type is not supported here.");
            default -> status >= 400 && status < 500
                    ? Problem.of(status, SafeText.of(failure.getMessage(), Problem.titleOf(status) + "."))
                    : Problems.answer(failure);
        };
    }
}
