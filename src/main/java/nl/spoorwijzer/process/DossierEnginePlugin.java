package nl.spoorwijzer.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Registers the dossier's parse listener with the engine (the Spring Boot starter picks up plugin beans). */
@Component
class DossierEnginePlugin extends AbstractProcessEnginePlugin {

    private final TaskCompletionRecorder recorder;

    // Lazy: the recorder needs engine services, which exist only after the engine this plugin configures.
    DossierEnginePlugin(@Lazy TaskCompletionRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new DossierParseListener(recorder));
    }
}
