package nl.spoorwijzer.modelling;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The first resolver of every model expression: before any other resolver reads a property of an object or calls
 * one of its methods, this one checks the {@link ExpressionAllowList} (or, for a model bean, {@link ModelBeans}) and
 * refuses everything else — reflection ({@code "".getClass().forName(...)}), engine internals
 * ({@code execution.processEngineServices}), and writes to any object. It never resolves anything itself.
 */
final class ExpressionSandbox extends ELResolver {

    private final ModelBeanMap beans;

    ExpressionSandbox(ModelBeanMap beans) {
        this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null && !mayRead(base, property)) {
            throw refused("reading '" + property + "' of " + describe(base));
        }
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base != null && !mayCall(base, String.valueOf(method))) {
            throw refused("calling '" + method + "' on " + describe(base));
        }
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base != null) {
            throw refused("writing '" + property + "' of " + describe(base));
        }
    }

    private boolean mayRead(Object base, Object property) {
        return beans.nameOf(base) == null && ExpressionAllowList.mayRead(base, property);
    }

    private boolean mayCall(Object base, String method) {
        if (ExpressionAllowList.NEVER.contains(method)) {
            return false;
        }
        String bean = beans.nameOf(base);
        return bean != null ? ModelBeans.isCallable(bean, method)
                : ExpressionAllowList.methodsOf(base).contains(method);
    }

    private String describe(Object base) {
        String bean = beans.nameOf(base);
        return bean != null ? "model bean " + bean : "a " + base.getClass().getSimpleName();
    }

    private static ELException refused(String what) {
        return new ELException("Not allowed in a model expression: " + what);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
