package nl.spoorwijzer.signals;

import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Gives the job log of a signal job a removal time, so the night-time history cleanup removes it. The cleanup
 * (removal-time based) removes what has a removal time; Camunda derives it from a job's case, and a signal job has no
 * case — its log (when a mail was sent or failed, with the failure's stack trace) would stay forever. It gets the
 * removal time a case's history gets: {@code spoorwijzer.retention.history-days} after it was written; Camunda does
 * the same for the history cleanup's own jobs (historyCleanupJobLogTimeToLive).
 */
final class SignalJobHistory extends CacheAwareHistoryEventProducer {

    private final int historyDays;

    SignalJobHistory(int historyDays) {
        this.historyDays = historyDays;
    }

    @Override
    protected void initHistoricJobLogEvent(HistoricJobLogEventEntity event, Job job, HistoryEventType type) {
        super.initHistoricJobLogEvent(event, job, type);
        if (event.getRemovalTime() == null && SignalJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())) {
            event.setRemovalTime(DefaultHistoryRemovalTimeProvider.determineRemovalTime(event.getTimestamp(),
                    historyDays));
        }
    }
}
