package nl.spoorwijzer.signals;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;

/**
 * Spaces the retries of a failed signal job. Camunda applies a retry time cycle ({@code failedJobRetryTimeCycle})
 * only to jobs of an activity; a job without one — as a signal's — is retried at once, three times within seconds,
 * which an SMTP server that is down for a minute turns into an incident. This factory gives signal jobs the cycle of
 * {@code spoorwijzer.mail.retry-cycle} (Camunda's own custom strategy: the retries and the wait before each) and
 * leaves every other job to the engine's factory. After the last retry the job has no retries left: an incident.
 */
final class SignalJobRetries implements FailedJobCommandFactory {

    private final FailedJobCommandFactory engines;
    private final String cycle;

    SignalJobRetries(FailedJobCommandFactory engines, String cycle) {
        this.engines = engines;
        this.cycle = cycle;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        Command<Object> enginesCommand = engines.getCommand(jobId, exception);
        return new SignalRetryCmd(jobId, exception, enginesCommand, cycle);
    }

    private static final class SignalRetryCmd extends DefaultJobRetryCmd {

        private final Command<Object> enginesCommand;
        private final String cycle;

        SignalRetryCmd(String jobId, Throwable exception, Command<Object> enginesCommand, String cycle) {
            super(jobId, exception);
            this.enginesCommand = enginesCommand;
            this.cycle = cycle;
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job == null || !SignalJobHandler.TYPE.equals(job.getJobHandlerType())) {
                return enginesCommand.execute(commandContext);
            }
            try {
                executeCustomStrategy(commandContext, job, null);
            } catch (Exception unparsable) {
                executeStandardStrategy(commandContext);
            }
            return null;
        }

        @Override
        public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
            return ParseUtil.parseRetryIntervals(cycle);
        }
    }
}
