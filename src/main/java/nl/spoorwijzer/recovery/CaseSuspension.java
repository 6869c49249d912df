package nl.spoorwijzer.recovery;

import nl.spoorwijzer.process.CaseInstances;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Pauses and resumes the open work of a case: the case process and the processes it called. A suspended process
 * keeps its state (steps done stay done) but its tasks cannot be worked and its timers do not fire.
 */
@Component
class CaseSuspension {

    private final RuntimeService runtimeService;

    CaseSuspension(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    void suspend(String caseProcessInstanceId) {
        for (String id : CaseInstances.tree(runtimeService, caseProcessInstanceId)) {
            runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceId(id).suspend();
        }
    }

    /**
     * Resumes the work. Activation is a bulk update of executions, tasks and jobs, so call it as a command of its
     * own (not from inside another engine command): entities that command has already loaded would still read as
     * suspended.
     */
    void activate(String caseProcessInstanceId) {
        for (String id : CaseInstances.tree(runtimeService, caseProcessInstanceId)) {
            runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceId(id).activate();
        }
    }
}
