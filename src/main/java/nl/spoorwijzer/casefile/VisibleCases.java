package nl.spoorwijzer.casefile;

import java.util.List;
import java.util.Set;

/**
 * Which cases, of some the read model lists, the caller may see: the engine's answer for their root process
 * instances ({@link CaseAccess#visibleCases()}), so the case list follows the same authorizations as Tasklist.
 */
@FunctionalInterface
public interface VisibleCases {

    /** The ones of these root process instance ids (at most {@value CaseFileRepository#MAX_INSTANCES_PER_QUERY}). */
    Set<String> among(List<String> processInstanceIds);
}
