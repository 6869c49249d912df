package nl.spoorwijzer.cooperation;

import io.swagger.v3.oas.annotations.media.Schema;

/** The werknemer cooperates again: the measure ends. */
public record CooperationEndRequest(
        @Schema(description = "The first day he cooperates again, YYYY-MM-DD; not before the measure's start, not in"
                + " the future", example = "2026-03-12")
        String date,
        @Schema(description = "Optional explanation, at most 2000 characters; no medical details")
        String explanation) {
}
