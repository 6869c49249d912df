package nl.spoorwijzer.process;

import java.util.ArrayList;
import nl.spoorwijzer.cases.CaseProgress;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Registers {@link CaseTaskParseListener} with the engine (the Spring Boot starter picks up plugin beans). */
@Component
class CaseTaskEnginePlugin extends AbstractProcessEnginePlugin {

    private final FollowUpDates followUpDates;
    private final TaskCompletionRecorder completionRecorder;
    private final CaseProgress caseProgress;

    // Lazy: the listeners need engine services, which exist only after the engine this plugin configures.
    CaseTaskEnginePlugin(@Lazy FollowUpDates followUpDates, @Lazy TaskCompletionRecorder completionRecorder,
                         @Lazy CaseProgress caseProgress) {
        this.followUpDates = followUpDates;
        this.completionRecorder = completionRecorder;
        this.caseProgress = caseProgress;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners()
                .add(new CaseTaskParseListener(followUpDates, completionRecorder, caseProgress,
                        execution -> caseProgress.closedIfOpen(execution, "beeindigd")));
    }
}
