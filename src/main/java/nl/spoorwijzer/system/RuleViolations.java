package nl.spoorwijzer.system;

import java.util.List;

/**
 * An exception that names the fields and rules a request broke, whatever engine exception type it must extend for
 * Camunda's own REST layers to answer with a client error. The REST layers render it as a problem detail.
 */
public interface RuleViolations {

    List<RuleViolationException.Violation> violations();

    /** 400 (invalid input), 403 (not allowed) or 409 (conflict). */
    int status();
}
