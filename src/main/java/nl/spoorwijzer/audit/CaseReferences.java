package nl.spoorwijzer.audit;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The engine objects a request named or its answer contained, by kind, from which the cases they belong to are
 * found ({@link CaseResolver}): a case is the root process instance whose business key is its case id.
 */
final class CaseReferences {

    enum Kind {
        PROCESS_INSTANCE, TASK, EXECUTION, VARIABLE, HISTORIC_VARIABLE,
        /** A business key named in a request (a message correlated to a case): the case id itself. */
        BUSINESS_KEY
    }

    private final Map<Kind, Set<String>> ids = new EnumMap<>(Kind.class);

    void add(Kind kind, String id) {
        if (id != null && !id.isBlank()) {
            ids.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(id);
        }
    }

    void addAll(CaseReferences other) {
        other.ids.forEach((kind, values) -> values.forEach(id -> add(kind, id)));
    }

    Set<String> of(Kind kind) {
        return ids.getOrDefault(kind, Set.of());
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    @Override
    public String toString() {
        return ids.toString();
    }
}
