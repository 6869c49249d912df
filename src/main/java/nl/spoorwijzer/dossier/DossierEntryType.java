package nl.spoorwijzer.dossier;

/** What a dossier entry records. The dossier is append-only: a correction is a new entry. */
public enum DossierEntryType {
    /** The legal dates computed when the case starts. */
    TIMELINE_COMPUTED,
    /** The legal dates recomputed because an actual date became known or the timeline moved. */
    TIMELINE_UPDATED,
    /** A task completed: the decision taken, the submitted values, who, in which role, on time or not. */
    TASK_COMPLETED,
    /** A legal due date passed with its task still open. */
    DEADLINE_MISSED,
    /** A DMN decision with its inputs and outcome. */
    DECISION,
    /** The case ended, with its {@code process/EndReason}: recovery, structural return, end of the waiting period, … */
    CASE_CLOSED,
    /** Full recovery (the work pauses for 28 days) or partial recovery (a percentage; the clock keeps running). */
    RECOVERY,
    /** A relapse within 28 days of full recovery: the same case continues, its dates move by the healthy days. */
    RELAPSE,
    /** A UWV decision: loonsanctie, bekorting, VVL, deskundigenoordeel or vervroegde IVA. */
    UWV_DECISION,
    /**
     * A step taken before the case came into the platform (elsewhere: another system, on paper), imported with its
     * date, role and document reference; recorded by the user who imported it.
     */
    STEP_IMPORTED,
    /** The end date of the employment contract was set or changed, with the werkgever's reason. */
    CONTRACT_END_CHANGED,
    /**
     * Ziek uit dienst: the contract ended during sickness; what goes to UWV (the ziek-uit-dienstmelding and the
     * re-integratieverslag the sickness length asks for) and which open tasks ended with the employer's duties.
     */
    HANDOVER_TO_UWV,
    /**
     * The werkgever recorded or changed the case's data for the re-integratieverslag (Regeling procesgang art. 6 lid
     * 1 a–d, hours worked): which fields, from what to what.
     */
    CASE_DETAILS_CHANGED,
    /** The spoor 2 trajectory ended: placement, a structural spoor 1 result or the end of the waiting period. */
    TRAJECTORY_ENDED,
    /** A document was added to the case: its file name, type, size, SHA-256 and the RIV part (step) it belongs to. */
    DOCUMENT_ADDED,
    /**
     * Werkgever or werknemer asked UWV for a deskundigenoordeel (Wet SUWI art. 32): the question, who asked and
     * when it was filed; open until UWV's opinion ({@code UWV_DECISION} of type DESKUNDIGENOORDEEL) names it.
     */
    EXPERT_OPINION_REQUESTED,
    // issue 26 (cooperation, ends)
    /**
     * The werkgever took a measure because the werknemer does not cooperate (BW 7:629 lid 3 and 6): a warning, an
     * opschorting or a stop of wage payment, with its ground, start and review date.
     */
    COOPERATION_MEASURE_TAKEN,
    /** The werkgever reviewed a measure and keeps it, until a new review date. */
    COOPERATION_MEASURE_REVIEWED,
    /** A measure ended: the werknemer cooperates again from the recorded day. */
    COOPERATION_MEASURE_ENDED,
    /** Werkgever and werknemer signed a vaststellingsovereenkomst: the employment ends on its date. */
    SETTLEMENT_AGREEMENT,
    /** Opbouw in eigen werk: the hours the employee worked in a week, beside the hours its opbouwschema planned. */
    WORK_RESUMPTION_HOURS,
    /**
     * A change that asks for the spoor 1 options to be assessed again (seed 000): the employee's belastbaarheid, the
     * organisation or a vacancy; who reported it, and whether the re-integratiebureau was told.
     */
    SPOOR1_CHANGE,
    /**
     * The case moved to another version of its model (issue 28): from which version to which, its version tag, and
     * who started the migration; the legal dates are applied again right after (a TIMELINE_UPDATED entry).
     */
    MODEL_MIGRATED
}
