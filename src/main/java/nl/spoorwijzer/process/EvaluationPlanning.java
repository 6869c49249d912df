package nl.spoorwijzer.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Volgende evaluatie plannen": the plan van aanpak is evaluated at least every evaluation interval. */
@Component("evaluationPlanning")
public class EvaluationPlanning implements JavaDelegate {

    private final PeriodicDeadlines deadlines;

    public EvaluationPlanning(PeriodicDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.planNext(execution, PeriodicDeadlines.Series.EVALUATION);
    }
}
