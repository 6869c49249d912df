package nl.spoorwijzer.modelling;

import java.util.Set;
import nl.spoorwijzer.process.ProcessKeys.Tasks;

/**
 * The user tasks with a deadline set by the Wet verbetering poortwachter (or by the UWV's Werkwijzer), by element id
 * (named in {@link Tasks}, with the deadline each one carries).
 * Each must carry its legal deadline as {@code camunda:dueDate}, computed by the calendar in timeline/; a deployment
 * in which one of these tasks has no due date is refused. A new legal task is added here when it is modelled.
 */
public final class LegalTasks {

    static final Set<String> IDS = Set.of(
            Tasks.ZIEKMELDING_DOORGEVEN,
            Tasks.PROBLEEMANALYSE_OPSTELLEN,
            Tasks.PLAN_VAN_AANPAK_OPSTELLEN,
            Tasks.PLAN_VAN_AANPAK_BEOORDELEN,
            Tasks.VOORTGANG_EVALUEREN,
            Tasks.ZIEKMELDING_UWV_DOEN,
            Tasks.DESKUNDIGENOORDEEL_INSPANNINGEN_OVERWEGEN,
            Tasks.ZIEK_UIT_DIENSTMELDING_DOEN,
            Tasks.ARBEIDSDESKUNDIG_ONDERZOEK_LATEN_UITVOEREN,
            Tasks.ARBEIDSDESKUNDIG_RAPPORT_OPSTELLEN,
            Tasks.EERSTEJAARSEVALUATIE_HOUDEN,
            Tasks.REINTEGRATIEBUREAU_INSCHAKELEN,
            Tasks.ACTUEEL_OORDEEL_OPSTELLEN,
            Tasks.EINDEVALUATIE_HOUDEN,
            Tasks.VISIE_OP_REINTEGRATIE_GEVEN,
            Tasks.REINTEGRATIEVERSLAG_SAMENSTELLEN,
            Tasks.WIA_AANVRAAG_INDIENEN,
            Tasks.VOORTGANGSRAPPORTAGE_OPSTELLEN,
            Tasks.EINDRAPPORTAGE_BIJ_EINDE_WACHTTIJD);

    private LegalTasks() {
    }

    /** Whether the element id is a task with a legal deadline (a migration may not turn it into another step). */
    public static boolean isLegalTask(String elementId) {
        return IDS.contains(elementId);
    }
}
