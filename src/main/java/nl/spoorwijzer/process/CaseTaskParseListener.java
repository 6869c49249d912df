package nl.spoorwijzer.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every deployed user task Spoorwijzer's built-in listeners and sends it to the case's parties
 * ({@link CasePartyRouting}), also tasks a process owner adds in Modeler:
 * the case's names on create ({@link TaskCaseLabels}), the follow-up (warning) date on create, the dossier entry on complete, and the case read model's phase and next
 * deadline on every change. Built-in listeners run even when an
 * operator skips custom listeners, so the dossier cannot be bypassed that way.
 * <p>
 * What a task declares about itself in the model ({@code <camunda:properties>}: its case phase, its part of the
 * re-integratieverslag) is kept on the parsed activity, where Camunda keeps an external task's properties, so that
 * the phase and the RIV mapping travel with the task when a process owner adds or renames it in Modeler.
 */
class CaseTaskParseListener extends AbstractBpmnParseListener {

    private final TaskListener followUpDates;
    private final TaskListener completionRecorder;
    private final TaskListener caseProgress;
    private final ExecutionListener caseEnded;
    private final CasePartyRouting parties;
    private final TaskListener caseLabels;

    /** Without party routing: a bare engine that parses the platform's models (tests of the declared properties). */
    CaseTaskParseListener(TaskListener followUpDates, TaskListener completionRecorder, TaskListener caseProgress,
                          ExecutionListener caseEnded) {
        this(followUpDates, completionRecorder, caseProgress, caseEnded, null, null);
    }

    /** {@code caseLabels}: names the case on every new task ({@link TaskCaseLabels}); null in a bare engine. */
    CaseTaskParseListener(TaskListener followUpDates, TaskListener completionRecorder, TaskListener caseProgress,
                          ExecutionListener caseEnded, CasePartyRouting parties, TaskListener caseLabels) {
        this.followUpDates = followUpDates;
        this.completionRecorder = completionRecorder;
        this.caseProgress = caseProgress;
        this.caseEnded = caseEnded;
        this.parties = parties;
        this.caseLabels = caseLabels;
    }

    /**
     * A case process that ends in any way — also deleted by an operator — is closed in the read model. A case's
     * parties are set when it starts; the spoor 2 trajectory's bureau leaves when it ends.
     */
    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (ProcessKeys.POORTWACHTER.equals(processDefinition.getKey())) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, caseEnded);
        }
        if (parties == null) {
            return;
        }
        if (ProcessKeys.POORTWACHTER.equals(processDefinition.getKey())) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                    (ExecutionListener) parties::caseStarted);
        }
        if (ProcessKeys.SPOOR_2_TRAJECT.equals(processDefinition.getKey())) {
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                    (ExecutionListener) parties::trajectoryStarted);
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
                    (ExecutionListener) parties::trajectoryEnded);
        }
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        Map<String, String> declared = BpmnParseUtil.parseCamundaExtensionProperties(userTaskElement);
        activity.getProperties().set(BpmnProperties.EXTENSION_PROPERTIES, declared == null ? Map.of() : declared);
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        if (parties != null) {
            List<Expression> modelledGroups = new ArrayList<>(task.getCandidateGroupIdExpressions());
            task.getCandidateGroupIdExpressions().clear();
            modelledGroups.forEach(groups ->
                    task.addCandidateGroupIdExpression(new RoutedCandidateGroups(groups, parties)));
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, parties::taskCreated);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, parties::taskEnded);
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, parties::taskEnded);
        }
        if (caseLabels != null) {
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, caseLabels);
        }
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, followUpDates);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, completionRecorder);
        for (String event : new String[] {TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_COMPLETE,
                TaskListener.EVENTNAME_DELETE}) {
            task.addBuiltInTaskListener(event, caseProgress);
        }
    }
}
