package nl.spoorwijzer.bench;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The beans the engine's expressions see ({@code ${timelineComputation}}, {@code ${uwvDecisions.shortcomings(...)}}),
 * looked up in the Spring context as the engine normally does, except for Spoorwijzer's delegates and listeners:
 * <ul>
 *   <li>{@link Mode#RECORD}: the real bean runs inside a {@link StandIn} that records its variable changes;</li>
 *   <li>{@link Mode#PLATFORM}: the real bean, nothing recorded (the measured platform runs);</li>
 *   <li>{@link Mode#REPLAY}: the engine floor — a {@link StandIn} sets the recorded variables and runs none of our
 *       code.</li>
 * </ul>
 * {@code caseMessage} stays real in every mode: its only work is the engine's message correlation, which the model
 * needs to move (spoor 2 ends when the case tells it to).
 */
final class FloorBeans extends AbstractMap<Object, Object> {

    enum Mode { RECORD, PLATFORM, REPLAY }

    private static final Set<String> ENGINE_WORK = Set.of("caseMessage");

    private final ApplicationContext context;
    private final DelegateRecordings recordings;
    private final Map<String, AtomicInteger> passes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> delegates = new ConcurrentHashMap<>(); // bean name → one of ours to stand in for
    private volatile Mode mode;

    FloorBeans(ApplicationContext context, DelegateRecordings recordings, Mode mode) {
        this.context = context;
        this.recordings = recordings;
        this.mode = mode;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String bean && context.containsBean(bean);
    }

    @Override
    public Object get(Object name) {
        if (!containsKey(name)) {
            return null;
        }
        String bean = (String) name;
        if (mode == Mode.PLATFORM || !delegates.computeIfAbsent(bean, this::standsInFor)) {
            return context.getBean(bean);
        }
        return new StandIn(bean, mode == Mode.RECORD ? context.getBean(bean) : null, this);
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.of(); // the engine only looks beans up by name
    }

    DelegateRecordings recordings() {
        return recordings;
    }

    /** The key of one pass of a process instance through a point of the model, counting earlier passes. */
    String pass(String processInstanceId, String point) {
        int earlier = passes.computeIfAbsent(processInstanceId + "|" + point, key -> new AtomicInteger())
                .getAndIncrement();
        return point + "#" + earlier;
    }

    /** Forgets the passes counted so far; for cases that have ended, so that the count does not grow run by run. */
    void forgetPasses() {
        passes.clear();
    }

    /** Whether the bean is a delegate or listener of ours that a stand-in replaces (decided once per name). */
    private boolean standsInFor(String bean) {
        Class<?> type = context.getType(bean);
        return !ENGINE_WORK.contains(bean) && type != null && (JavaDelegate.class.isAssignableFrom(type)
                || TaskListener.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type));
    }
}
