package nl.spoorwijzer.documents;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A case's documents live as long as the case's history: once Camunda's history of the case is gone — removed by the
 * night-time history cleanup {@code spoorwijzer.retention.history-days} after the case ended, or deleted with its
 * deployment ({@code DELETE /api/deployments/{id}?cascade=true}) or through the history API — its documents are
 * removed too, every night at 03:45 (after the cleanup window). A case deleted while running keeps its history, and
 * so its documents, until that history goes.
 */
@Component
public class DocumentRetention {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentRetention.class);
    private static final int BATCH = 500;

    private final CaseDocumentRepository repository;
    private final HistoryService historyService;

    public DocumentRetention(CaseDocumentRepository repository, HistoryService historyService) {
        this.repository = repository;
        this.historyService = historyService;
    }

    /** Removes the documents of cases without history; returns how many. */
    @Scheduled(cron = "${spoorwijzer.retention.document-cleanup-cron:0 45 3 * * *}",
            zone = "${spoorwijzer.zone:Europe/Amsterdam}")
    public int removeDocumentsOfDeletedCases() {
        List<String> instances = repository.processInstances();
        int removed = 0;
        int cases = 0;
        for (int from = 0; from < instances.size(); from += BATCH) {
            Set<String> batch = new HashSet<>(instances.subList(from, Math.min(from + BATCH, instances.size())));
            Set<String> kept = new HashSet<>();
            historyService.createHistoricProcessInstanceQuery().processInstanceIds(batch).list().stream()
                    .map(HistoricProcessInstance::getId).forEach(kept::add);
            batch.removeAll(kept);
            removed += repository.deleteForInstances(batch);
            cases += batch.size();
        }
        if (removed > 0) {
            LOG.info("Documents: removed {} documents of {} cases whose history is gone", removed, cases);
        }
        return removed;
    }
}
