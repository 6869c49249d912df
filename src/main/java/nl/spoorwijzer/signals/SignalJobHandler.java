package nl.spoorwijzer.signals;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Sends one queued signal (a Camunda job, {@link SignalQueue}) in two steps. The signal's own job finds who it is for
 * now and queues one job per recipient — or adds a line to his digest when he chose one; a task done before its
 * signal went out needs no mail any more. Each recipient's job sends his one mail: when the SMTP server refuses, only
 * that job fails, so a retry never mails again whom it already reached. Failed jobs are retried on the cycle of
 * {@code spoorwijzer.mail.retry-cycle} ({@link SignalJobRetries}) and then show an incident in Cockpit.
 */
@Component
class SignalJobHandler implements JobHandler<Signal> {

    static final String TYPE = "spoorwijzer-signal";
    private static final Logger LOG = LoggerFactory.getLogger(SignalJobHandler.class);

    private final TaskPeople people;
    private final SignalMails mails;
    private final SignalLedger ledger;
    private final SignalQueue queue;
    private final Outbox outbox;
    private final Clock clock;

    SignalJobHandler(@Lazy TaskPeople people, @Lazy SignalMails mails, @Lazy SignalLedger ledger,
                     @Lazy SignalQueue queue, @Lazy Outbox outbox, Clock clock) {
        this.people = people;
        this.mails = mails;
        this.ledger = ledger;
        this.queue = queue;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    /**
     * Runs the job. Whatever fails in it becomes the job's exception message and then an incident in Cockpit, which
     * management reads: a failure that may quote a user (a database's duplicate key names its values) is logged with
     * its details for the administrator and the job fails with a message that names only the signal.
     */
    @Override
    public void execute(Signal signal, ExecutionEntity execution, CommandContext context, String tenantId) {
        try {
            run(signal, context);
        } catch (OptimisticLockingException | NamelessFailure retriedAsIs) {
            throw retriedAsIs;
        } catch (RuntimeException failed) {
            LOG.warn("Signaaljob mislukt ({}){}", describe(signal),
                    signal.recipient() == null ? "" : " (gebruiker " + signal.recipient() + ")", failed);
            throw new NamelessFailure("job " + describe(signal) + " failed (" + failed.getClass().getSimpleName()
                    + "); the details are in the application log");
        }
    }

    private void run(Signal signal, CommandContext context) {
        if (signal.kind() == SignalKind.DIGEST) {
            sendDigest(signal);
            return;
        }
        if (signal.recipient() != null) {
            if (stillConcerns(signal, context)) {
                people.user(signal.recipient()).filter(SignalJobHandler::hasAddress)
                        .ifPresent(user -> sendTo(user, mails.single(signal, user), signal));
            }
            return;
        }
        if (signal.kind() == SignalKind.MISS_FOR_EMPLOYER) {
            fanOut(signal, people.caseManagers(signal.tenantId()), context.getCurrentJob());
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(signal.taskId());
        if (task == null) {
            return; // done (or cancelled) before the signal went out
        }
        fanOut(signal, people.of(task.getAssignee(), task.getIdentityLinks(), task.getTenantId()),
                context.getCurrentJob());
    }

    /**
     * A recipient's job may run long after the signal was queued (retries, a busy job executor): a new task or a
     * follow-up reminder goes out only while the task is open and the recipient is still one of its people (the
     * task may have been claimed or handed over). A passed deadline stays true once the task is done; the werkgever's
     * notice of another party's miss stays too.
     */
    private boolean stillConcerns(Signal signal, CommandContext context) {
        if (signal.kind() == SignalKind.MISS_FOR_EMPLOYER || signal.taskId() == null) {
            return true;
        }
        TaskEntity task = context.getTaskManager().findTaskById(signal.taskId());
        if (task == null) {
            return signal.kind() == SignalKind.DEADLINE_PASSED;
        }
        boolean party = people.of(task.getAssignee(), task.getIdentityLinks(), task.getTenantId()).stream()
                .anyMatch(user -> user.getId().equals(signal.recipient()));
        if (!party) {
            LOG.info("Signaal {} voor {} niet verstuurd: niet meer een van de mensen van de taak", signal.kind(),
                    signal.recipient());
        }
        return party;
    }

    private void fanOut(Signal signal, List<User> recipients, JobEntity job) {
        for (User user : recipients) {
            if (!hasAddress(user)) {
                LOG.warn("Signaal {} voor {} niet verstuurd: geen e-mailadres", signal.kind(), user.getId());
                continue;
            }
            Delivery delivery = ledger.deliveryOf(user.getId()).orElse(Delivery.SINGLE);
            if (delivery == Delivery.DAILY_DIGEST) {
                ledger.addDigestLine(user.getId(), mails.line(signal), OffsetDateTime.now(clock));
            } else {
                queue.queueDelivery(signal.to(user.getId()), job == null ? null : job.getProcessDefinitionId(),
                        job == null ? null : job.getProcessDefinitionKey());
            }
        }
    }

    private static boolean hasAddress(User user) {
        return user.getEmail() != null && !user.getEmail().isBlank();
    }

    /**
     * Sends one mail. A refusal becomes the job's failure and so an incident in Cockpit, which management may read
     * (and a recipient may be the sick employee himself): its message names the signal, never the user or his e-mail
     * address (an SMTP server's refusal quotes it), and carries no cause. The administrator finds the user in the log.
     */
    private void sendTo(User user, SignalMails.Mail mail, Signal signal) {
        try {
            outbox.send(user.getEmail(), mail.subject(), mail.body());
        } catch (RuntimeException refused) {
            String what = describe(signal);
            LOG.warn("E-mail aan gebruiker {} niet verstuurd ({}): {}", user.getId(), what,
                    refused.getClass().getSimpleName());
            throw new NamelessFailure("e-mail " + what + " to one recipient not sent ("
                    + refused.getClass().getSimpleName() + "); the recipient is in the application log");
        }
    }

    /** The signal as an incident may name it: its kind and the task or day it is about, never a user. */
    static String describe(Signal signal) {
        if (signal.kind() == SignalKind.DIGEST) {
            return "of the daily digest of " + signal.dueDate();
        }
        return "of signal " + signal.kind() + " about task " + signal.taskId();
    }

    private void sendDigest(Signal digest) {
        String userId = digest.digestUser();
        List<SignalLedger.DigestLine> lines = ledger.digestLines(userId);
        User user = people.user(userId).orElse(null);
        if (lines.isEmpty() || user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return;
        }
        SignalMails.Mail mail = mails.digest(digest, user, lines.stream().map(SignalLedger.DigestLine::line).toList());
        ledger.removeDigestLinesUpTo(userId, lines.get(lines.size() - 1).id());
        sendTo(user, mail, digest);
    }

    /** A failure whose message names no user, so it may become an incident's message. */
    static final class NamelessFailure extends IllegalStateException {

        NamelessFailure(String message) {
            super(message);
        }
    }

    @Override
    public Signal newConfiguration(String canonicalString) {
        return Signal.parse(canonicalString);
    }

    @Override
    public void onDelete(Signal configuration, JobEntity job) {
        // nothing kept beside the job
    }
}
