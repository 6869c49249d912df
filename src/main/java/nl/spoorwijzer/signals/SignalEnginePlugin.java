package nl.spoorwijzer.signals;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import nl.spoorwijzer.system.RetentionSettings;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Registers the signal job handler with the engine, and gives every user task and every "Termijn verstreken" timer
 * (a boundary event with the {@code missedDeadlineRecorder} listener) the built-in listeners that queue signals —
 * also in models a process owner changes in Modeler. Built-in listeners run even when an operator skips custom ones.
 */
@Component
class SignalEnginePlugin extends AbstractProcessEnginePlugin {

    private static final String MISS_RECORDER = "missedDeadlineRecorder";

    private final SignalJobHandler handler;
    private final SignalTriggers triggers;
    private final MailSettings mail;
    private final RetentionSettings retention;

    // Lazy: the handler and triggers need engine services, which exist only after the engine this plugin configures.
    SignalEnginePlugin(@Lazy SignalJobHandler handler, @Lazy SignalTriggers triggers, MailSettings mail,
                       RetentionSettings retention) {
        this.handler = handler;
        this.triggers = triggers;
        this.mail = mail;
        this.retention = retention;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<JobHandler>());
        }
        // The type is asked at registration, before the lazy proxy may be resolved: a fixed-type delegate.
        configuration.getCustomJobHandlers().add(new DelegatingHandler(handler));
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new ParseListener(triggers));
        if (configuration.getHistoryEventProducer() == null) {
            configuration.setHistoryEventProducer(new SignalJobHistory(retention.historyDays()));
        }
    }

    /** After the engine chose its failed-job factory (the Spring Boot starter sets one): spaced signal retries. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(
                new SignalJobRetries(configuration.getFailedJobCommandFactory(), mail.retryCycle()));
    }

    private static final class ParseListener extends AbstractBpmnParseListener {

        private final SignalTriggers triggers;

        ParseListener(SignalTriggers triggers) {
            this.triggers = triggers;
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, triggers::taskCreated);
        }

        @Override
        public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (recordsAMiss(element)) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                        (ExecutionListener) triggers::deadlinePassed);
            }
        }

        private static boolean recordsAMiss(Element element) {
            Element extensions = element.element("extensionElements");
            if (extensions == null) {
                return false;
            }
            List<Element> listeners = extensions.elementsNS(new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS), "executionListener");
            return listeners.stream().map(listener -> listener.attribute("delegateExpression"))
                    .anyMatch(expression -> expression != null && expression.contains(MISS_RECORDER));
        }
    }

    /** The handler by its fixed type; the Spring bean behind it is resolved at the first job. */
    private record DelegatingHandler(SignalJobHandler handler) implements JobHandler<Signal> {

        @Override
        public String getType() {
            return SignalJobHandler.TYPE;
        }

        @Override
        public void execute(Signal signal, ExecutionEntity execution, CommandContext context, String tenantId) {
            handler.execute(signal, execution, context, tenantId);
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
}
