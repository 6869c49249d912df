package nl.spoorwijzer.activities;

import java.util.LinkedHashMap;
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
        ProcessInstance trajectory = access.withoutCaller(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT).processInstanceBusinessKey(file.caseId())
                .singleResult());
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
            runtimeService.createMessageCorrelation(message).processInstanceId(trajectory.getId())
                    .setVariables(variables).correlateWithResult();
            return true;
        });
    }

    /** Is a task of the trajectory open (for a refusal that says why a message is not awaited)? */
    boolean hasOpenTask(ProcessInstance trajectory, String taskKey) {
        return access.withoutCaller(() -> runtimeService.createExecutionQuery().processInstanceId(trajectory.getId())
                .activityId(taskKey).count() > 0);
    }
}
