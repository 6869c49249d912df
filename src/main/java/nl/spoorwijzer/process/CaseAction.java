package nl.spoorwijzer.process;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a party records on a case whenever it happens, not as a task waiting in everyone's list: each action's facts
 * are the fields of its Camunda Form in {@code forms/} (the process owner's rules), and each is recorded in the
 * dossier as the task it replaced was ({@code TASK_COMPLETED} under the task's id and name), so the dossier and the
 * re-integratieverslag show old and new entries alike.
 */
public enum CaseAction {
    /** The werkgever records the loonwaarde of the work done, or a proefplaatsing (spoor 1 and spoor 2). */
    PLACEMENT("loonwaardeOfProefplaatsingVastleggen", "Loonwaarde of proefplaatsing vastleggen",
            "loonwaarde-proefplaatsing-vastleggen"),
    /** The employee (or his spoor 2 bureau) records a job application; spoor 2 counts it for its next report. */
    JOB_APPLICATION("sollicitatieRegistreren", "Sollicitatie registreren", "sollicitatie-registreren"),
    /** The employee, his bureau or the werkgever running spoor 2 reports a found job; the check follows at once. */
    PLACEMENT_REPORT("plaatsingMelden", "Plaatsing melden", "plaatsing-melden"),
    /** The employee refuses an offer of work he considers not suitable; the werkgever judges the refusal. */
    OFFER_REFUSAL("aanbodWeigeren", "Aanbod passende arbeid weigeren", "aanbod-weigeren"),
    /** The executor of spoor 2 records a session, a training or a registration with an agency. */
    SPOOR_2_ACTIVITY("spoor2ActiviteitVastleggen", "Spoor 2-activiteit vastleggen", "spoor-2-activiteit-vastleggen");

    private final String elementId;
    private final String subject;
    private final String formId;

    CaseAction(String elementId, String subject, String formId) {
        this.elementId = elementId;
        this.subject = subject;
        this.formId = formId;
    }

    /** The dossier entry's element id: the id of the task the action replaced. */
    public String elementId() {
        return elementId;
    }

    /** The dossier entry's subject (Dutch, as the task was named). */
    public String subject() {
        return subject;
    }

    /** The Camunda Form whose fields and rules the action takes. */
    public String formId() {
        return formId;
    }

    public static Optional<CaseAction> ofElement(String elementId) {
        return Arrays.stream(values()).filter(action -> action.elementId.equals(elementId)).findFirst();
    }
}
