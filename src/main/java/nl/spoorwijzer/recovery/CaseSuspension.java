package nl.spoorwijzer.recovery;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
        for (String id : tree(caseProcessInstanceId)) {
            runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceId(id).suspend();
        }
    }

    /**
     * Resumes the work. Activation is a bulk update of executions, tasks and jobs, so call it as a command of its
     * own (not from inside another engine command): entities that command has already loaded would still read as
     * suspended.
     */
    void activate(String caseProcessInstanceId) {
        for (String id : tree(caseProcessInstanceId)) {
            runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceId(id).activate();
        }
    }

    private List<String> tree(String root) {
        List<String> ids = new ArrayList<>(List.of(root));
        for (int i = 0; i < ids.size(); i++) {
            for (ProcessInstance called : runtimeService.createProcessInstanceQuery()
                    .superProcessInstanceId(ids.get(i)).list()) {
                ids.add(called.getId());
            }
        }
        return ids;
    }
}
