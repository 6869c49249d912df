package nl.spoorwijzer.migration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Camunda has no listener for a migrated instance, but every migration — synchronous, in a batch job, or through
 * /engine-rest — produces a {@code PROCESS_INSTANCE_MIGRATE} history event in the transaction that migrates it. The
 * event comes while the instance is still being migrated (before its jobs and tasks), so the follow-up waits for
 * the end of that transaction: a {@code COMMITTING} transaction listener, which runs before the commit, with the
 * migrated instance flushed, and rolls the migration back with it when it fails (the batch job then fails and
 * shows as an incident in Cockpit). A dry run is rolled back, so it calls the follow-up itself.
 */
class MigrationHook implements HistoryEventHandler {

    private final ObjectProvider<MigratedCaseFollowUp> followUp;

    MigrationHook(ObjectProvider<MigratedCaseFollowUp> followUp) {
        this.followUp = followUp;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof HistoricProcessInstanceEventEntity instance)
                || !HistoryEventTypes.PROCESS_INSTANCE_MIGRATE.getEventName().equals(event.getEventType())) {
            return;
        }
        String key = instance.getProcessDefinitionKey();
        if (key != null && !ProcessVersions.MIGRATABLE.contains(key)) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        String startedBy = context.getAuthenticatedUserId();
        String processInstanceId = instance.getProcessInstanceId();
        Set<String> sourceActivities = sourceActivities(context, processInstanceId);
        context.getTransactionContext().addTransactionListener(TransactionState.COMMITTING,
                committing -> followUp.getObject().afterMigration(processInstanceId, startedBy, sourceActivities));
    }

    /**
     * The steps the instance is in before it moves: the event comes when its own execution has moved, before its
     * child executions, which still name the source version's activities.
     */
    private static Set<String> sourceActivities(CommandContext context, String processInstanceId) {
        Set<String> activities = new HashSet<>();
        Deque<ExecutionEntity> open = new ArrayDeque<>();
        ExecutionEntity root = context.getExecutionManager().findExecutionById(processInstanceId);
        if (root != null) {
            open.push(root);
        }
        while (!open.isEmpty()) {
            ExecutionEntity execution = open.pop();
            if (execution.getActivityId() != null) {
                activities.add(execution.getActivityId());
            }
            execution.getExecutions().forEach(open::push);
        }
        return activities;
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
