package nl.spoorwijzer.system;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * The webapps' own REST API (Tasklist's and Cockpit's {@code /camunda/api/engine/...}, a Jersey application of its
 * own with Camunda's mappers): what goes wrong there is shown to a person, in Dutch. Camunda's REST layer wraps a
 * refused form submission in a "500" RestException, and its messages are English engine texts ("Cannot instantiate
 * process definition poortwachter:1:…", "The user with id … does not have 'UPDATE' permission …"). These mappers
 * answer engine and REST failures as {@link Problems} decides (status, fields, no internals) with a Dutch problem
 * detail ({@link DutchProblems}) whose {@code message} the webapps show. Migration plans and deployments keep
 * Camunda's answer: Cockpit draws their validation reports from it. Registered by Jersey's auto-discovery
 * (META-INF/services) in every Jersey application except {@code /engine-rest}, which maps all failures itself
 * ({@link EngineRestExceptionMapper}).
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
            context.register(EngineMapper.class, BEFORE_CAMUNDA);
        }
    }

    public static class Mapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException failure) {
            return inDutch(failure);
        }
    }

    public static class EngineMapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException failure) {
            return inDutch(failure);
        }
    }

    static Response inDutch(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof MigratingProcessInstanceValidationException || t instanceof MigrationPlanValidationException
                    || t instanceof ParseException) {
                return ExceptionHandlerHelper.getInstance().getResponse(failure);
            }
        }
        Problem problem = DutchProblems.of(Problems.answer(failure));
        Map<String, Object> body = problem.body();
        body.put("message", problem.detail());
        return Response.status(problem.status()).type(EngineRestExceptionMapper.PROBLEM_JSON).entity(body).build();
    }
}
