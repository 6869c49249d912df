package nl.spoorwijzer.modelling;

import java.util.Set;

/**
 * The user tasks with a deadline set by the Wet verbetering poortwachter (or by the UWV's Werkwijzer), by element id.
 * Each must carry its legal deadline as {@code camunda:dueDate}, computed by the calendar in timeline/; a deployment
 * in which one of these tasks has no due date is refused. A new legal task is added here when it is modelled.
 */
final class LegalTasks {

    static final Set<String> IDS = Set.of(
            // poortwachter
            "ziekmeldingDoorgeven",                   // sick report to the bedrijfsarts
            "probleemanalyseOpstellen",               // week 6
            "planVanAanpakOpstellen",                 // week 8
            "planVanAanpakBeoordelen",                // week 8
            "voortgangEvalueren",                     // at least every 6 weeks
            "ziekmeldingUwvDoen",                     // week 42
            "arbeidsdeskundigOnderzoekLatenUitvoeren", // before the first-year evaluation
            "arbeidsdeskundigRapportOpstellen",
            "eerstejaarsevaluatieHouden",             // week 52
            "reintegratiebureauInschakelen",          // spoor 2 start
            "actueelOordeelOpstellen",                // before the final evaluation
            "eindevaluatieHouden",
            "visieOpReintegratieGeven",               // RIV, before the WIA application
            "reintegratieverslagSamenstellen",
            "wiaAanvraagIndienen",                    // week 93
            // spoor-2-traject
            "voortgangsrapportageOpstellen",
            "eindrapportageBijEindeWachttijd");

    private LegalTasks() {
    }
}
