package nl.spoorwijzer.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Takes the place of one of Spoorwijzer's delegates or listeners for one invocation (see {@link FloorBeans}). With a
 * real bean it runs that bean and records the variables it changed; without one it replays what was recorded at the
 * same point of the model. The setters receive the fields the models inject ({@code camunda:field}); a recording
 * stand-in hands them on to the real bean.
 */
public final class StandIn implements JavaDelegate, ExecutionListener, TaskListener {

    private final String bean;
    private final Object real;
    private final FloorBeans beans;
    private final Map<String, Expression> fields = new LinkedHashMap<>();

    StandIn(String bean, Object real, FloorBeans beans) {
        this.bean = bean;
        this.real = real;
        this.beans = beans;
    }

    public void setReason(Expression value) {
        fields.put("reason", value);
    }

    public void setMessage(Expression value) {
        fields.put("message", value);
    }

    public void setActualDateVariable(Expression value) {
        fields.put("actualDateVariable", value);
    }

    public void setDecision(Expression value) {
        fields.put("decision", value);
    }

    public void setInputs(Expression value) {
        fields.put("inputs", value);
    }

    public void setOutputs(Expression value) {
        fields.put("outputs", value);
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String event = execution.getEventName() == null ? "execute" : execution.getEventName();
        around(execution, execution.getProcessInstanceId(), point(execution.getProcessDefinitionId(),
                execution.getCurrentActivityId(), event), () -> {
            if (real instanceof JavaDelegate delegate && execution.getEventName() == null) {
                delegate.execute(execution);
            } else {
                ((ExecutionListener) real).notify(execution);
            }
        });
    }

    @Override
    public void notify(DelegateExecution execution) throws Exception {
        execute(execution);
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            around(task, task.getProcessInstanceId(), point(task.getProcessDefinitionId(),
                    task.getTaskDefinitionKey(), task.getEventName()), () -> ((TaskListener) real).notify(task));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void around(VariableScope scope, String processInstanceId, String point, Invocation invocation)
            throws Exception {
        String pass = beans.pass(processInstanceId, point);
        if (real == null) {
            beans.recordings().changesAt(pass).forEach((name, value) -> {
                if (value == DelegateRecordings.REMOVED) {
                    scope.removeVariable(name);
                } else {
                    scope.setVariable(name, value);
                }
            });
            return;
        }
        injectFields();
        Map<String, Object> before = new HashMap<>(scope.getVariables());
        invocation.run();
        Map<String, Object> after = scope.getVariables();
        Map<String, Object> changes = new HashMap<>();
        after.forEach((name, value) -> {
            if (!before.containsKey(name) || !Objects.equals(before.get(name), value)) {
                changes.put(name, value);
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name))
                .forEach(name -> changes.put(name, DelegateRecordings.REMOVED));
        beans.recordings().record(pass, changes);
    }

    private String point(String processDefinitionId, String elementId, String event) {
        String process = processDefinitionId == null ? "?" : processDefinitionId.split(":")[0];
        return bean + "@" + process + "/" + elementId + "/" + event;
    }

    private void injectFields() throws ReflectiveOperationException {
        for (Map.Entry<String, Expression> field : fields.entrySet()) {
            String setter = "set" + Character.toUpperCase(field.getKey().charAt(0)) + field.getKey().substring(1);
            Method method = real.getClass().getMethod(setter, Expression.class);
            try {
                method.invoke(real, field.getValue());
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("cannot hand field " + field.getKey() + " to " + bean, e);
            }
        }
    }

    @FunctionalInterface
    private interface Invocation {
        void run() throws Exception;
    }
}
