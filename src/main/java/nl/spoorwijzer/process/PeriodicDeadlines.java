package nl.spoorwijzer.process;

import java.time.LocalDate;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The next occurrence of a step that must happen at least every evaluation interval (default 42 days, Regeling
 * procesgang art. 2): due that many days from today, with its task appearing the lead days before.
 */
@Component
public class PeriodicDeadlines {

    private final PoortwachterCalendar calendar;
    private final ProcessSettings settings;
    private final LegalTime time;

    public PeriodicDeadlines(PoortwachterCalendar calendar, ProcessSettings settings, LegalTime time) {
        this.calendar = calendar;
        this.settings = settings;
        this.time = time;
    }

    /** Stores the next due date (end of day) and task start (start of day) in the given variables. */
    public void planNext(VariableScope variables, String dueVariable, String startVariable) {
        int interval = calendar.settings().evaluationIntervalDays();
        LocalDate due = calendar.nextPeriodicDue(time.today());
        variables.setVariable(dueVariable, time.endOfDay(due));
        variables.setVariable(startVariable,
                time.startOfDay(due.minusDays(Math.min(settings.taskLeadDays(), interval - 1))));
    }
}
