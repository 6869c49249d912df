package nl.spoorwijzer.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import nl.spoorwijzer.timeline.WorkingDays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Sets the follow-up date of a task with a legal due date to the start of the working day that lies the configured
 * number of working days before it ({@code spoorwijzer.process.follow-up-working-days-before-due}; weekends and the
 * public holidays of the Algemene termijnenwet skipped), never before the task exists, so Tasklist's follow-up
 * sorting warns the case handler in time and the morning's reminder mail goes out that day. A follow-up date set in
 * the model is kept.
 */
@Component
public class FollowUpDates implements TaskListener {

    private final ProcessSettings settings;
    private final WorkingDays workingDays;
    private final LegalTime time;
    private final Clock clock;

    public FollowUpDates(ProcessSettings settings, WorkingDays workingDays, LegalTime time, Clock clock) {
        this.settings = settings;
        this.workingDays = workingDays;
        this.time = time;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getDueDate() == null || task.getFollowUpDate() != null) {
            return;
        }
        Instant warning = time.startOfDay(warningDay(time.dayOf(task.getDueDate()))).toInstant();
        Instant now = clock.instant();
        task.setFollowUpDate(Date.from(warning.isBefore(now) ? now : warning));
    }

    /** The working day the configured number of working days before the due day. */
    LocalDate warningDay(LocalDate due) {
        LocalDate day = due;
        for (int i = 0; i < settings.followUpWorkingDaysBeforeDue(); i++) {
            day = workingDays.onOrBefore(day.minusDays(1));
        }
        return day;
    }
}
