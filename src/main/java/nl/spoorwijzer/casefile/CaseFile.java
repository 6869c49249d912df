package nl.spoorwijzer.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the case read model: what lists and dashboards show without reading process variables. */
public record CaseFile(
        String caseId,
        String processInstanceId,
        String employerId,
        String employeeId,
        LocalDate firstSickDay,
        String status,
        CasePhase phase,
        LocalDate nextDeadline,
        String nextDeadlineTask,
        String closedReason,
        OffsetDateTime openedAt,
        LocalDate recoveredOn,
        Integer partialRecoveryPercentage) {

    public static final String OPEN = "OPEN";
    /** Fully recovered: the open work is paused for 28 days; a relapse continues the case (BW 7:629 lid 10). */
    public static final String RECOVERED = "RECOVERED";
    public static final String CLOSED = "CLOSED";
}
