package nl.spoorwijzer.signals;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
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
 * Sends one queued signal (a Camunda job, {@link SignalQueue}): finds who it is for now, and mails each of them — or
 * adds a line to his digest when he chose one. A task done before its signal went out needs no mail any more. When
 * the SMTP server refuses, the job fails and Camunda retries it (3 tries), then shows an incident in Cockpit.
 */
@Component
class SignalJobHandler implements JobHandler<Signal> {

    static final String TYPE = "spoorwijzer-signal";
    private static final Logger LOG = LoggerFactory.getLogger(SignalJobHandler.class);

    private final TaskPeople people;
    private final SignalMails mails;
    private final SignalLedger ledger;
    private final Outbox outbox;
    private final Clock clock;

    SignalJobHandler(@Lazy TaskPeople people, @Lazy SignalMails mails, @Lazy SignalLedger ledger,
                     @Lazy Outbox outbox, Clock clock) {
        this.people = people;
        this.mails = mails;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Signal signal, ExecutionEntity execution, CommandContext context, String tenantId) {
        switch (signal.kind()) {
            case DIGEST -> sendDigest(signal);
            case MISS_FOR_EMPLOYER -> deliver(signal, people.caseManagers(signal.tenantId()));
            default -> {
                TaskEntity task = context.getTaskManager().findTaskById(signal.taskId());
                if (task == null) {
                    return; // done (or cancelled) before the signal went out
                }
                deliver(signal, people.of(task.getAssignee(), task.getIdentityLinks(), task.getTenantId()));
            }
        }
    }

    private void deliver(Signal signal, List<User> recipients) {
        for (User user : recipients) {
            if (user.getEmail() == null || user.getEmail().isBlank()) {
                LOG.warn("Signaal {} voor {} niet verstuurd: geen e-mailadres", signal.kind(), user.getId());
                continue;
            }
            Delivery delivery = ledger.deliveryOf(user.getId()).orElse(Delivery.SINGLE);
            if (delivery == Delivery.DAILY_DIGEST) {
                ledger.addDigestLine(user.getId(), mails.line(signal), OffsetDateTime.now(clock));
            } else {
                SignalMails.Mail mail = mails.single(signal, user);
                sendTo(user, mail);
            }
        }
    }

    /**
     * Sends one mail. A refusal becomes the job's failure and so an incident in Cockpit, which management may read:
     * it names the user, never his e-mail address (an SMTP server's refusal quotes it).
     */
    private void sendTo(User user, SignalMails.Mail mail) {
        try {
            outbox.send(user.getEmail(), mail.subject(), mail.body());
        } catch (RuntimeException refused) {
            throw new IllegalStateException("e-mail to user " + user.getId() + " not sent ("
                    + refused.getClass().getSimpleName() + ")");
        }
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
        sendTo(user, mail);
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
