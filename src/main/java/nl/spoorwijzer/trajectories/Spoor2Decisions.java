package nl.spoorwijzer.trajectories;

import static nl.spoorwijzer.process.ProcessVariables.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.timeline.Spoor2Settings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * The case's decisions on spoor 2, each a dossier entry of type {@code DECISION} with its reason and aanleiding; the
 * model names which one in the field {@code beslissing}:
 * <ul>
 * <li>{@code gestart}: a trajectory is started (event subprocess "Spoor 2 inzetten");</li>
 * <li>{@code gestartNaEje}: the eerstejaarsevaluatie's own path started it ("Re-integratiebureau inschakelen");</li>
 * <li>{@code beeindigd}: it ended, with the trajectory's closing reason;</li>
 * <li>{@code looptAl}: the eerstejaarsevaluatie finds a trajectory running and starts no second one;</li>
 * <li>{@code uitzondering}: spoor 2 does not start (the DMN's exception, or the werkgever's re-examination) — why,
 * and the re-examination date ({@link Spoor2Settings});</li>
 * <li>{@code inzetten}: the re-examination starts spoor 2 after all, by the same message as every other start.</li>
 * </ul>
 */
@Component("spoor2Decisions")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // the engine injects a field per service task
public class Spoor2Decisions implements JavaDelegate {

    private Expression beslissing;

    private final CaseDossier dossier;
    private final LegalTime time;
    private final Spoor2Settings settings;
    private final Spoor2Starts starts;
    private final CaseAccess access;

    Spoor2Decisions(CaseDossier dossier, LegalTime time, Spoor2Settings settings, Spoor2Starts starts,
                    CaseAccess access) {
        this.dossier = dossier;
        this.time = time;
        this.settings = settings;
        this.starts = starts;
        this.access = access;
    }

    public void setBeslissing(Expression beslissing) {
        this.beslissing = beslissing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String which = beslissing.getValue(execution).toString();
        switch (which) {
            case "gestart" -> started(execution);
            case "gestartNaEje" -> {
                startedByTheEerstejaarsevaluatie(execution);
                started(execution);
            }
            case "beeindigd" -> ended(execution);
            case "looptAl" -> alreadyRunning(execution);
            case "uitzondering" -> postponed(execution);
            case "inzetten" -> startAfterReexamination(execution);
            default -> throw new IllegalArgumentException("unknown spoor 2 decision '" + which + "'");
        }
    }

    private void started(DelegateExecution execution) {
        Spoor2Aanleiding aanleiding = aanleiding(execution);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("aanleiding", aanleiding.name());
        content.put("reden", execution.getVariable(SPOOR_2_REDEN));
        putIfPresent(content, "situatieveArbeidsongeschiktheid", execution.getVariable(SPOOR_2_SITUATIEF));
        putIfPresent(content, "conclusieVan", execution.getVariable(SPOOR_2_CONCLUSIE_VAN));
        putIfPresent(content, "uitvoerder", execution.getVariable(SPOOR_2_UITVOERDER));
        putIfPresent(content, "reintegratiebureau", execution.getVariable(REINTEGRATIEBUREAU));
        content.put("datum", time.today().toString());
        Object by = execution.getVariable(SPOOR_2_INGEZET_DOOR);
        Object role = execution.getVariable(SPOOR_2_INGEZET_ROL);
        dossier.record(execution, DossierEntryType.DECISION, "Spoor 2 ingezet: " + aanleiding.label(),
                execution.getCurrentActivityId(), by == null ? dossier.currentUserOr(CaseDossier.SYSTEM)
                        : by.toString(), role == null ? null : role.toString(), null, null, content);
        if (execution.getVariable(SPOOR_2_INGEZET_OP) == null) {
            execution.setVariable(SPOOR_2_INGEZET_OP, time.today().toString());
        }
    }

    /**
     * A start without the message (the werkgever completed "Re-integratiebureau inschakelen"): what an earlier start
     * left in the case's variables is replaced by this one's facts.
     */
    private void startedByTheEerstejaarsevaluatie(DelegateExecution execution) {
        execution.setVariable(SPOOR_2_AANLEIDING, Spoor2Aanleiding.NA_EJE.name());
        execution.setVariable(SPOOR_2_INGEZET_DOOR, dossier.currentUserOr(CaseDossier.SYSTEM));
        execution.setVariable(SPOOR_2_INGEZET_ROL, "werkgever");
        execution.setVariable(SPOOR_2_INGEZET_OP, time.today().toString());
        execution.setVariable(SPOOR_2_SITUATIEF, null);
        execution.setVariable(SPOOR_2_CONCLUSIE_VAN, null);
        if (Spoor2Start.WERKGEVER.equals(execution.getVariable(SPOOR_2_UITVOERDER))) {
            execution.setVariable(REINTEGRATIEBUREAU, null); // the form hides the bureau: none from an earlier start
        } else {
            execution.setVariable(SPOOR_2_UITVOERDER, Spoor2Start.BUREAU);
        }
    }

    private void ended(DelegateExecution execution) {
        Object reason = execution.getVariable(SPOOR_2_EINDREDEN);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("aanleiding", aanleiding(execution).name());
        content.put("eindreden", reason == null ? "onbekend" : reason.toString());
        content.put("datum", time.today().toString());
        execution.removeVariable(SPOOR_2_EINDREDEN);
        dossier.recordBySystem(execution, DossierEntryType.DECISION, "Spoor 2-traject beëindigd: "
                + content.get("eindreden"), content);
    }

    private void alreadyRunning(DelegateExecution execution) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("aanleiding", aanleiding(execution).name());
        putIfPresent(content, "ingezetOp", execution.getVariable(SPOOR_2_INGEZET_OP));
        content.put("datum", time.today().toString());
        dossier.recordBySystem(execution, DossierEntryType.DECISION,
                "Spoor 2 loopt al: de eerstejaarsevaluatie start geen tweede traject", content);
    }

    private void postponed(DelegateExecution execution) {
        boolean reexamined = execution.getVariable(SPOOR_2_HERBEOORDELING) != null;
        Object reason = reexamined ? execution.getVariable(HERBEOORDELING_TOELICHTING)
                : execution.getVariable(SPOOR_2_REDEN);
        LocalDate today = time.today();
        LocalDate reexamination = today.plusWeeks(settings.reexaminationWeeks());
        execution.setVariable(SPOOR_2_HERBEOORDELING_DATUM, reexamination.toString());
        execution.setVariable(SPOOR_2_HERBEOORDELING_START,
                time.startOfDay(reexamination.minusDays(settings.reexaminationLeadDays())));
        execution.setVariable(SPOOR_2_HERBEOORDELING_DUE, time.endOfDay(reexamination));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("besluit", reexamined ? "herbeoordeling door de werkgever" : "eerstejaarsevaluatie");
        putIfPresent(content, "uitzondering", execution.getVariable("spoor2Uitzondering"));
        content.put("reden", reason == null ? "" : reason.toString());
        content.put("herbeoordelingOp", reexamination.toString());
        content.put("datum", today.toString());
        execution.removeVariables(java.util.List.of(SPOOR_2_HERBEOORDELING, HERBEOORDELING_TOELICHTING));
        dossier.recordBySystem(execution, DossierEntryType.DECISION, "Spoor 2 niet gestart, herbeoordeling op "
                + reexamination, content);
    }

    /**
     * Correlates the start in a command of its own once this task is completed and flushed, before the same
     * transaction commits: a message to the event subprocess of the very instance this delegate runs in would change
     * the execution tree under it.
     */
    private void startAfterReexamination(DelegateExecution execution) {
        Object explanation = execution.getVariable(HERBEOORDELING_TOELICHTING);
        String reason = explanation == null ? "Herbeoordeling: spoor 2 is alsnog nodig" : explanation.toString();
        execution.removeVariables(java.util.List.of(SPOOR_2_HERBEOORDELING, HERBEOORDELING_TOELICHTING));
        if (starts.running(execution)) {
            alreadyRunning(execution);
            return;
        }
        String caseId = execution.getProcessBusinessKey();
        String by = dossier.currentUserOr(CaseDossier.SYSTEM);
        Spoor2Start start = new Spoor2Start(Spoor2Aanleiding.NA_EJE, reason, null, null, null, null, null, by,
                "werkgever");
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTING,
                committing -> access.runWithoutCaller(() -> starts.start(caseId, start)));
    }

    private static Spoor2Aanleiding aanleiding(DelegateExecution execution) {
        Spoor2Aanleiding given = Spoor2Aanleiding.of(execution.getVariable(SPOOR_2_AANLEIDING));
        return given == null ? Spoor2Aanleiding.NA_EJE : given;
    }

    private static void putIfPresent(Map<String, Object> content, String key, Object value) {
        if (value != null) {
            content.put(key, value);
        }
    }
}
