package nl.spoorwijzer.cases;

import java.time.LocalDate;
import nl.spoorwijzer.casefile.CaseFile;

/**
 * What the intake asks when the employee's case is recovered: does the new sick report continue it (a relapse
 * within 28 days, BW 7:629 lid 10)? Implemented by the recovery feature, so the intake needs not know it.
 */
public interface Relapses {

    /**
     * Judged on the recovery date, not on the day of the report. {@code recovered} is paused in its herstelperiode
     * or, after it, closed while a late report may still reopen it.
     *
     * @return true when the recovered case continues; otherwise it ended as hersteld and a new case opens
     */
    boolean continueRecovered(CaseFile recovered, LocalDate firstSickDay);

    /**
     * For a sick report when the employee has no open case: refuses it when its first sick day belongs to the
     * sickness period of a case that ended for good after a recovery (less than 28 days after that recovery), so no
     * second case opens for the same sickness period.
     */
    void refuseRelapseOfEndedCase(String employerId, String employeeId, LocalDate firstSickDay);
}
