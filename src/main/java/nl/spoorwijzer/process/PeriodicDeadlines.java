package nl.spoorwijzer.process;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import nl.spoorwijzer.timeline.OwnWorkCadence;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The next occurrence of a step that must happen at least every evaluation interval (default 42 days, Regeling
 * procesgang art. 4 lid 2): due one interval from today ({@link PoortwachterCalendar#nextPeriodicDue}), with its task
 * appearing the lead days before. Only the series declared here can be planned, so {@link CaseRescheduling} finds
 * every periodic date a recovery gap must move in {@link #plannedVariables()}.
 */
@Component
public class PeriodicDeadlines {

    /** The periodic steps and the variables that hold their next due date and task start. */
    public enum Series {
        /** The evaluation of the plan van aanpak. */
        EVALUATION(ProcessVariables.NEXT_EVALUATION_DUE, ProcessVariables.NEXT_EVALUATION_START),
        /** The re-integration bureau's report to the werkgever. */
        REPORT(ProcessVariables.NEXT_REPORT_DUE, ProcessVariables.NEXT_REPORT_START);

        private final String dueVariable;
        private final String startVariable;

        Series(String dueVariable, String startVariable) {
            this.dueVariable = dueVariable;
            this.startVariable = startVariable;
        }

        public List<String> variables() {
            return List.of(dueVariable, startVariable);
        }
    }

    private final PoortwachterCalendar calendar;
    private final ProcessSettings settings;
    private final LegalTime time;

    public PeriodicDeadlines(PoortwachterCalendar calendar, ProcessSettings settings, LegalTime time) {
        this.calendar = calendar;
        this.settings = settings;
        this.time = time;
    }

    /** Every variable {@link #planNext} writes: the dates planned from "today". */
    public static List<String> plannedVariables() {
        return Arrays.stream(Series.values()).flatMap(series -> series.variables().stream()).toList();
    }

    /** Stores the series' next due date (end of day) and task start (start of day). */
    public void planNext(VariableScope variables, Series series) {
        planAfter(variables, series, time.today());
    }

    /**
     * As {@link #planNext}, counted from an earlier occurrence (an imported running case's last evaluation); the due
     * date may then lie in the past.
     *
     * @return the planned due date
     */
    /**
     * Stores a due date computed elsewhere (the evaluation cadence of an opbouwschema, {@link EvaluationPlanning}):
     * the task appears {@link OwnWorkCadence#leadDays} before it, half the interval at most.
     */
    public void planDue(VariableScope variables, Series series, LocalDate due, long intervalDays) {
        planDue(variables::setVariable, series, due, intervalDays);
    }

    /** As {@link #planDue(VariableScope, Series, LocalDate, long)}, writing through the given setter. */
    public void planDue(BiConsumer<String, Object> setVariable, Series series, LocalDate due, long intervalDays) {
        setVariable.accept(series.dueVariable, time.endOfDay(due));
        setVariable.accept(series.startVariable,
                time.startOfDay(due.minusDays(OwnWorkCadence.leadDays(settings.taskLeadDays(), intervalDays))));
    }

    public LocalDate planAfter(VariableScope variables, Series series, LocalDate last) {
        int interval = calendar.settings().evaluationIntervalDays();
        LocalDate due = calendar.nextPeriodicDue(last);
        variables.setVariable(series.dueVariable, time.endOfDay(due));
        variables.setVariable(series.startVariable,
                time.startOfDay(due.minusDays(Math.min(settings.taskLeadDays(), interval - 1))));
        return due;
    }
}
