package nl.spoorwijzer.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Engine work the platform does for a case whatever the caller may see, inside the caller's command: the read model
 * and the rescheduling of a case's timers must see all of the case's tasks and jobs, also those of other tenants'
 * groups. Camunda checks authorizations and tenants per query; both are switched off for {@code work} only.
 */
public final class AsPlatform {

    private AsPlatform() {
    }

    public static <T> T inCommand(Supplier<T> work) {
        CommandContext context = Context.getCommandContext();
        boolean tenantCheck = context.isTenantCheckEnabled();
        context.disableTenantCheck();
        try {
            return context.runWithoutAuthorization(work::get);
        } finally {
            context.setTenantCheckEnabled(tenantCheck);
        }
    }
}
