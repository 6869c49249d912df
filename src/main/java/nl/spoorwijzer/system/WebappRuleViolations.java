package nl.spoorwijzer.system;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * The webapps' own REST API (Tasklist's {@code /camunda/api/engine/...}, a Jersey application of its own with
 * Camunda's mappers): Camunda's REST layer wraps a refused form submission in a "500" RestException, so Tasklist
 * would show a server error. This mapper answers a wrapped {@link RuleViolations} with its status and a
 * problem detail whose {@code message} Tasklist shows; every other failure keeps Camunda's handling. Registered by
 * Jersey's auto-discovery (META-INF/services) in every Jersey application except {@code /engine-rest}, which maps
 * all failures itself ({@link EngineRestExceptionMapper}).
 */
@ConstrainedTo(RuntimeType.SERVER)
public class WebappRuleViolations implements ForcedAutoDiscoverable {

    /** Ahead of Camunda's mapper for the same type (Jersey prefers the lower priority value on a tie). */
    static final int BEFORE_CAMUNDA = 1;

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() == RuntimeType.SERVER
                && !context.getConfiguration().isRegistered(EngineRestExceptionMapper.class)) {
            context.register(Mapper.class, BEFORE_CAMUNDA);
        }
    }

    public static class Mapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException failure) {
            for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof RuleViolations violation) {
                    Problem problem = Problem.refused(violation);
                    Map<String, Object> body = problem.body();
                    body.put("message", problem.detail());
                    return Response.status(problem.status()).type(EngineRestExceptionMapper.PROBLEM_JSON)
                            .entity(body).build();
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(failure);
        }
    }
}
