package nl.spoorwijzer.opinions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every user task with form {@code deskundigenoordeel-aanvragen} (the werkgever's task after the employee rejected a
 * plan, in spoor 1 and in the spoor 2 trajectory, and any task a process owner adds with that form) records its
 * request in the same store as the case action, when it completes and in the same transaction: the list of requests
 * is complete, and the rule of the last day applies to both. So does a task with form {@code weigering-beoordelen}
 * (the werkgever judges the employee's refusal of an offer) completed with the choice "deskundigenoordeel": a request
 * on suitable work, the refusal as its explanation.
 */
@Component
class OpinionRequestTaskPlugin extends AbstractProcessEnginePlugin {

    static final String REQUEST_FORM = "deskundigenoordeel-aanvragen";
    static final String REFUSAL_JUDGEMENT_FORM = "weigering-beoordelen";
    private static final String LAST_DAY_FOR_EFFORTS =
            ProcessVariables.deadlineVariable(MilestoneKey.DESKUNDIGENOORDEEL_INSPANNINGEN);

    private final ExpertOpinionRequests requests;

    // Lazy: the store needs engine services, which exist only after the engine this plugin configures.
    OpinionRequestTaskPlugin(@Lazy ExpertOpinionRequests requests) {
        this.requests = requests;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    Expression form = behavior.getTaskDefinition().getCamundaFormDefinitionKey();
                    if (form != null && REQUEST_FORM.equals(form.getExpressionText())) {
                        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                                OpinionRequestTaskPlugin.this::recordRequest);
                    }
                    if (form != null && REFUSAL_JUDGEMENT_FORM.equals(form.getExpressionText())) {
                        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                                OpinionRequestTaskPlugin.this::recordRequestForRefusal);
                    }
                }
            }
        });
    }

    private void recordRequest(DelegateTask task) {
        Map<String, Object> values = new HashMap<>();
        for (String field : new String[] {ExpertOpinionRequests.TaskFields.REQUESTER,
                ExpertOpinionRequests.TaskFields.SUBJECT, ExpertOpinionRequests.TaskFields.FILED_ON}) {
            values.put(field, task.getVariable(field));
        }
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        requests.recordFromTask(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                execution.getTenantId(), task.getTaskDefinitionKey(), currentUser(task), values,
                caseProcess(execution).getVariable(LAST_DAY_FOR_EFFORTS));
    }

    private void recordRequestForRefusal(DelegateTask task) {
        if (!RefusalFields.ASK_OPINION.equals(task.getVariable(RefusalFields.JUDGEMENT))) {
            return;
        }
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        requests.recordFromRefusalJudgement(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                execution.getTenantId(), task.getTaskDefinitionKey(), currentUser(task),
                new RefusedOffer(task.getVariable(RefusalFields.OFFER), task.getVariable(RefusalFields.REFUSED_ON),
                        task.getVariable(RefusalFields.REASON)));
    }

    /** The case process (poortwachter), whose timeline holds the last day; the trajectory is called by it. */
    private static ExecutionEntity caseProcess(ExecutionEntity execution) {
        String root = execution.getRootProcessInstanceId();
        return root == null || root.equals(execution.getProcessInstanceId()) ? execution.getProcessInstance()
                : Context.getCommandContext().getExecutionManager().findExecutionById(root);
    }

    private static String currentUser(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : task.getAssignee() == null ? "systeem" : task.getAssignee();
    }

    /** The fields of forms aanbod-weigeren (the refusal) and weigering-beoordelen (the werkgever's judgement). */
    static final class RefusalFields {
        static final String JUDGEMENT = "weigeringOordeel";
        static final String ASK_OPINION = "deskundigenoordeel";
        static final String OFFER = "geweigerdAanbod";
        static final String REFUSED_ON = "weigeringDatum";
        static final String REASON = "weigeringMotivering";

        private RefusalFields() {
        }
    }
}
