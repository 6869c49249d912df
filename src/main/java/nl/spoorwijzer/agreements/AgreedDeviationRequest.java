package nl.spoorwijzer.agreements;

import io.swagger.v3.oas.annotations.media.Schema;

/** An agreement of werkgever and werknemer to deviate from a deadline (Regeling procesgang art. 5). */
public record AgreedDeviationRequest(
        @Schema(description = "probleemanalyse or plan-van-aanpak", example = "plan-van-aanpak")
        String step,
        @Schema(description = "The agreed new deadline, YYYY-MM-DD; later than the current one")
        String newDeadline,
        @Schema(description = "The day werkgever and werknemer agreed, YYYY-MM-DD; not in the future")
        String agreedOn,
        @Schema(description = "Why they deviate, in functional terms (no diagnosis, symptoms or treatment)")
        String reason,
        @Schema(description = "The werkgever agreed")
        Boolean employerAgreed,
        @Schema(description = "The werknemer agreed")
        Boolean employeeAgreed) {
}
