package nl.spoorwijzer.recovery;

import static nl.spoorwijzer.process.ProcessVariables.HERSTEL_SOORT;
import static nl.spoorwijzer.process.ProcessVariables.ZAAK_PROCESS_INSTANCE_ID;

import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Stilgezet werk beëindigen": the recovery is definitive — no late relapse report came in time, or the new sickness
 * began 28 days or more after the recovery — so the paused case process (and the processes it called) ends. The case
 * end listener then lets the employee's next sick report open a new case.
 */
@Component("recoveryFinalisation")
class RecoveryFinalisation implements JavaDelegate {

    private final RuntimeService runtimeService;
    private final CaseFileRepository cases;

    RecoveryFinalisation(RuntimeService runtimeService, CaseFileRepository cases) {
        this.runtimeService = runtimeService;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseInstance = (String) execution.getVariable(ZAAK_PROCESS_INSTANCE_ID);
        // Only the paused process of this herstelperiode's own case, once that case was closed after the recovery:
        // a model that names this bean cannot end any other case.
        boolean closedAfterRecovery = cases.find(execution.getProcessBusinessKey())
                .filter(file -> file.processInstanceId().equals(caseInstance))
                .filter(file -> CaseFile.CLOSED.equals(file.status()) && RecoveryKind.isReason(file.closedReason()))
                .isPresent();
        if (!closedAfterRecovery
                || runtimeService.createProcessInstanceQuery().processInstanceId(caseInstance).count() == 0) {
            return; // not closed after a recovery, or ended meanwhile (e.g. deleted in Cockpit)
        }
        // A suspended process can be ended; its paused tasks and timers go with it.
        runtimeService.deleteProcessInstance(caseInstance, RecoveryKind.of(execution.getVariable(HERSTEL_SOORT))
                .reason());
    }
}
