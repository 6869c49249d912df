package nl.spoorwijzer.ownwork;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * An opbouwschema as the werkgever sets it: the periods in which the employee expands his own work, agreed on the
 * bedrijfsarts's advice of the given day. The whole schedule each time; a change is a new version.
 */
public record ScheduleRequest(
        @Schema(description = "The day of the bedrijfsarts's advice the schedule follows", example = "2025-03-03")
        String bedrijfsartsAdviceOn,
        @Schema(description = "The periods, in order, each starting the day after the previous one ends")
        List<PeriodRequest> periods) {

    /** One period: its first and last day, the hours per week and the tasks (no medical details). */
    public record PeriodRequest(
            @Schema(example = "2025-03-03") String from,
            @Schema(example = "2025-03-16") String to,
            @Schema(description = "Hours per week, 0 up to the contract hours (60 when unknown)", example = "8")
            BigDecimal hoursPerWeek,
            @Schema(description = "The tasks of this period, in functional terms", example = "Planning en telefoon")
            String tasks) {
    }
}
