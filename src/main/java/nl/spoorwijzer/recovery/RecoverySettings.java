package nl.spoorwijzer.recovery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a recovered case waits for a late sick report. Whether a relapse continues the case is judged on the
 * recovery date (BW 7:629 lid 10: a first sick day less than 28 days after it), not on when it is reported; but a
 * report can only reach the case while its process still exists. So after the 28-day herstelperiode the case reads
 * as closed and its paused process is kept this many days more: a sick report for a relapse within the 28 days that
 * arrives in that time reopens the same case. The law sets no such term; the default of 28 days (4 weeks) covers a
 * report that comes weeks late, and a later one is refused rather than opened as a second case.
 *
 * @param lateRelapseReportDays days after the herstelperiode closed during which a late relapse report reopens the
 *                              case; 0 ends the case process when the herstelperiode closes
 */
@ConfigurationProperties("spoorwijzer.recovery")
public record RecoverySettings(@DefaultValue("28") int lateRelapseReportDays) {

    /** Longer than a year would keep paused cases around with no legal ground. */
    static final int MAX_LATE_RELAPSE_REPORT_DAYS = 365;

    public RecoverySettings {
        if (lateRelapseReportDays < 0 || lateRelapseReportDays > MAX_LATE_RELAPSE_REPORT_DAYS) {
            throw new IllegalArgumentException("spoorwijzer.recovery.late-relapse-report-days must be between 0 and "
                    + MAX_LATE_RELAPSE_REPORT_DAYS + ", got " + lateRelapseReportDays);
        }
    }
}
