package nl.spoorwijzer.agreements;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The werkgever's proposal to deviate from a deadline, agreed with the werknemer (Regeling procesgang art. 5); it
 * takes effect when the werknemer confirms it in his own task.
 */
public record AgreedDeviationRequest(
        @Schema(description = "probleemanalyse or plan-van-aanpak", example = "plan-van-aanpak")
        String step,
        @Schema(description = "The agreed new deadline, YYYY-MM-DD; later than the current one, before the"
                + " eerstejaarsevaluatie's legal date")
        String newDeadline,
        @Schema(description = "The day werkgever and werknemer agreed, YYYY-MM-DD; not in the future")
        String agreedOn,
        @Schema(description = "Why they deviate, in functional terms (no diagnosis, symptoms or treatment)")
        String reason) {
}
