package nl.spoorwijzer.activities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The spoor 2 trajectory running in a case, as the spoor 2 case actions need it: whether one runs, whether the caller
 * is its re-integratiebureau (the engine decides: the trajectory's bureau is its party), and who executes it.
 */
@Component
class RunningTrajectory {

    private final CaseAccess access;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    RunningTrajectory(CaseAccess access, RuntimeService runtimeService, HistoryService historyService) {
        this.access = access;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** The running trajectory, or 409 naming what is recorded only while it runs. */
    ProcessInstance require(CaseFile file, String whatIsRecorded) {
        List<ProcessInstance> running = access.withoutCaller(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT).processInstanceBusinessKey(file.caseId())
                .listPage(0, 2));
        if (running.size() > 1) {
            throw RuleViolationException.conflict("caseId", "more than one spoor 2 trajectory runs in this case;"
                    + " the process owner ends the one that should not run");
        }
        ProcessInstance trajectory = running.isEmpty() ? null : running.get(0);
        if (trajectory == null) {
            throw RuleViolationException.conflict("caseId", "no spoor 2 trajectory runs in this case: "
                    + whatIsRecorded + " while it runs");
        }
        return trajectory;
    }

    /** May the caller read the trajectory: it is its re-integratiebureau (or another party of it). */
    boolean callerIsPartyOf(ProcessInstance trajectory) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(trajectory.getId()).count() > 0;
    }

    /** Does the werkgever run this trajectory himself (in-variable {@code spoor2Uitvoerder})? */
    boolean runByTheWerkgever(ProcessInstance trajectory) {
        return access.withoutCaller(() -> ProcessVariables.UITVOERDER_WERKGEVER.equals(
                runtimeService.getVariable(trajectory.getId(), ProcessVariables.SPOOR_2_UITVOERDER)));
    }

    /** Correlates a message with the trajectory when it awaits it; false when no step of it does now. */
    boolean deliver(ProcessInstance trajectory, String message, Map<String, Object> values) {
        return deliver(trajectory, message, values, false);
    }

    /**
     * As {@link #deliver(ProcessInstance, String, Map)}, for a non-interrupting event subprocess that may run more
     * than once at a time: its values stay in its own scope, so a second message does not overwrite what the first
     * one's open task shows.
     */
    boolean deliverToItsOwnScope(ProcessInstance trajectory, String message, Map<String, Object> values) {
        return deliver(trajectory, message, values, true);
    }

    private boolean deliver(ProcessInstance trajectory, String message, Map<String, Object> values,
                            boolean ownScope) {
        return access.withoutCaller(() -> {
            if (runtimeService.createEventSubscriptionQuery().processInstanceId(trajectory.getId())
                    .eventType("message").eventName(message).count() == 0) {
                return false;
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            values.forEach((key, value) -> {
                if (value != null) {
                    variables.put(key, value);
                }
            });
            var correlation = runtimeService.createMessageCorrelation(message).processInstanceId(trajectory.getId());
            (ownScope ? correlation.setVariablesToTriggeredScope(variables) : correlation.setVariables(variables))
                    .correlateWithResult();
            return true;
        });
    }

    /** Is a task of the trajectory open (for a refusal that says why a message is not awaited)? */
    boolean hasOpenTask(ProcessInstance trajectory, String taskKey) {
        return access.withoutCaller(() -> runtimeService.createExecutionQuery().processInstanceId(trajectory.getId())
                .activityId(taskKey).count() > 0);
    }
}
