package nl.spoorwijzer.casefile;

import java.util.Map;

/** Where a case stands, in the order of the law's timeline; a case only moves forward. */
public enum CasePhase {
    ZIEKMELDING,
    PROBLEEMANALYSE,
    MONITORING,
    PLAN_VAN_AANPAK,
    SPOOR_1,
    EERSTEJAARSEVALUATIE,
    SPOOR_2,
    EINDFASE;

    private static final Map<String, CasePhase> BY_TASK = Map.ofEntries(
            Map.entry("ziekmeldingDoorgeven", ZIEKMELDING),
            Map.entry("probleemanalyseOpstellen", PROBLEEMANALYSE),
            Map.entry("verzuimMonitoren", MONITORING),
            Map.entry("planVanAanpakOpstellen", PLAN_VAN_AANPAK),
            Map.entry("planVanAanpakBeoordelen", PLAN_VAN_AANPAK),
            Map.entry("voortgangEvalueren", SPOOR_1),
            Map.entry("arbeidsdeskundigOnderzoekLatenUitvoeren", EERSTEJAARSEVALUATIE),
            Map.entry("eerstejaarsevaluatieHouden", EERSTEJAARSEVALUATIE),
            Map.entry("reintegratiebureauInschakelen", SPOOR_2),
            Map.entry("aanmeldingBeoordelen", SPOOR_2),
            Map.entry("actueelOordeelOpstellen", EINDFASE),
            Map.entry("eindevaluatieHouden", EINDFASE));

    /** Whether a new task with this key can move a case to another phase. */
    public static boolean isShownBy(String taskKey) {
        return BY_TASK.containsKey(taskKey);
    }

    /** The phase a newly created task shows, or {@code current} when that is further or the task says nothing. */
    public static CasePhase after(CasePhase current, String taskKey) {
        CasePhase shown = BY_TASK.get(taskKey);
        return shown != null && shown.compareTo(current) > 0 ? shown : current;
    }
}
