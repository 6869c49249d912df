package nl.spoorwijzer.process;

/**
 * The names Java code uses to address the models in {@code processes/}: process and decision keys and message
 * names. Variable names are in {@link ProcessVariables}. {@code ModelConventionsTest} checks that each one exists in
 * a model, so a rename in Modeler fails a test instead of a case.
 */
public final class ProcessKeys {

    /** The case: ziekmelding to the end of the waiting period. */
    public static final String POORTWACHTER = "poortwachter";
    /** Spoor 2 with a re-integratiebureau, called by the case. */
    public static final String SPOOR_2_TRAJECT = "spoor-2-traject";
    /** The 28 days after a full recovery in which a relapse continues the case. */
    public static final String HERSTELPERIODE = "herstelperiode";
    /** The DMN decision of the eerstejaarsevaluatie: is spoor 2 needed? */
    public static final String SPOOR_2_INZETTEN = "spoor-2-inzetten";

    /** Message names (the {@code name} of {@code bpmn:message}), correlated by the platform's services. */
    public static final class Messages {
        public static final String TERUGVAL = "Terugval";
        public static final String LOONSANCTIE_OPGELEGD = "LoonsanctieOpgelegd";
        public static final String DESKUNDIGENOORDEEL_ONTVANGEN = "DeskundigenoordeelOntvangen";
        public static final String DESKUNDIGENOORDEEL_SPOOR_2_ONTVANGEN = "DeskundigenoordeelSpoor2Ontvangen";
        public static final String PLAN_BIJSTELLING_NODIG = "PlanBijstellingNodig";
        public static final String SPOOR_1_GESLAAGD = "Spoor1Geslaagd";

        private Messages() {
        }
    }

    private ProcessKeys() {
    }
}
