package nl.spoorwijzer.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The running process instances that make up one case: the case process and every process it called. */
public final class CaseInstances {

    private CaseInstances() {
    }

    /** The case process instance first, then the processes it called, directly or further down. */
    public static List<String> tree(RuntimeService runtimeService, String caseProcessInstanceId) {
        List<String> ids = new ArrayList<>(List.of(caseProcessInstanceId));
        for (int i = 0; i < ids.size(); i++) {
            for (ProcessInstance called : runtimeService.createProcessInstanceQuery()
                    .superProcessInstanceId(ids.get(i)).list()) {
                ids.add(called.getId());
            }
        }
        return ids;
    }
}
