package nl.spoorwijzer.uwv;

/** The UWV decisions that change a running case. */
public enum UwvDecisionType {
    /** Wage sanction: the waiting period is extended by up to 52 weeks (WIA art. 25 lid 9). */
    LOONSANCTIE,
    /** A bekortingsverzoek was granted: the sanction ends 6 weeks after the decision. */
    BEKORTING,
    /** Vrijwillige verlenging loondoorbetaling: at least 13 weeks, jointly requested (WIA art. 24). */
    VVL,
    /** UWV's expert opinion (deskundigenoordeel) that a step of the case is waiting for. */
    DESKUNDIGENOORDEEL,
    /**
     * UWV's decision on the employee's one application for an early IVA (bekorting wachttijd, WIA art. 23 lid 6): a
     * grant ends the re-integration and the waiting period on UWV's date; after a refusal the case runs on.
     */
    VERVROEGDE_IVA
}
