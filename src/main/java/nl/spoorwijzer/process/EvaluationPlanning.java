package nl.spoorwijzer.process;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.spoorwijzer.timeline.OwnWorkCadence;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * "Volgende evaluatie plannen": the plan van aanpak is evaluated at least every evaluation interval (6 weeks), and
 * every opbouw interval (2 weeks) while an opbouwschema runs ({@link OwnWorkCadence}).
 */
@Component("evaluationPlanning")
public class EvaluationPlanning implements JavaDelegate {

    private final PeriodicDeadlines deadlines;
    private final OwnWorkCadence cadence;
    private final LegalTime time;

    public EvaluationPlanning(PeriodicDeadlines deadlines, OwnWorkCadence cadence, LegalTime time) {
        this.deadlines = deadlines;
        this.cadence = cadence;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = time.today();
        LocalDate due = cadence.nextDue(today, opbouwOf(execution));
        deadlines.planDue(execution, PeriodicDeadlines.Series.EVALUATION, due, ChronoUnit.DAYS.between(today, due));
        execution.setVariable(ProcessVariables.EVALUATIE_GEPLAND_VANAF, today.toString());
    }

    /** The case's opbouwschema as the process knows it (set by ownwork/), or null. */
    static OwnWorkCadence.Span opbouwOf(VariableScope variables) {
        Object from = variables.getVariable(ProcessVariables.OPBOUW_VAN);
        Object to = variables.getVariable(ProcessVariables.OPBOUW_TOT);
        return from == null || to == null ? null
                : new OwnWorkCadence.Span(LocalDate.parse(from.toString()), LocalDate.parse(to.toString()));
    }
}
