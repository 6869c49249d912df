package nl.spoorwijzer.trajectories;

import static nl.spoorwijzer.process.ProcessVariables.*;

import java.util.HashMap;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts spoor 2 in a case whenever it is due — early on the bedrijfsarts's or arbeidsdeskundige's conclusion, after
 * a re-examination, again after a failed placement or a loonsanctie, after a deskundigenoordeel — by the message
 * {@value ProcessKeys.Messages#SPOOR_2_INZETTEN} to the case's event subprocess "Spoor 2 inzetten", which records the
 * start and calls {@code spoor-2-traject}. One trajectory runs at a time: a restart first ends the running one with
 * {@value #TRAJECTORY_END_MESSAGE}. The caller's rights are checked before (the API: {@link Spoor2Requests}); this
 * bean works as the platform.
 */
@Component("spoor2Starts")
public class Spoor2Starts {

    /** spoor-2-traject's interrupting event subprocess that ends the trajectory with {@code trajectEindreden}. */
    static final String TRAJECTORY_END_MESSAGE = "Spoor2TrajectBeeindigen";

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final CaseFileRepository cases;
    private final CaseAccess access;
    private final LegalTime time;

    Spoor2Starts(RuntimeService runtimeService, HistoryService historyService, CaseFileRepository cases,
                 CaseAccess access, LegalTime time) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.cases = cases;
        this.access = access;
        this.time = time;
    }

    /**
     * Starts a trajectory in the running case; refused (409) when one runs already, unless it is a
     * {@link Spoor2Aanleiding#HERSTART}, which ends the running one first. Nothing is written when refused.
     */
    @Transactional
    public void start(String caseId, Spoor2Start start) {
        access.runWithoutCaller(() -> startAsPlatform(caseId, start));
    }

    private void startAsPlatform(String caseId, Spoor2Start start) {
        // Locked until the transaction ends: two starts at the same moment run one after the other, the second sees
        // the first's trajectory (or its pending choice of executor) and is refused.
        CaseFile file = cases.lockForChange(caseId).orElseThrow(() ->
                RuleViolationException.notFound("caseId", "no case '" + caseId + "'"));
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase()
                    + "; spoor 2 starts in a running case");
        }
        if (runtimeService.createEventSubscriptionQuery().processInstanceId(file.processInstanceId())
                .eventName(ProcessKeys.Messages.SPOOR_2_INZETTEN).count() == 0) {
            throw RuleViolationException.conflict("caseId", "this case runs on a model version that cannot start"
                    + " spoor 2 outside the eerstejaarsevaluatie; the process owner migrates it");
        }
        ProcessInstance running = runningTrajectory(caseId);
        if (running == null && choosingExecutor(file.processInstanceId())) {
            throw RuleViolationException.conflict("occasion", "a start of spoor 2 waits for the werkgever's choice"
                    + " of who runs it (task 'Uitvoerder spoor 2 kiezen'); no second start");
        }
        if (running != null) {
            if (start.aanleiding() != Spoor2Aanleiding.HERSTART) {
                throw RuleViolationException.conflict("occasion", "a spoor 2 trajectory already runs in this case;"
                        + " a new one starts only as a restart (HERSTART), which ends the running one first");
            }
            end(running, start.vorigTrajectEindreden() == null ? "nieuwTraject" : start.vorigTrajectEindreden());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(SPOOR_2_AANLEIDING, start.aanleiding().name());
        variables.put(SPOOR_2_REDEN, start.reden());
        variables.put(SPOOR_2_SITUATIEF, start.situatieveArbeidsongeschiktheid());
        variables.put(SPOOR_2_CONCLUSIE_VAN, start.conclusieVan());
        variables.put(SPOOR_2_UITVOERDER, start.uitvoerder());
        variables.put(REINTEGRATIEBUREAU, Spoor2Start.BUREAU.equals(start.uitvoerder())
                ? start.reintegratiebureau() : null);
        variables.put(SPOOR_2_INGEZET_DOOR, start.ingezetDoor());
        variables.put(SPOOR_2_INGEZET_ROL, start.rol());
        variables.put(SPOOR_2_INGEZET_OP, time.today().toString());
        runtimeService.createMessageCorrelation(ProcessKeys.Messages.SPOOR_2_INZETTEN)
                .processInstanceId(file.processInstanceId()).setVariables(variables).correlateWithResult();
    }

    /** Ends the running trajectory by its own event subprocess, which records why in the dossier. */
    private void end(ProcessInstance running, String reason) {
        if (runtimeService.createEventSubscriptionQuery().processInstanceId(running.getId())
                .eventName(TRAJECTORY_END_MESSAGE).count() == 0) {
            throw RuleViolationException.conflict("occasion", "the running spoor 2 trajectory runs on a model"
                    + " version that the platform cannot end; the process owner migrates it first");
        }
        runtimeService.createMessageCorrelation(TRAJECTORY_END_MESSAGE).processInstanceId(running.getId())
                .setVariable(TRAJECT_EINDREDEN, reason).correlateWithResult();
        if (runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).count() > 0) {
            throw RuleViolationException.conflict("occasion", "the running spoor 2 trajectory did not end; no new"
                    + " one is started");
        }
    }

    /** The case's running spoor 2 trajectory, or null. */
    ProcessInstance runningTrajectory(String caseId) {
        return access.withoutCaller(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT).processInstanceBusinessKey(caseId)
                .listPage(0, 1).stream().findFirst().orElse(null));
    }

    /** Did a spoor 2 trajectory ever run in the case (running or ended)? */
    boolean everRan(String caseId) {
        return access.withoutCaller(() -> historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT).processInstanceBusinessKey(caseId).count() > 0);
    }

    /**
     * Is spoor 2 under way in the case: a trajectory runs, or a start waits for the werkgever's choice of who runs
     * it (then a trajectory follows as soon as he chooses).
     */
    public boolean underway(CaseFile file) {
        return runningTrajectory(file.caseId()) != null || choosingExecutor(file.processInstanceId());
    }

    /**
     * For the models (gateways "Loopt spoor 2 al?", "Spoor 2 inmiddels gestart?"): is spoor 2 under way in the
     * execution's case?
     */
    public boolean running(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        return caseId != null && (runningTrajectory(caseId) != null
                || choosingExecutor(execution.getProcessInstanceId()));
    }

    private boolean choosingExecutor(String caseInstanceId) {
        return access.withoutCaller(() -> runtimeService.createExecutionQuery().processInstanceId(caseInstanceId)
                .activityId(ProcessKeys.Tasks.SPOOR_2_UITVOERDER_KIEZEN).count() > 0);
    }
}
