package nl.spoorwijzer.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.exception.DeploymentResourceNotFoundException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.model.xml.ModelParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Decides what a failed request tells its caller, for {@code /api} and {@code /engine-rest} alike. Camunda's REST
 * layer wraps engine exceptions (a refused form submission arrives as a "500" RestException around the cause), so the
 * whole cause chain is read: the most telling cause decides. Anything not recognised as the caller's mistake is a
 * server fault: a generic 500 with a correlation id that is logged together with the stack trace.
 */
public final class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    /** Camunda's tenant check (ENGINE-13034): the entity exists in another employer's tenant. Answered as unknown. */
    private static final Pattern TENANT_REFUSAL = Pattern.compile("ENGINE-13034|belongs to no authenticated tenant");
    /** ENGINE-17007: a serialized Java object as a variable value, which the engine refuses (deserialization risk). */
    private static final Pattern JAVA_SERIALIZATION_REFUSED = Pattern.compile("ENGINE-17007|serialization format is prohibited");
    /** {@link NullValueException} serves both "no entity with this id" and "parameter missing"; only its text tells. */
    private static final Pattern MISSING_ENTITY = Pattern.compile(
            "(?i)cannot find|could not find|not found|does not exist|doesn't exist|no \\w+ (?:found|with)");
    /** ENGINE-09003 "Could not parse 'name.bpmn'": the resource the engine could not read. */
    private static final Pattern RESOURCE_NAME = Pattern.compile("Could not parse '([^']{1,200})'");
    private static final int MAX_CHAIN = 25;
    static final String SUSPENDED_DETAIL = "This is suspended and cannot be changed now.";
    static final String STORED_CONFLICT_DETAIL = "This conflicts with data already stored.";
    static final String MISSING_VALUE_DETAIL = "A required value is missing.";
    static final String INVALID_REQUEST_DETAIL = "The request is not valid.";
    static final String METHOD_DETAIL = "This method is not allowed on this resource.";
    static final String MEDIA_TYPE_DETAIL = "No representation in an acceptable media type.";

    private Problems() {
    }

    /** The problem to answer for a failure, logged (server faults with their correlation id and stack trace). */
    public static Problem answer(Throwable failure) {
        Problem problem = classify(failure);
        if (problem.isServerFault()) {
            log.error("Server fault, correlation id {}", problem.correlationId(), failure);
        } else if (log.isDebugEnabled()) {
            log.debug("Refused with {}: {}", problem.status(), failure.toString());
        }
        return problem;
    }

    static Problem classify(Throwable failure) {
        List<Throwable> chain = chainOf(failure);
        return firstOf(chain,
                t -> t instanceof RuleViolations r ? Problem.refused(r) : null,
                t -> isTenantRefusal(t) || isMissingEntity(t) ? Problem.notFound() : null,
                t -> t instanceof AuthorizationException ? Problem.forbidden() : null,
                t -> TransientConflicts.isTransient(t) ? Problem.of(409, TransientConflicts.RETRY_DETAIL) : null,
                t -> t instanceof SuspendedEntityInteractionException ? Problem.of(409, SUSPENDED_DETAIL) : null,
                Problems::storedValueRefusal,
                Problems::jsonRefusal,
                t -> t instanceof ParseException p ? modelRefusal(p) : null,
                t -> t instanceof SAXException || t instanceof ModelParseException
                        || t instanceof DmnTransformException ? unreadableModel(chain) : null,
                t -> t instanceof ProcessEngineException && matches(JAVA_SERIALIZATION_REFUSED, t)
                        ? Problem.invalid("variables", "serialized Java objects are not accepted") : null,
                t -> t instanceof NullPointerException && thrownWhileReadingRestInput(t)
                        ? Problem.invalid("body", "a required value is missing") : null,
                t -> t instanceof NullValueException ? Problem.of(400,
                        SafeText.of(t.getMessage(), MISSING_VALUE_DETAIL)) : null,
                t -> t instanceof BadUserRequestException ? Problem.of(400,
                        SafeText.of(t.getMessage(), INVALID_REQUEST_DETAIL)) : null,
                Problems::restStatus)
                .orElseGet(Problem::serverFault);
    }

    @SafeVarargs
    private static Optional<Problem> firstOf(List<Throwable> chain, Function<Throwable, Problem>... rules) {
        for (Function<Throwable, Problem> rule : rules) {
            for (Throwable cause : chain) {
                Problem problem = rule.apply(cause);
                if (problem != null) {
                    return Optional.of(problem);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isTenantRefusal(Throwable t) {
        return t instanceof ProcessEngineException && matches(TENANT_REFUSAL, t);
    }

    private static boolean isMissingEntity(Throwable t) {
        if (t instanceof NotFoundException || t instanceof DeploymentResourceNotFoundException) {
            return true;
        }
        if (t instanceof RestException r && r.getStatus() != null) {
            int status = r.getStatus().getStatusCode();
            return status == 404 || status >= 400 && status < 500 && matches(MISSING_ENTITY, t);
        }
        return (t instanceof NullValueException || t instanceof BadUserRequestException) && matches(MISSING_ENTITY, t);
    }

    /** The database refused a value (SQLSTATE class 22 data exception, 23 integrity constraint), H2 and PostgreSQL. */
    private static Problem storedValueRefusal(Throwable t) {
        if (!(t instanceof SQLException sql)) {
            return null;
        }
        for (SQLException e = sql; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if ("22001".equals(state)) {
                return Problem.invalid("value", "is longer than the platform can store");
            }
            if (state != null && state.startsWith("22")) {
                return Problem.invalid("value", "cannot be stored (out of range or malformed)");
            }
            if (state != null && state.startsWith("23")) {
                return Problem.of(409, STORED_CONFLICT_DETAIL);
            }
            if (e.getNextException() == e) {
                break;
            }
        }
        return null;
    }

    private static Problem jsonRefusal(Throwable t) {
        if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return Problem.invalid(field, "has the wrong type or shape");
        }
        if (t instanceof JsonProcessingException) {
            return Problem.invalid("body", "must be a JSON value of the documented shape");
        }
        return null;
    }

    /** A model the engine could not parse: one violation per reported problem (element id, rule). */
    private static Problem modelRefusal(ParseException parse) {
        List<Violation> violations = new ArrayList<>();
        parse.getResorceReports() // sic, Camunda's spelling
                .forEach(report -> report.getErrors().forEach(problem -> violations.add(
                new Violation(problem.getMainElementId() != null ? problem.getMainElementId()
                        : report.getResourceName() + (problem.getLine() > 0 ? ":" + problem.getLine() : ""),
                        SafeText.of(problem.getMessage(), "is not valid")))));
        if (violations.isEmpty()) {
            violations.add(new Violation("model", SafeText.of(parse.getMessage(), "cannot be parsed")));
        }
        return Problem.invalid(violations);
    }

    /** A deployed file that is not a readable model (no XML, not BPMN or DMN): the resource and why. */
    private static Problem unreadableModel(List<Throwable> chain) {
        for (Throwable t : chain) {
            Matcher resource = RESOURCE_NAME.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (resource.find()) {
                return Problem.invalid(resource.group(1), "is not a readable BPMN or DMN model");
            }
        }
        return Problem.invalid("deployment", "is not a readable BPMN or DMN model");
    }

    /** Camunda's REST layer dereferences what the caller left out (a null body, variable or list entry). */
    private static boolean thrownWhileReadingRestInput(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.camunda.bpm.engine.rest.");
    }

    /** Camunda REST's own refusals (InvalidRequestException and RestException with a 4xx status). */
    private static Problem restStatus(Throwable t) {
        if (t instanceof RestException rest && rest.getStatus() != null) {
            int status = rest.getStatus().getStatusCode();
            if (status >= 400 && status < 500) {
                return Problem.of(status, SafeText.of(rest.getMessage(), INVALID_REQUEST_DETAIL));
            }
        }
        return null;
    }

    private static boolean matches(Pattern pattern, Throwable t) {
        return t.getMessage() != null && pattern.matcher(t.getMessage()).find();
    }

    private static List<Throwable> chainOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t) && chain.size() < MAX_CHAIN; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
