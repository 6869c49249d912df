package nl.spoorwijzer.recovery;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A recovery report: the first day the employee can fully do his own work again, or — with a percentage below
 * 100 — a partial recovery (deelherstel), which keeps the 104-week clock running.
 */
public record RecoveryRequest(
        @Schema(description = "First day of (partial) recovery, YYYY-MM-DD; not in the future", example = "2026-03-02")
        String date,
        @Schema(description = "Percentage of the own work resumed, 1-100; omitted or 100 means full recovery",
                example = "50")
        Integer percentage) {
}
