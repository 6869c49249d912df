package nl.spoorwijzer.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Volgende rapportage plannen": the bureau reports to the werkgever at least every evaluation interval (seed 000,
 * domain §4.6); the job applications and the spoor 2 activities are counted afresh from here for the next report.
 * The planned report is a deadline of the bureau from now on (the read model), weeks before its task appears.
 */
@Component("reportPlanning")
public class ReportPlanning implements JavaDelegate {

    private final PeriodicDeadlines deadlines;
    private final CaseLifecycle caseLifecycle;

    public ReportPlanning(PeriodicDeadlines deadlines, CaseLifecycle caseLifecycle) {
        this.deadlines = deadlines;
        this.caseLifecycle = caseLifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.planNext(execution, PeriodicDeadlines.Series.REPORT);
        execution.setVariable(ProcessVariables.SOLLICITATIES_SINDS_VORIGE_RAPPORTAGE, 0);
        execution.setVariable(ProcessVariables.ACTIVITEITEN_SINDS_VORIGE_RAPPORTAGE, 0);
        caseLifecycle.deadlinePlanned(execution);
    }
}
