package nl.spoorwijzer.identity;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.AbstractVariableQueryImpl;
import org.camunda.bpm.engine.impl.ExecutionQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Camunda checks the right to read a case's variables when it returns them, not when a query filters cases, tasks or
 * executions by a variable's value ({@code /process-instance?variables=functioneleBeperkingen_like_%rug%}): whoever
 * may see the cases could learn their values one guess at a time. So only the administrator (and the platform
 * itself) may filter by variable values; anyone else is refused before the query runs.
 */
class VariableFilterGuard extends CommandInterceptor {

    private final Supplier<IdentityService> identityService;

    VariableFilterGuard(Supplier<IdentityService> identityService) {
        this.identityService = identityService;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (filtersByVariableValues(command) && !mayFilter()) {
            throw RuleViolationException.notAllowed("variables", "filtering by the values of a case's variables"
                    + " is for the administrator only");
        }
        return next.execute(command);
    }

    private boolean mayFilter() {
        CommandContext running = Context.getCommandContext();
        if (running != null && !running.isAuthorizationCheckEnabled()) {
            return true; // the platform's own query inside a command
        }
        Authentication caller = identityService.get().getCurrentAuthentication();
        return caller == null || caller.getUserId() == null || EmployerRights.isAdmin(caller);
    }

    static boolean filtersByVariableValues(Command<?> command) {
        if (command instanceof TaskQueryImpl query) {
            return anyWith(query, TaskQueryImpl::getQueries, q -> q.getVariables());
        }
        if (command instanceof HistoricTaskInstanceQueryImpl query) {
            return anyWith(query, HistoricTaskInstanceQueryImpl::getQueries, q -> q.getVariables());
        }
        if (command instanceof ProcessInstanceQueryImpl query) {
            return anyWith(query, ProcessInstanceQueryImpl::getQueries,
                    AbstractVariableQueryImpl::getQueryVariableValues);
        }
        if (command instanceof HistoricProcessInstanceQueryImpl query) {
            return anyWith(query, HistoricProcessInstanceQueryImpl::getQueries,
                    AbstractVariableQueryImpl::getQueryVariableValues);
        }
        if (command instanceof ExecutionQueryImpl query) {
            return notEmpty(query.getQueryVariableValues());
        }
        return false;
    }

    /** The query or any of its {@code or()} branches filters by variable values. */
    private static <Q> boolean anyWith(Q query, Function<Q, List<Q>> branches, Function<Q, List<?>> conditions) {
        if (notEmpty(conditions.apply(query))) {
            return true;
        }
        List<Q> or = branches.apply(query);
        return or != null && or.stream().anyMatch(branch -> branch != query && notEmpty(conditions.apply(branch)));
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
