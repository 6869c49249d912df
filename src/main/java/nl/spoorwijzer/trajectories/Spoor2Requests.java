package nl.spoorwijzer.trajectories;

import static nl.spoorwijzer.process.ProcessVariables.EERSTEJAARSEVALUATIE_DATUM;
import static nl.spoorwijzer.process.ProcessVariables.MAX_TEXT_LENGTH;

import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.identity.Organisations;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.RequestValues;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may start spoor 2 through the API and with what: the werkgever of the case (early, recording the bedrijfsarts's
 * or arbeidsdeskundige's conclusion, or as a restart), the bedrijfsarts or arbeidsdeskundige of the case (early, on
 * his own conclusion; seed 004: "Eerder mag dus ook"). Everything is checked before anything is written.
 */
@Service
class Spoor2Requests {

    static final int MIN_REASON_LENGTH = 10;
    private static final Map<String, String> RESTART_AFTER = Map.of("PLAATSING_MISLUKT", "plaatsingMislukt",
            "LOONSANCTIE", "loonsanctie", "OVERIG", "nieuwTraject");

    private final CaseAccess access;
    private final Spoor2Starts starts;
    private final Organisations organisations;
    private final RuntimeService runtimeService;

    Spoor2Requests(CaseAccess access, Spoor2Starts starts, Organisations organisations,
                   RuntimeService runtimeService) {
        this.access = access;
        this.starts = starts;
        this.organisations = organisations;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public void request(CaseFile file, Spoor2Request request) {
        Role role = roleOfCaller(file);
        Spoor2Aanleiding aanleiding = aanleiding(request.occasion());
        if (aanleiding == Spoor2Aanleiding.HERSTART && role != Role.WERKGEVER) {
            throw RuleViolationException.notAllowed("occasion", "only the werkgever restarts spoor 2");
        }
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase()
                    + "; spoor 2 starts in a running case");
        }
        String reden = RequestValues.required("reason", request.reason(), "why spoor 2 starts now");
        if (reden.length() < MIN_REASON_LENGTH || reden.length() > MAX_TEXT_LENGTH) {
            throw RuleViolationException.invalid("reason", "must be " + MIN_REASON_LENGTH + " to " + MAX_TEXT_LENGTH
                    + " characters, in functional terms (no diagnosis, symptoms or treatment)");
        }
        String conclusieVan = null;
        Boolean situatief = null;
        String herstartNa = null;
        if (aanleiding == Spoor2Aanleiding.VROEG) {
            situatief = request.situationalIncapacity();
            if (situatief == null) {
                throw RuleViolationException.invalid("situationalIncapacity", "is required: true when"
                        + " return to the own employer hinders recovery (situational incapacity), else false");
            }
            conclusieVan = conclusieVan(request.concludedBy(), role);
        } else {
            herstartNa = RESTART_AFTER.get(RequestValues.required("restartAfter", request.restartAfter(),
                    "one of PLAATSING_MISLUKT, LOONSANCTIE, OVERIG"));
            if (herstartNa == null) {
                throw RuleViolationException.invalid("restartAfter", "must be one of PLAATSING_MISLUKT, LOONSANCTIE,"
                        + " OVERIG");
            }
        }
        String uitvoerder = uitvoerder(request, role);
        String bureau = bureau(request, uitvoerder, file.employerId());
        requireItsTurn(file, aanleiding);
        starts.start(file.caseId(), new Spoor2Start(aanleiding, reden, situatief, conclusieVan, uitvoerder, bureau,
                herstartNa, access.callerId(), role == null ? "beheerder" : role.groupId()));
    }

    /** The werkgever of the case's employer, or its bedrijfsarts or arbeidsdeskundige (null: the administrator). */
    private Role roleOfCaller(CaseFile file) {
        if (access.callerIsAdmin()) {
            return null;
        }
        if (access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            return Role.WERKGEVER;
        }
        for (Role expert : new Role[] {Role.BEDRIJFSARTS, Role.ARBEIDSDESKUNDIGE}) {
            if (access.callerActsAs(expert)) {
                return expert; // a party of the case: requireVisible let him see it
            }
        }
        throw RuleViolationException.notAllowed("caseId", "spoor 2 is started by the werkgever, or early by the"
                + " bedrijfsarts or arbeidsdeskundige of the case");
    }

    private static Spoor2Aanleiding aanleiding(String value) {
        String given = RequestValues.required("occasion", value, "VROEG or HERSTART");
        if (given.equals(Spoor2Aanleiding.VROEG.name())) {
            return Spoor2Aanleiding.VROEG;
        }
        if (given.equals(Spoor2Aanleiding.HERSTART.name())) {
            return Spoor2Aanleiding.HERSTART;
        }
        throw RuleViolationException.invalid("occasion", "must be VROEG or HERSTART; after the"
                + " eerstejaarsevaluatie spoor 2 starts through its own tasks");
    }

    private static String conclusieVan(String value, Role role) {
        String given = RequestValues.required("concludedBy", value, "bedrijfsarts or arbeidsdeskundige");
        if (!given.equals(Role.BEDRIJFSARTS.groupId()) && !given.equals(Role.ARBEIDSDESKUNDIGE.groupId())) {
            throw RuleViolationException.invalid("concludedBy", "must be bedrijfsarts or arbeidsdeskundige: they"
                    + " conclude that own work will not return");
        }
        if ((role == Role.BEDRIJFSARTS || role == Role.ARBEIDSDESKUNDIGE) && !given.equals(role.groupId())) {
            throw RuleViolationException.invalid("concludedBy", "must be your own role (" + role.groupId()
                    + "): you record your own conclusion");
        }
        return given;
    }

    private static String uitvoerder(Spoor2Request request, Role role) {
        if (role == Role.BEDRIJFSARTS || role == Role.ARBEIDSDESKUNDIGE) {
            if (request.executor() != null || request.bureau() != null) {
                throw RuleViolationException.invalid(request.executor() != null ? "executor"
                        : "bureau", "is chosen by the werkgever, in the task 'Uitvoerder spoor 2 kiezen'");
            }
            return null;
        }
        String given = RequestValues.required("executor", request.executor(), "bureau or werkgever");
        if (!given.equals(Spoor2Start.BUREAU) && !given.equals(Spoor2Start.WERKGEVER)) {
            throw RuleViolationException.invalid("executor", "must be bureau or werkgever");
        }
        return given;
    }

    private String bureau(Spoor2Request request, String uitvoerder, String employer) {
        if (!Spoor2Start.BUREAU.equals(uitvoerder)) {
            if (request.bureau() != null && uitvoerder != null) {
                throw RuleViolationException.invalid("bureau", "must be left out when the werkgever runs"
                        + " spoor 2 himself");
            }
            return null;
        }
        String bureau = RequestValues.required("bureau", request.bureau(),
                "the re-integratiebureau that runs spoor 2");
        boolean serving = access.asDirectory(() -> organisations.serving(Role.RE_INTEGRATIEBUREAU, employer))
                .stream().anyMatch(group -> group.getId().equals(bureau));
        boolean noneServing = access.asDirectory(() -> organisations.serving(Role.RE_INTEGRATIEBUREAU, employer))
                .isEmpty();
        if (!serving && !(noneServing && bureau.equals(Role.RE_INTEGRATIEBUREAU.groupId()))) {
            throw RuleViolationException.invalid("bureau", "must be a re-integratiebureau serving employer"
                    + " '" + employer + "'");
        }
        return bureau;
    }

    /** VROEG is before the eerstejaarsevaluatie and the first trajectory; HERSTART follows a trajectory. */
    private void requireItsTurn(CaseFile file, Spoor2Aanleiding aanleiding) {
        boolean ran = starts.everRan(file.caseId());
        if (aanleiding == Spoor2Aanleiding.HERSTART) {
            if (!ran) {
                throw RuleViolationException.conflict("occasion", "no spoor 2 trajectory ran in this case yet; a"
                        + " restart follows a trajectory (start the first one as VROEG or after the"
                        + " eerstejaarsevaluatie)");
            }
            return;
        }
        if (starts.runningTrajectory(file.caseId()) != null) {
            throw RuleViolationException.conflict("occasion", "a spoor 2 trajectory already runs in this case;"
                    + " a new one starts only as a restart (HERSTART), which ends the running one first");
        }
        if (ran) {
            throw RuleViolationException.conflict("occasion", "a spoor 2 trajectory already ran in this case;"
                    + " a new one is a restart (HERSTART)");
        }
        Object held = access.withoutCaller(() -> runtimeService.getVariable(file.processInstanceId(),
                EERSTEJAARSEVALUATIE_DATUM));
        if (held != null) {
            throw RuleViolationException.conflict("occasion", "the eerstejaarsevaluatie was held on " + held
                    + " and decided on spoor 2; it starts through the eerstejaarsevaluatie's tasks now");
        }
    }
}
