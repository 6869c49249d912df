package nl.spoorwijzer.migration;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Camunda has no listener for a migrated instance, but every migration — synchronous, in a batch job, or through
 * /engine-rest — produces a {@code PROCESS_INSTANCE_MIGRATE} history event in the transaction that migrates it. The
 * event comes while the instance is still being migrated (before its jobs and tasks), so the follow-up waits for
 * the end of that transaction: a {@code COMMITTING} transaction listener, which runs before the commit, with the
 * migrated instance flushed, and rolls the migration back with it when it fails (the batch job then fails and
 * shows as an incident in Cockpit). A dry run is rolled back, so its follow-up never runs.
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
        context.getTransactionContext().addTransactionListener(TransactionState.COMMITTING,
                committing -> followUp.getObject().afterMigration(processInstanceId, startedBy));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
