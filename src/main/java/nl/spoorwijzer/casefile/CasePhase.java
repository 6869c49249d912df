package nl.spoorwijzer.casefile;

import java.util.Map;

/**
 * Where a case stands, in the order of the law's timeline; a case only moves forward. A user task declares the
 * phase its creation shows in the model: {@code <camunda:property name="fase" value="PROBLEEMANALYSE"/>}.
 */
public enum CasePhase {
    ZIEKMELDING,
    PROBLEEMANALYSE,
    MONITORING,
    PLAN_VAN_AANPAK,
    SPOOR_1,
    EERSTEJAARSEVALUATIE,
    SPOOR_2,
    EINDFASE;

    /** The {@code camunda:property} on a user task that names the phase it shows. */
    public static final String MODEL_PROPERTY = "fase";

    /**
     * The phase a task declares among its model properties, or null when it declares none (or a value that is no
     * phase: ModelConventionsTest refuses such a model).
     */
    public static CasePhase declaredIn(Map<String, String> taskProperties) {
        String value = taskProperties.get(MODEL_PROPERTY);
        for (CasePhase phase : values()) {
            if (phase.name().equals(value)) {
                return phase;
            }
        }
        return null;
    }

    /** The phase a newly created task shows, or {@code current} when that is further or the task says nothing. */
    public static CasePhase after(CasePhase current, CasePhase shown) {
        return shown != null && shown.compareTo(current) > 0 ? shown : current;
    }
}
