package nl.spoorwijzer.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Spoorwijzer's delegates and listeners changed in the process variables, recorded once per point in the model
 * (process, activity or task, event, how often it ran before in that process instance) while the platform played
 * the benchmark's cases, so that the engine floor can replay the same changes without running our code. All cases of
 * the lifecycle benchmark start on the same day and get the same answers, so every case passes the same points with
 * the same values.
 */
final class DelegateRecordings {

    /** A variable the delegate removed is recorded with this value. */
    static final Object REMOVED = new Object();

    private final Map<String, Map<String, Object>> changes = new ConcurrentHashMap<>();

    void record(String point, Map<String, Object> variableChanges) {
        changes.putIfAbsent(point, Map.copyOf(variableChanges));
    }

    Map<String, Object> changesAt(String point) {
        Map<String, Object> recorded = changes.get(point);
        if (recorded == null) {
            throw new IllegalStateException("engine floor: nothing was recorded at " + point
                    + "; the floor's cases took a path the platform's warm-up did not");
        }
        return recorded;
    }

    int size() {
        return changes.size();
    }
}
