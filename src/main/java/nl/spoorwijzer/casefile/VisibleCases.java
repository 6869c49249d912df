package nl.spoorwijzer.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cases, of some the read model lists, the caller may see: the engine's answer for their root process
 * instances ({@link CaseAccess#visibleCases()}), so the case list follows the same authorizations as Tasklist.
 */
@FunctionalInterface
public interface VisibleCases {

    /** The ones of these root process instance ids (at most {@value CaseFileRepository#MAX_INSTANCES_PER_QUERY}). */
    Set<String> among(List<String> processInstanceIds);

    /**
     * All of them, when the engine named them at once because they are few (an employee, a bureau with a handful of
     * referrals): the list then reads just those; null when there are too many to name.
     */
    default Collection<String> all() {
        return null;
    }

    /** The cases of these root process instances, as the engine named them. */
    static VisibleCases named(Set<String> instances) {
        return new VisibleCases() {
            @Override
            public Set<String> among(List<String> processInstanceIds) {
                return processInstanceIds.stream().filter(instances::contains).collect(Collectors.toSet());
            }

            @Override
            public Collection<String> all() {
                return instances;
            }
        };
    }
}
