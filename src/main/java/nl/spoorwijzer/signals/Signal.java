package nl.spoorwijzer.signals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;

/**
 * One signal waiting to be sent, as its job carries it. Only what a mail may say: the step's name, the case id, the
 * due date and whose step it is — never a form's contents, so never a diagnosis or a functional limitation.
 *
 * @param subjectId the task (or, for a digest, the user and day) the signal is about
 * @param taskId    the task a link opens; null for a digest
 * @param party     for a miss told to the employer: the role whose step it was (bedrijfsarts, re-integratiebureau)
 * @param dueDate   ISO date the step was due by, or null
 * @param recipient the one user this job mails; null for the job that finds the recipients and queues one job each
 */
public record Signal(SignalKind kind, String subjectId, String taskId, String caseId, String tenantId,
                     String taskName, String dueDate, String party, String recipient)
        implements JobHandlerConfiguration {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Signal digest(String userId, String day) {
        return new Signal(SignalKind.DIGEST, userId + "/" + day, null, null, null, null, day, userId, null);
    }

    /** The same signal for one recipient: its own job, so a retry mails only whom it did not reach. */
    Signal to(String userId) {
        return new Signal(kind, subjectId, taskId, caseId, tenantId, taskName, dueDate, party, userId);
    }

    /** The digest's user. */
    String digestUser() {
        return party;
    }

    @Override
    public String toCanonicalString() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Signal parse(String canonical) {
        try {
            return JSON.readValue(canonical, Signal.class);
        } catch (JsonProcessingException e) {
            // not the text itself: it names the recipient, and this message can become an incident in Cockpit
            throw new IllegalArgumentException("not a signal (" + e.getClass().getSimpleName() + ")");
        }
    }
}
