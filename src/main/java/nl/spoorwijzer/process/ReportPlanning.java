package nl.spoorwijzer.process;

import java.time.LocalDate;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Volgende rapportage plannen": the bureau reports to the werkgever at least every evaluation interval (42 days,
 * seed 000 and domain §4.6); the next report is due that many days from today, its task appears the lead days
 * before, and the job applications are counted afresh from here.
 */
@Component("reportPlanning")
public class ReportPlanning implements JavaDelegate {

    public static final String NEXT_REPORT_START = "nextReportStart";
    public static final String NEXT_REPORT_DUE = "nextReportDue";

    private final PoortwachterCalendar calendar;
    private final ProcessSettings settings;
    private final LegalTime time;

    public ReportPlanning(PoortwachterCalendar calendar, ProcessSettings settings, LegalTime time) {
        this.calendar = calendar;
        this.settings = settings;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int interval = calendar.settings().evaluationIntervalDays();
        LocalDate due = time.today().plusDays(interval);
        execution.setVariable(NEXT_REPORT_DUE, time.endOfDay(due));
        execution.setVariable(NEXT_REPORT_START,
                time.startOfDay(due.minusDays(Math.min(settings.taskLeadDays(), interval - 1))));
        execution.setVariable(JobApplicationCounter.SINCE_LAST_REPORT, 0);
    }
}
