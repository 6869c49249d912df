package nl.spoorwijzer.opinions;

import io.swagger.v3.oas.annotations.media.Schema;

/** A deskundigenoordeel the caller (werkgever or werknemer of the case) asked UWV for. */
public record ExpertOpinionRequestBody(
        @Schema(description = "GESCHIKTHEID_EIGEN_WERK, PASSENDE_ARBEID or RE_INTEGRATIE_INSPANNINGEN (the last until"
                + " its last day, the timeline's deskundigenoordeel-inspanningen)", example = "PASSENDE_ARBEID")
        String question,
        @Schema(description = "The day the request was filed with UWV, YYYY-MM-DD: not in the future, not before the"
                + " first sick day")
        String filedOn,
        @Schema(description = "Optional, at most 500 characters, in functional terms (no diagnosis, symptoms or"
                + " treatment)")
        String explanation) {
}
