package nl.spoorwijzer.modelling;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;

/**
 * The {@link ModelBeans} by name, looked up in the application context on first use (the engine is built before
 * most beans, which themselves need engine services). The engine sees only these names: as its expression beans and
 * its script beans ({@code ProcessEngineConfiguration#setBeans}).
 */
final class ModelBeanMap extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private final Map<String, Object> resolved = new ConcurrentHashMap<>();

    ModelBeanMap(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String bean && ModelBeans.isModelBean(bean);
    }

    @Override
    public Object get(Object name) {
        return containsKey(name) ? resolved.computeIfAbsent((String) name, context::getBean) : null;
    }

    /** The name of the model bean that is this very object, or null when it is none of them. */
    String nameOf(Object object) {
        for (Map.Entry<String, Object> bean : resolved.entrySet()) {
            if (bean.getValue() == object) {
                return bean.getKey();
            }
        }
        return null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.of(); // the engine only looks beans up by name; nothing may list the context
    }
}
