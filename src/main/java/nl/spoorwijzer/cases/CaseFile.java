package nl.spoorwijzer.cases;

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
        OffsetDateTime openedAt) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
}
