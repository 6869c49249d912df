package nl.spoorwijzer.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Volgende rapportage plannen": the bureau reports to the werkgever at least every evaluation interval (seed 000,
 * domain §4.6); the job applications and the spoor 2 activities are counted afresh from here for the next report.
 */
@Component("reportPlanning")
public class ReportPlanning implements JavaDelegate {

    private final PeriodicDeadlines deadlines;

    public ReportPlanning(PeriodicDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.planNext(execution, PeriodicDeadlines.Series.REPORT);
        execution.setVariable(ProcessVariables.SOLLICITATIES_SINDS_VORIGE_RAPPORTAGE, 0);
        execution.setVariable(ProcessVariables.ACTIVITEITEN_SINDS_VORIGE_RAPPORTAGE, 0);
    }
}
