package nl.spoorwijzer.recovery;

import static nl.spoorwijzer.process.ProcessVariables.HERVAT_OP;

import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Structurele hervatting vastleggen": the evaluation found the employee structurally back in own or adapted work.
 * That starts the same 28-day herstelperiode as a full recovery, from the return date entered in the evaluation
 * (domain reference §3.1–3.2); the case's work, this evaluation cycle included, pauses in the same command. A date
 * that breaks the recovery rules refuses the evaluation's completion, naming the field.
 */
@Component("structuralReturn")
class StructuralReturn implements JavaDelegate {

    private final CaseRecovery recovery;
    private final CaseFileRepository cases;

    StructuralReturn(CaseRecovery recovery, CaseFileRepository cases) {
        this.recovery = recovery;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = cases.find(execution.getProcessBusinessKey())
                .filter(found -> found.processInstanceId().equals(execution.getProcessInstanceId()))
                .filter(found -> CaseFile.OPEN.equals(found.status()))
                .orElseThrow(() -> new IllegalStateException("a structural return is recorded by the running case's"
                        + " own process only, not by " + execution.getProcessInstanceId()));
        Object date = execution.getVariable(HERVAT_OP);
        recovery.returnStructurally(file, date == null ? null : date.toString());
    }
}
