package nl.spoorwijzer.process;

import java.util.Set;

/**
 * A property a process owner declares on a user task ({@code <camunda:property name="…" value="…"/>}) and the values
 * it may take. The feature that reads the property provides its vocabulary as a Spring bean; a deployment with a
 * value outside it is refused, so a typo in Modeler does not silently drop a task from the case's phase or the RIV.
 * Implementations have no dependencies: they are looked up while the engine deploys.
 */
public interface TaskPropertyVocabulary {

    /** The property's name, e.g. {@code fase}. */
    String property();

    /** Every value the property may take. */
    Set<String> values();
}
