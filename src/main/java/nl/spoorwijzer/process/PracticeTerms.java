package nl.spoorwijzer.process;

import java.time.LocalDate;
import java.util.Date;
import nl.spoorwijzer.timeline.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * Due dates for steps the law gives no term, so a task never waits unseen: a model sets
 * {@code camunda:dueDate="${practiceTerms.dueInWorkingDays(5)}"}. The term is the process owner's choice, in the
 * model; it is kept between 1 and {@value #MAX_WORKING_DAYS} working days (a deployed model is untrusted input).
 */
@Component("practiceTerms")
public class PracticeTerms {

    static final int MAX_WORKING_DAYS = 60;

    private final WorkingDays workingDays;
    private final LegalTime time;

    public PracticeTerms(WorkingDays workingDays, LegalTime time) {
        this.workingDays = workingDays;
        this.time = time;
    }

    /** The end of the n-th working day after today (weekends and public holidays skipped). */
    public Date dueInWorkingDays(int days) {
        int n = Math.max(1, Math.min(days, MAX_WORKING_DAYS));
        LocalDate due = time.today();
        for (int i = 0; i < n; i++) {
            due = workingDays.onOrAfter(due.plusDays(1));
        }
        return time.endOfDay(due);
    }
}
