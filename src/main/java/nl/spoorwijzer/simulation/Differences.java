package nl.spoorwijzer.simulation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the candidate model changes in a sample case, compared with the current one: items (tasks or dossier
 * entries) that appear, disappear or move to another date. The n-th occurrence of a key in one trace is compared
 * with the n-th occurrence of that key in the other (a task that comes back every six weeks is matched round by
 * round).
 */
public record Differences(List<Trace.Item> appeared, List<Trace.Item> disappeared, List<Moved> moved) {

    /** A task or entry on another day: its due date (or entry date) and the day it appeared, before and after. */
    public record Moved(String key, String label, String from, String to, String createdFrom, String createdTo) {
    }

    @JsonIgnore
    public boolean isEmpty() {
        return appeared.isEmpty() && disappeared.isEmpty() && moved.isEmpty();
    }

    public static Differences between(List<Trace.Item> current, List<Trace.Item> candidate) {
        Map<String, Trace.Item> before = byOccurrence(current);
        Map<String, Trace.Item> after = byOccurrence(candidate);
        List<Trace.Item> appeared = new ArrayList<>();
        List<Trace.Item> disappeared = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        before.forEach((occurrence, item) -> {
            Trace.Item other = after.get(occurrence);
            if (other == null) {
                disappeared.add(item);
            } else if (!Objects.equals(item.date(), other.date()) || !Objects.equals(item.created(), other.created())) {
                moved.add(new Moved(item.key(), other.label(), item.date(), other.date(), item.created(),
                        other.created()));
            }
        });
        after.forEach((occurrence, item) -> {
            if (!before.containsKey(occurrence)) {
                appeared.add(item);
            }
        });
        return new Differences(appeared, disappeared, moved);
    }

    private static Map<String, Trace.Item> byOccurrence(List<Trace.Item> items) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Trace.Item> result = new LinkedHashMap<>();
        for (Trace.Item item : items) {
            int n = seen.merge(item.key(), 1, Integer::sum);
            result.put(item.key() + "#" + n, item);
        }
        return result;
    }
}
