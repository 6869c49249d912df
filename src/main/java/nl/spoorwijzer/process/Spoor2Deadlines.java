package nl.spoorwijzer.process;

import java.time.LocalDate;
import nl.spoorwijzer.timeline.WorkingDays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Plans the due dates of the spoor 2 trajectory's practice steps (field {@code deadline}):
 * <ul>
 *   <li>{@code passendheidToetsen}: the bedrijfsarts checks a found job the configured working days from today;</li>
 *   <li>{@code detacheringAfronden}: the detachering is concluded by its last day, its task appearing the lead days
 *       before (today when that has passed);</li>
 *   <li>{@code belastbaarheidVerwerken}: a change of capacity is processed the configured working days from today.</li>
 * </ul>
 */
@Component("spoor2Deadlines")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // the engine injects a field per service task
public class Spoor2Deadlines implements JavaDelegate {

    private Expression deadline;

    private final Spoor2Settings settings;
    private final WorkingDays workingDays;
    private final LegalTime time;

    public Spoor2Deadlines(Spoor2Settings settings, WorkingDays workingDays, LegalTime time) {
        this.settings = settings;
        this.workingDays = workingDays;
        this.time = time;
    }

    public void setDeadline(Expression deadline) {
        this.deadline = deadline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String which = deadline.getValue(execution).toString();
        LocalDate today = time.today();
        switch (which) {
            case "passendheidToetsen" -> execution.setVariable(ProcessVariables.PASSENDHEID_TOETSEN_UITERLIJK,
                    time.endOfDay(workingDaysAfter(today, settings.suitabilityCheckWorkingDays())));
            case "belastbaarheidVerwerken" -> execution.setVariable(
                    ProcessVariables.BELASTBAARHEID_VERWERKEN_UITERLIJK,
                    time.endOfDay(workingDaysAfter(today, settings.capacityChangeWorkingDays())));
            case "detacheringAfronden" -> {
                LocalDate end = time.toDate(execution.getVariable(ProcessVariables.DETACHERING_EINDE));
                LocalDate due = end == null || end.isBefore(today) ? today : end;
                LocalDate start = due.minusDays(settings.secondmentEndLeadDays());
                execution.setVariable(ProcessVariables.DETACHERING_AFRONDEN_UITERLIJK, time.endOfDay(due));
                execution.setVariable(ProcessVariables.DETACHERING_AFRONDEN_VANAF,
                        time.startOfDay(start.isBefore(today) ? today : start));
            }
            default -> throw new IllegalArgumentException("unknown spoor 2 deadline '" + which + "'");
        }
    }

    /** The n-th working day after the day (weekends and public holidays skipped). */
    LocalDate workingDaysAfter(LocalDate day, int n) {
        LocalDate result = day;
        for (int i = 0; i < n; i++) {
            result = workingDays.onOrAfter(result.plusDays(1));
        }
        return result;
    }
}
