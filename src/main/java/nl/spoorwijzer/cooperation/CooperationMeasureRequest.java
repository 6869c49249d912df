package nl.spoorwijzer.cooperation;

import io.swagger.v3.oas.annotations.media.Schema;

/** A measure the werkgever takes because the werknemer does not cooperate (BW art. 7:629 lid 3 and 6). */
public record CooperationMeasureRequest(
        @Schema(description = "WAARSCHUWING, OPSCHORTING_LOON (lid 6) or STOPZETTING_LOON (lid 3)",
                example = "WAARSCHUWING")
        String kind,
        @Schema(description = "Which obligation was not met and what was asked of the werknemer, 10-2000 characters;"
                + " no medical details (diagnosis, symptoms, treatment)",
                example = "Niet verschenen op het intakegesprek met het re-integratiebureau op 3 maart")
        String ground,
        @Schema(description = "The day the measure takes effect, YYYY-MM-DD; not before the first sick day, at most"
                + " spoorwijzer.cooperation.start-at-most-days-ahead days ahead", example = "2026-03-05")
        String startDate,
        @Schema(description = "Optional review day, YYYY-MM-DD, after today and not before the start; default"
                + " spoorwijzer.cooperation.review-after-days days after the start", example = "2026-03-19")
        String reviewOn) {
}
