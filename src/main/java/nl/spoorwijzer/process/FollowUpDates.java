package nl.spoorwijzer.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Sets the follow-up date of a task with a legal due date to the configured number of days before it (never before
 * the task exists), so Tasklist's follow-up sorting warns the case handler in time. A follow-up date set in the
 * model is kept.
 */
@Component
public class FollowUpDates implements TaskListener {

    private final ProcessSettings settings;
    private final Clock clock;

    public FollowUpDates(ProcessSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getDueDate() == null || task.getFollowUpDate() != null) {
            return;
        }
        Instant warning = task.getDueDate().toInstant().minusSeconds(settings.followUpDaysBeforeDue() * 86_400L);
        Instant now = clock.instant();
        task.setFollowUpDate(Date.from(warning.isBefore(now) ? now : warning));
    }
}
