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
 * public holidays of the Algemene termijnenwet skipped), so Tasklist's follow-up sorting warns the case handler in
 * time and the morning's reminder mail goes out that day. A task created later than that (fewer working days before
 * its due date, or on it) is followed up from the moment it was created — never before the task existed, and a
 * rescheduled task keeps its own creation moment. Never after the due date. A follow-up date set in the model is
 * kept.
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
        task.setFollowUpDate(followUpDate(task.getDueDate(), task.getCreateTime()));
    }

    /** The follow-up date of a task due at {@code due} and created at {@code created} (now when unknown). */
    Date followUpDate(Date due, Date created) {
        Instant warning = time.startOfDay(warningDay(time.dayOf(due))).toInstant();
        Instant existsFrom = created == null ? clock.instant() : created.toInstant();
        Instant followUp = warning.isBefore(existsFrom) ? existsFrom : warning;
        return Date.from(followUp.isAfter(due.toInstant()) ? due.toInstant() : followUp);
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
