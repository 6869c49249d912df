package nl.spoorwijzer.cases;

import java.time.LocalDate;
import nl.spoorwijzer.casefile.CaseFile;

/**
 * What the intake asks when the employee's open case is recovered: does the new sick report continue it (a relapse
 * within 28 days, BW 7:629 lid 10)? Implemented by the recovery feature, so the intake needs not know it.
 */
public interface Relapses {

    /** @return true when the recovered case continues; otherwise it was closed as hersteld and a new case opens */
    boolean continueRecovered(CaseFile recovered, LocalDate firstSickDay);
}
