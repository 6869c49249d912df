package nl.spoorwijzer.forms;

import java.util.List;
import nl.spoorwijzer.system.Refusal;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * No person deletes cases in bulk or deletes their history: one request would otherwise wipe every case (a batch
 * deletion by query) or the record UWV audits. The administrator may still cancel a single case (Cockpit), which
 * Camunda's user operation log records; history leaves only through the retention period's cleanup.
 */
class BulkCaseDeletionRefusal extends CommandInterceptor {

    private final SubmissionGuard guard;

    BulkCaseDeletionRefusal(SubmissionGuard guard) {
        this.guard = guard;
    }

    @Override
    public <T> T execute(Command<T> command) {
        boolean bulk = command instanceof DeleteProcessInstanceBatchCmd || command instanceof DeleteProcessInstancesCmd;
        boolean history = command instanceof DeleteHistoricProcessInstancesCmd
                || command instanceof DeleteHistoricProcessInstancesBatchCmd;
        if ((bulk || history) && guard.appliesNow()) {
            throw new RuleViolationException(List.of(new Violation("processInstanceIds", bulk
                    ? "cases are not deleted in bulk; the administrator may cancel one case at a time"
                    : "a case's history is removed only by the retention period's cleanup")), Refusal.NOT_ALLOWED);
        }
        return next.execute(command);
    }
}
