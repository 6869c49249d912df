package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ProcessVariables.NEXT_EVALUATION_DUE;
import static nl.spoorwijzer.process.ProcessVariables.NEXT_EVALUATION_START;

import java.time.LocalDate;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Volgende evaluatie plannen": the plan van aanpak is evaluated at least every evaluation interval (default 42
 * days, Regeling procesgang art. 2); the next evaluation is due that many days from today and its task appears
 * the lead days before.
 */
@Component("evaluationPlanning")
public class EvaluationPlanning implements JavaDelegate {

    private final PoortwachterCalendar calendar;
    private final ProcessSettings settings;
    private final LegalTime time;

    public EvaluationPlanning(PoortwachterCalendar calendar, ProcessSettings settings, LegalTime time) {
        this.calendar = calendar;
        this.settings = settings;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int interval = calendar.settings().evaluationIntervalDays();
        LocalDate due = time.today().plusDays(interval);
        LocalDate start = due.minusDays(Math.min(settings.taskLeadDays(), interval - 1));
        execution.setVariable(NEXT_EVALUATION_DUE, time.endOfDay(due));
        execution.setVariable(NEXT_EVALUATION_START, time.startOfDay(start));
    }
}
