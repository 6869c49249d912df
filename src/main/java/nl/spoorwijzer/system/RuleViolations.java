package nl.spoorwijzer.system;

import java.util.List;

/**
 * An exception that names the fields and rules a request broke, whatever engine exception type it must extend for
 * Camunda's own REST layers to answer with a client error. The REST layers render it as a problem detail.
 */
public interface RuleViolations {

    List<Violation> violations();

    /** The kind of refusal; {@link Problem} maps it to the HTTP status. */
    Refusal refusal();
}
