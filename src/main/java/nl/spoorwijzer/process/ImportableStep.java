package nl.spoorwijzer.process;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.ProcessKeys.Tasks;
import nl.spoorwijzer.timeline.MilestoneKey;

/**
 * The legal steps of a running case that can be imported as already taken elsewhere (issue 24 point 2), each mapped
 * to the user task of {@code poortwachter} that takes it here, the milestone whose legal date is its deadline, and
 * the roles that take it. The key is what {@code POST /api/cases} ({@code steps[].step}) and the CSV header use.
 */
public enum ImportableStep {

    ZIEKMELDING_BEDRIJFSARTS("ziekmelding-bedrijfsarts", "Ziekmelding doorgegeven aan de bedrijfsarts",
            Tasks.ZIEKMELDING_DOORGEVEN, MilestoneKey.ZIEKMELDING_BEDRIJFSARTS, Role.WERKGEVER),
    PROBLEEMANALYSE("probleemanalyse", "Probleemanalyse", Tasks.PROBLEEMANALYSE_OPSTELLEN,
            MilestoneKey.PROBLEEMANALYSE, Role.BEDRIJFSARTS),
    /** Drawn up by the werkgever and agreed with the employee (both tasks of the model). */
    PLAN_VAN_AANPAK("plan-van-aanpak", "Plan van aanpak", Tasks.PLAN_VAN_AANPAK_OPSTELLEN,
            MilestoneKey.PLAN_VAN_AANPAK, Role.WERKGEVER, Role.WERKNEMER),
    /** A periodic evaluation of the plan van aanpak; may be imported more than once, the last one counts. */
    EVALUATIE("evaluatie", "Evaluatie plan van aanpak", Tasks.VOORTGANG_EVALUEREN, null, Role.WERKGEVER,
            Role.WERKNEMER),
    ZIEKMELDING_UWV("ziekmelding-uwv", "42e-weeksmelding bij UWV", Tasks.ZIEKMELDING_UWV_DOEN,
            MilestoneKey.ZIEKMELDING_UWV, Role.WERKGEVER),
    /** Held, with the employee's view on it. */
    EERSTEJAARSEVALUATIE("eerstejaarsevaluatie", "Eerstejaarsevaluatie", Tasks.EERSTEJAARSEVALUATIE_HOUDEN,
            MilestoneKey.EERSTEJAARSEVALUATIE, Role.WERKGEVER, Role.WERKNEMER),
    /** Re-integratiebureau engaged: spoor 2 started (and runs with that bureau, outside the platform). */
    SPOOR_2_START("spoor-2-start", "Spoor 2 gestart (re-integratiebureau ingeschakeld)",
            Tasks.REINTEGRATIEBUREAU_INSCHAKELEN, MilestoneKey.SPOOR_2_START, Role.WERKGEVER,
            Role.RE_INTEGRATIEBUREAU),
    ACTUEEL_OORDEEL("actueel-oordeel", "Actueel oordeel bedrijfsarts", Tasks.ACTUEEL_OORDEEL_OPSTELLEN,
            MilestoneKey.EINDEVALUATIE, Role.BEDRIJFSARTS),
    /** Held, with the employee's view on it. */
    EINDEVALUATIE("eindevaluatie", "Eindevaluatie", Tasks.EINDEVALUATIE_HOUDEN, MilestoneKey.EINDEVALUATIE,
            Role.WERKGEVER, Role.WERKNEMER);

    private final String key;
    private final String label;
    private final String taskId;
    private final MilestoneKey deadline;
    private final List<Role> roles;

    ImportableStep(String key, String label, String taskId, MilestoneKey deadline, Role... roles) {
        this.key = key;
        this.label = label;
        this.taskId = taskId;
        this.deadline = deadline;
        this.roles = List.of(roles);
    }

    public String key() {
        return key;
    }

    /** Dutch, for the dossier. */
    public String label() {
        return label;
    }

    /** The user task of {@code poortwachter} that takes this step in the platform. */
    public String taskId() {
        return taskId;
    }

    /** The milestone whose legal date is this step's deadline; none for the periodic evaluation. */
    public Optional<MilestoneKey> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** The roles that take the step; the first is assumed when an import names none. */
    public List<Role> roles() {
        return roles;
    }

    public boolean repeatable() {
        return this == EVALUATIE;
    }

    /**
     * The step another step is based on in this platform's process, which must be imported with it: the plan van
     * aanpak on the probleemanalyse (Regeling procesgang art. 4 lid 1), an evaluation on the plan, spoor 2 on the
     * eerstejaarsevaluatie (the model decides on spoor 2 there).
     */
    public Optional<ImportableStep> basedOn() {
        return Optional.ofNullable(switch (this) {
            case PLAN_VAN_AANPAK -> PROBLEEMANALYSE;
            case EVALUATIE -> PLAN_VAN_AANPAK;
            case SPOOR_2_START -> EERSTEJAARSEVALUATIE;
            default -> null;
        });
    }

    public static Optional<ImportableStep> ofKey(String key) {
        return Arrays.stream(values()).filter(step -> step.key.equals(key)).findFirst();
    }

    /** Every key, for a refusal that lists what is known. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(ImportableStep::key).toList();
    }
}
