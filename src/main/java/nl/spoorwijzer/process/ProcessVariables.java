package nl.spoorwijzer.process;

import java.util.Arrays;
import java.util.stream.Collectors;
import nl.spoorwijzer.timeline.MilestoneKey;

/** Names of the process variables that the models, forms and Java code share. */
public final class ProcessVariables {

    public static final String WERKNEMER_ID = "werknemerId";
    public static final String WERKGEVER_ID = "werkgeverId";
    public static final String EERSTE_ZIEKTEDAG = "eersteZiektedag";
    /** Actual date of the probleemanalyse (ISO), known once the bedrijfsarts completed it. */
    public static final String PROBLEEMANALYSE_DATUM = "probleemanalyseDatum";
    /** Actual date of the eerstejaarsevaluatie (ISO). */
    public static final String EERSTEJAARSEVALUATIE_DATUM = "eerstejaarsevaluatieDatum";
    /** True when threatening long-term absence became clear only after the monitoring period. */
    public static final String PROBLEEMANALYSE_LATER_NODIG = "probleemanalyseLaterNodig";
    /** The periodic interval (ISO-8601 duration) of evaluations and bedrijfsarts consults. */
    public static final String EVALUATION_INTERVAL = "evaluationInterval";
    public static final String NEXT_EVALUATION_START = "nextEvaluationStart";
    public static final String NEXT_EVALUATION_DUE = "nextEvaluationDue";
    public static final String ZIEKMELDING_UWV_TASK_START = "ziekmeldingUwvTaskStart";
    public static final String EERSTEJAARSEVALUATIE_WINDOW_START = "eerstejaarsevaluatieWindowStart";
    /** Start of the final phase (week 88): actueel oordeel, eindevaluatie, RIV and WIA application. */
    public static final String EINDFASE_START = "eindfaseStart";
    /** The end of the waiting period as an ISO date, for DMN rules (FEEL date arithmetic). */
    public static final String EINDE_WACHTTIJD_DATUM = "eindeWachttijdDatum";
    /** When the bureau's end report is due to be written: the lead days before the end of the waiting period. */
    public static final String SPOOR_2_EINDRAPPORTAGE_START = "spoor2EindrapportageStart";
    public static final String GEMISTE_TAAK = "gemisteTaak";
    public static final String HERSTEL_DATUM = "herstelDatum";
    public static final String AFSLUITREDEN = "afsluitreden";
    /**
     * Recovery gaps of fewer than 28 days that are added up into this case (BW 7:629 lid 10), as ISO date ranges of
     * healthy days: {@code 2025-03-01/2025-03-14,2025-06-02/2025-06-05}.
     */
    public static final String HERSTELPERIODES = "herstelperiodes";
    /** Vrijwillige verlenging loondoorbetaling granted by UWV, in weeks (WIA art. 24). */
    public static final String VVL_WEKEN = "vvlWeken";
    /** Loonsanctie imposed by UWV, in weeks (WIA art. 25 lid 9). */
    public static final String LOONSANCTIE_WEKEN = "loonsanctieWeken";
    /** The last day of a loonsanctie that UWV shortened (bekorting: 6 weeks after granting it), ISO date. */
    public static final String LOONSANCTIE_EINDE = "loonsanctieEinde";
    /** The shortcomings UWV named in a loonsanctie, as a JSON array of texts; each becomes a repair task. */
    public static final String TEKORTKOMINGEN = "tekortkomingen";
    /** The first day on which a recovered employee counts as recovered for good (recovery date + 28 days). */
    public static final String HERSTELPERIODE_EINDE = "herstelperiodeEinde";
    /** The process instance of the case a recovery period belongs to. */
    public static final String ZAAK_PROCESS_INSTANCE_ID = "zaakProcessInstanceId";
    /** The first sick day of a relapse within the recovery period. */
    public static final String TERUGVAL_DATUM = "terugvalDatum";
    /** Partial recovery percentage (deelherstel); the 104-week clock keeps running. */
    public static final String DEELHERSTEL_PERCENTAGE = "deelherstelPercentage";

    private ProcessVariables() {
    }

    /**
     * The variable holding the legal deadline of a milestone, as the instant its due day ends:
     * {@code probleemanalyseDue}, {@code planVanAanpakDue}, …, and {@code eindeWachttijd} for the last day of the
     * waiting period.
     */
    public static String deadlineVariable(MilestoneKey key) {
        String camel = camelCase(key.key());
        return key == MilestoneKey.EINDE_WACHTTIJD ? camel : camel + "Due";
    }

    private static String camelCase(String kebab) {
        String[] parts = kebab.split("-");
        return parts[0] + Arrays.stream(parts).skip(1)
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
