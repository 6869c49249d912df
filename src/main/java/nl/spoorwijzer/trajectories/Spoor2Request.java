package nl.spoorwijzer.trajectories;

import io.swagger.v3.oas.annotations.media.Schema;

/** A request to start spoor 2 in a case now (POST /api/cases/{caseId}/spoor2). */
public record Spoor2Request(
        @Schema(description = "VROEG (before the eerstejaarsevaluatie, on the bedrijfsarts's or arbeidsdeskundige's"
                + " conclusion) or HERSTART (a new trajectory after a previous one; a running one is ended first)",
                example = "VROEG")
        String occasion,
        @Schema(description = "Why spoor 2 starts now, in functional terms (no diagnosis, symptoms or treatment);"
                + " 10 to 4000 characters")
        String reason,
        @Schema(description = "VROEG, required: return to the own employer hinders recovery (situational incapacity,"
                + " e.g. a conflict or burn-out at work)")
        Boolean situationalIncapacity,
        @Schema(description = "VROEG, required: whose conclusion it is, bedrijfsarts or arbeidsdeskundige; a"
                + " bedrijfsarts or arbeidsdeskundige records only his own")
        String concludedBy,
        @Schema(description = "Werkgever, required: who runs the trajectory, bureau or werkgever (seed 003: the"
                + " employer may run spoor 2 himself). Not given by bedrijfsarts or arbeidsdeskundige: the werkgever"
                + " then chooses in the task 'Uitvoerder spoor 2 kiezen'")
        String executor,
        @Schema(description = "With executor bureau: the re-integratiebureau (group id) among those serving the"
                + " employer, as the task 'Re-integratiebureau inschakelen' offers them", example = "bureau-werkfit")
        String bureau,
        @Schema(description = "HERSTART, required: why the previous trajectory ended or ends: PLAATSING_MISLUKT,"
                + " LOONSANCTIE or OVERIG")
        String restartAfter) {
}
