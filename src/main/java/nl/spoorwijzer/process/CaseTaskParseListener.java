package nl.spoorwijzer.process;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every deployed user task Spoorwijzer's built-in listeners, also tasks a process owner adds in Modeler:
 * the follow-up (warning) date on create and the dossier entry on complete. Built-in listeners run even when an
 * operator skips custom listeners, so the dossier cannot be bypassed that way.
 */
class CaseTaskParseListener extends AbstractBpmnParseListener {

    private final TaskListener followUpDates;
    private final TaskListener completionRecorder;

    CaseTaskParseListener(TaskListener followUpDates, TaskListener completionRecorder) {
        this.followUpDates = followUpDates;
        this.completionRecorder = completionRecorder;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, followUpDates);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, completionRecorder);
    }
}
