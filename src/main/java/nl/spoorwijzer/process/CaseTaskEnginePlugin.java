package nl.spoorwijzer.process;

import java.util.ArrayList;
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
    private final CaseLifecycle caseLifecycle;
    private final CasePartyRouting partyRouting;
    private final TaskCaseLabels caseLabels;

    // Lazy: the listeners need engine services, which exist only after the engine this plugin configures.
    CaseTaskEnginePlugin(@Lazy FollowUpDates followUpDates, @Lazy TaskCompletionRecorder completionRecorder,
                         @Lazy CaseLifecycle caseLifecycle, @Lazy CasePartyRouting partyRouting, @Lazy TaskCaseLabels caseLabels) {
        this.followUpDates = followUpDates;
        this.completionRecorder = completionRecorder;
        this.caseLifecycle = caseLifecycle;
        this.partyRouting = partyRouting;
        this.caseLabels = caseLabels;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners()
                .add(new CaseTaskParseListener(followUpDates, completionRecorder, caseLifecycle,
                        execution -> caseLifecycle.closedIfOpen(execution, EndReason.BEEINDIGD.key()), partyRouting,
                        caseLabels));
    }
}
