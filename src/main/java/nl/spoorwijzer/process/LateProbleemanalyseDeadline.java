package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ProcessVariables.PROBLEEMANALYSE_LATER_GEVRAAGD;
import static nl.spoorwijzer.process.ProcessVariables.PROBLEEMANALYSE_LATER_NODIG;

import java.time.LocalDate;
import nl.spoorwijzer.timeline.MilestoneKey;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Termijn probleemanalyse herzien": when threatening long-term absence only becomes clear after the monitoring
 * consults, the probleemanalyse is made without delay: due the configured number of days from today, never earlier
 * than the regular day 42 ({@link PoortwachterCalendar#lateProbleemanalyseDue}).
 */
@Component("lateProbleemanalyseDeadline")
public class LateProbleemanalyseDeadline implements JavaDelegate {

    private final ProcessSettings settings;
    private final LegalTime time;

    public LateProbleemanalyseDeadline(ProcessSettings settings, LegalTime time) {
        this.settings = settings;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String variable = ProcessVariables.deadlineVariable(MilestoneKey.PROBLEEMANALYSE);
        LocalDate regular = time.dayOf((java.util.Date) execution.getVariable(variable));
        execution.setVariable(variable, time.endOfDay(PoortwachterCalendar.lateProbleemanalyseDue(regular,
                time.today(), settings.lateProbleemanalyseDays())));
        execution.setVariable(PROBLEEMANALYSE_LATER_NODIG, true);
        execution.setVariable(PROBLEEMANALYSE_LATER_GEVRAAGD, time.today().toString());
    }
}
