package nl.spoorwijzer.uwv;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A decision UWV sent about a case; which fields are needed depends on the type. */
public record UwvDecisionRequest(
        @Schema(description = "LOONSANCTIE, BEKORTING, VVL, DESKUNDIGENOORDEEL or VERVROEGDE_IVA",
                example = "LOONSANCTIE")
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
        @Schema(description = "DESKUNDIGENOORDEEL: UWV's conclusion in its words, in functional terms (no medical"
                + " details); optional when verdict is given")
        String conclusion,
        @Schema(description = "VERVROEGDE_IVA: the day the employee applied, YYYY-MM-DD, in sickness weeks 3-68"
                + " (spoorwijzer.timeline.early-iva)")
        String applicationDate,
        @Schema(description = "VERVROEGDE_IVA: true when UWV granted the IVA with a shortened waiting period")
        Boolean granted,
        @Schema(description = "VERVROEGDE_IVA, for a grant: the last day of the shortened waiting period UWV set,"
                + " YYYY-MM-DD: 13-78 weeks of sickness and at least 10 weeks after the application")
        String waitingPeriodEnd,
        @Schema(description = "DESKUNDIGENOORDEEL: the question it answers, GESCHIKTHEID_EIGEN_WERK, PASSENDE_ARBEID or"
                + " RE_INTEGRATIE_INSPANNINGEN; may be left out when requestId or the step waiting for it says it")
        String question,
        @Schema(description = "DESKUNDIGENOORDEEL: UWV's verdict on the question: GESCHIKT or NIET_GESCHIKT,"
                + " PASSEND or NIET_PASSEND, VOLDOENDE or ONVOLDOENDE; required unless a step waits for the opinion")
        String verdict,
        @Schema(description = "DESKUNDIGENOORDEEL: the id of the request it answers (GET .../expert-opinion-requests);"
                + " without it the oldest open request with the same question is closed")
        Long requestId,
        @Schema(description = "DESKUNDIGENOORDEEL: UWV advises to start spoor 2 (only with an adverse verdict)")
        Boolean startSpoor2) {

}
