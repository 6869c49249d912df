package nl.spoorwijzer.risks;

import jakarta.annotation.PreDestroy;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import nl.spoorwijzer.dossier.DossierEntryAppended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A case's risks are judged again when its dossier changes: once per case per transaction, after it committed (so
 * the judgement reads what was recorded), and on a thread of its own, so the user's step neither waits for it nor
 * fails with it. A case already waiting to be judged is not queued twice; when the queue is full
 * ({@code spoorwijzer.risks.rejudge-queue}) the case is left to the nightly sweep.
 */
@Component
class RiskFollowsDossier {

    private static final Logger LOG = LoggerFactory.getLogger(RiskFollowsDossier.class);
    private static final String PENDING = RiskFollowsDossier.class.getName() + ".pending";

    private final RiskEvaluation evaluation;
    private final ThreadPoolTaskExecutor judges = new ThreadPoolTaskExecutor();
    /** Cases queued and not yet started: a change while one is being judged queues it again. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    RiskFollowsDossier(RiskEvaluation evaluation, RiskSettings settings) {
        this.evaluation = evaluation;
        judges.setCorePoolSize(1);
        judges.setMaxPoolSize(1);
        judges.setQueueCapacity(settings.rejudgeQueue());
        judges.setThreadNamePrefix("loonsanctie-risico-zaak-");
        judges.setWaitForTasksToCompleteOnShutdown(false);
        judges.initialize();
    }

    @PreDestroy
    void stop() {
        judges.shutdown();
    }

    @EventListener
    void onAppended(DossierEntryAppended appended) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            queue(appended.entry().caseId());
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Set<String> cases = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(PENDING, cases);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                    if (status == STATUS_COMMITTED) {
                        cases.forEach(RiskFollowsDossier.this::queue);
                    }
                }
            });
            pending = cases;
        }
        pending.add(appended.entry().caseId());
    }

    private void queue(String caseId) {
        if (caseId == null || !waiting.add(caseId)) {
            return;
        }
        try {
            judges.execute(() -> {
                waiting.remove(caseId);
                judge(caseId);
            });
        } catch (RejectedExecutionException full) {
            waiting.remove(caseId);
            LOG.warn("Loonsanctie risks of case {} not judged now, too many cases waiting (the nightly sweep will)",
                    caseId);
        }
    }

    private void judge(String caseId) {
        try {
            evaluation.evaluateCase(caseId);
        } catch (RuntimeException e) {
            LOG.warn("Loonsanctie risks of case {} not judged now (the nightly sweep will): {}", caseId, e.toString());
        }
    }
}
