package nl.spoorwijzer.uwv;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A decision UWV sent about a case; which fields are needed depends on the type. */
public record UwvDecisionRequest(
        @Schema(description = "LOONSANCTIE, BEKORTING, VVL or DESKUNDIGENOORDEEL", example = "LOONSANCTIE")
        String type,
        @Schema(description = "Date of UWV's decision, YYYY-MM-DD; for BEKORTING the day it was granted")
        String decisionDate,
        @Schema(description = "LOONSANCTIE: 1-52 weeks (WIA art. 25 lid 9); VVL: at least 13 weeks (WIA art. 24)")
        Integer weeks,
        @Schema(description = "LOONSANCTIE: the shortcomings UWV named; each becomes a repair task for the werkgever")
        List<String> shortcomings,
        @Schema(description = "VVL: the werkgever agreed to the joint request")
        Boolean employerAgreed,
        @Schema(description = "VVL: the werknemer agreed to the joint request")
        Boolean employeeAgreed,
        @Schema(description = "DESKUNDIGENOORDEEL: UWV's conclusion, in functional terms (no medical details)")
        String conclusion) {
}
