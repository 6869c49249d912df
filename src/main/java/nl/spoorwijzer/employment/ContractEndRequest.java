package nl.spoorwijzer.employment;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new end date of the employee's contract, with the werkgever's reason. */
public record ContractEndRequest(
        @Schema(description = "The contract's last day, YYYY-MM-DD, not before the first sick day; empty or absent"
                + " when the contract no longer ends (made permanent)", example = "2026-08-31")
        String contractEndDate,
        @Schema(description = "Why the date changes (e.g. the contract was extended), 1-1000 characters",
                example = "Contract verlengd tot eind augustus")
        String reason) {
}
