package nl.spoorwijzer.employment;

import io.swagger.v3.oas.annotations.media.Schema;

/** A vaststellingsovereenkomst (termination by agreement) signed by werkgever and werknemer. */
public record SettlementRequest(
        @Schema(description = "The day both parties signed it, YYYY-MM-DD; not in the future, not before the first"
                + " sick day", example = "2026-04-01")
        String signedOn,
        @Schema(description = "The employment's last day as agreed, YYYY-MM-DD; not before the day it was signed",
                example = "2026-04-30")
        String employmentEndDate,
        @Schema(description = "What was agreed, 1-1000 characters (no medical details)",
                example = "Beëindiging met wederzijds goedvinden; transitievergoeding en vrijstelling van werk")
        String explanation) {
}
