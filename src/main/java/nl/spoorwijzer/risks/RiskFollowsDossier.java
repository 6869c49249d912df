package nl.spoorwijzer.risks;

import java.util.LinkedHashSet;
import java.util.Set;
import nl.spoorwijzer.dossier.DossierEntryAppended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A case's risks are judged again when its dossier changes: once per case per transaction, after it committed (so
 * the judgement reads what was recorded, and a failure here never undoes the user's step — the nightly sweep
 * repairs it).
 */
@Component
class RiskFollowsDossier {

    private static final Logger LOG = LoggerFactory.getLogger(RiskFollowsDossier.class);
    private static final String PENDING = RiskFollowsDossier.class.getName() + ".pending";

    private final RiskEvaluation evaluation;

    RiskFollowsDossier(RiskEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @EventListener
    void onAppended(DossierEntryAppended appended) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            judge(appended.entry().caseId());
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
                        cases.forEach(RiskFollowsDossier.this::judge);
                    }
                }
            });
            pending = cases;
        }
        pending.add(appended.entry().caseId());
    }

    private void judge(String caseId) {
        try {
            evaluation.evaluateCase(caseId);
        } catch (RuntimeException e) {
            LOG.warn("Loonsanctie risks of case {} not judged now (the nightly sweep will): {}", caseId, e.toString());
        }
    }
}
