package nl.spoorwijzer.signals;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Gives the job log and the incident of a signal job a removal time, so the night-time history cleanup removes them.
 * The cleanup (removal-time based) removes what has a removal time; Camunda derives it from a job's case, and a signal
 * job has no case — its log (when a mail was sent or failed, with the failure's stack trace) and the incident of a
 * mail that kept failing would stay forever. They get the removal time a case's history gets:
 * {@code spoorwijzer.retention.history-days} after they were written; Camunda does the same for the history cleanup's
 * own jobs (historyCleanupJobLogTimeToLive). What was written before this is given one once
 * ({@link SignalHistoryUpgrade}).
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

    /** Only the incident's creation writes its removal time (Camunda's update of an incident leaves it as it is). */
    @Override
    protected void initHistoricIncidentEvent(HistoricIncidentEventEntity event, Incident incident,
                                             HistoryEventType type) {
        super.initHistoricIncidentEvent(event, incident, type);
        if (event.getRemovalTime() == null && event.getCreateTime() != null && ofSignalJob(incident)) {
            event.setRemovalTime(DefaultHistoryRemovalTimeProvider.determineRemovalTime(event.getCreateTime(),
                    historyDays));
        }
    }

    /** A failed job's incident names its job in its configuration. */
    private static boolean ofSignalJob(Incident incident) {
        CommandContext context = Context.getCommandContext();
        if (context == null || incident.getProcessInstanceId() != null || incident.getConfiguration() == null
                || !Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            return false;
        }
        JobEntity job = context.getJobManager().findJobById(incident.getConfiguration());
        return job != null && SignalJobHandler.TYPE.equals(job.getJobHandlerType());
    }
}
