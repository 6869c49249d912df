package nl.spoorwijzer.signals;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.stereotype.Component;

/**
 * Queues a signal inside the engine's current command: claims it in signal_sent (so it goes out once) and creates a
 * Camunda job for it ({@link SignalJobHandler}). The mail is sent by the job executor after the command commits, so a
 * slow or failing SMTP server never delays or fails the task or timer that caused it; that job finds the recipients
 * and queues one job per recipient ({@link #queueDelivery}), so a failed mail is retried alone; a job that keeps
 * failing becomes an incident in Cockpit, where an operator retries it.
 */
@Component
class SignalQueue {

    private final SignalLedger ledger;
    private final MailSettings settings;
    private final Clock clock;

    SignalQueue(SignalLedger ledger, MailSettings settings, Clock clock) {
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns whether the signal was new (and so queued). Must run inside an engine command. */
    boolean queue(Signal signal, String processDefinitionId, String processDefinitionKey) {
        if (!settings.enabled()
                || !ledger.claim(signal.subjectId(), signal.kind(), signal.caseId(), OffsetDateTime.now(clock))) {
            return false;
        }
        send(signal, processDefinitionId, processDefinitionKey);
        return true;
    }

    /** Queues a signal already claimed ({@link SignalLedger#claimAll}). Must run inside an engine command. */
    void queueClaimed(Signal signal, String processDefinitionId, String processDefinitionKey) {
        send(signal, processDefinitionId, processDefinitionKey);
    }

    /** Queues the mail of a claimed signal to one recipient ({@link Signal#to}). Must run inside an engine command. */
    void queueDelivery(Signal toOneUser, String processDefinitionId, String processDefinitionKey) {
        send(toOneUser, processDefinitionId, processDefinitionKey);
    }

    private static void send(Signal signal, String processDefinitionId, String processDefinitionKey) {
        MessageEntity job = new MessageEntity();
        job.setJobHandlerType(SignalJobHandler.TYPE);
        job.setJobHandlerConfigurationRaw(signal.toCanonicalString());
        job.setTenantId(signal.tenantId());
        // Not attached to the case's execution: a job of an execution is deleted when the execution ends (the task
        // completes), and a miss must still be told. The definition makes a failure show in Cockpit for the model.
        job.setProcessDefinitionId(processDefinitionId);
        job.setProcessDefinitionKey(processDefinitionKey);
        Context.getCommandContext().getJobManager().send(job);
    }
}
