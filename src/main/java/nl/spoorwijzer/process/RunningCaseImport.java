package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ImportableStep.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.ProcessKeys.Elements;
import nl.spoorwijzer.process.ProcessKeys.Tasks;
import nl.spoorwijzer.system.PlatformInput;
import nl.spoorwijzer.timeline.MilestoneKey;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import nl.spoorwijzer.timeline.TimelineInput;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts an imported running case at the right place (issue 24 point 2). The case process has just started as any
 * sick report does — its timeline computed from the first sick day and the actual dates of the imported
 * probleemanalyse and eerstejaarsevaluatie ({@link #startVariables}) — and, in the same transaction, before the job
 * executor can see it, this moves its tokens with Camunda's process instance modification:
 * <ul>
 * <li>spoor 1 resumes after the last step taken: the probleemanalyse task, the plan van aanpak task, or — the plan
 * made — the timer before the next periodic evaluation, planned one interval after the plan or the last imported
 * evaluation;</li>
 * <li>a 42e-weeksmelding taken removes its branch; an eerstejaarsevaluatie held skips its window timer and goes
 * straight to the decision on spoor 2; spoor 2 started removes that branch (the trajectory runs with its bureau);
 * an actueel oordeel or eindevaluatie given opens the final phase with only what is left of it.</li>
 * </ul>
 * Every step becomes a {@link DossierEntryType#STEP_IMPORTED} entry (date, the role that took it, document reference,
 * on time or not), recorded as what it is: the werkgever's declaration, by the importing user. Every legal deadline
 * that passed before the import day with its step not taken is recorded as missed, once
 * ({@link DossierEntryType#DEADLINE_MISSED}); its task still comes (late), without the boundary timer that would
 * record the miss again with an escalation task ({@link ImportedMissWatch}). Spoor 2 is the exception: it is only due
 * when the decision after the eerstejaarsevaluatie says so, so its task keeps its own watch. What is not due yet
 * waits for its timer as in any case.
 */
@Service
public class RunningCaseImport {

    /** A step taken elsewhere, as the intake checked it. */
    public record TakenStep(ImportableStep step, LocalDate date, Role role, String document) {
    }

    /** A legal step whose deadline passed before the import without it. */
    public record Miss(ImportableStep step, String taskId, LocalDate dueDate) {
    }

    /**
     * When the final phase of a new case starts: {@code spoorwijzer.process.final-phase-weeks-before-wia-application}
     * weeks before the WIA application deadline, as the case's timeline sets {@code eindfaseStart}.
     */
    public record FinalPhase(LocalDate start, LocalDate wiaApplicationDue, int weeksBefore) {
    }

    /** Who declares imported steps: the werkgever, who alone may import the employer's cases. */
    static final Role DECLARED_BY = Role.WERKGEVER;
    static final String DECLARED_BY_TEXT = "werkgever (import)";

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RuntimeService runtimeService;
    private final PeriodicDeadlines periodicDeadlines;
    private final ImportedMissWatch missWatch;
    private final CaseDossier dossier;
    private final CaseLifecycle caseLifecycle;
    private final LegalTime time;
    private final PoortwachterCalendar calendar;
    private final ProcessSettings settings;
    private final DossierRepository dossierEntries;

    public RunningCaseImport(ProcessEngineConfigurationImpl engineConfiguration, RuntimeService runtimeService,
                             PeriodicDeadlines periodicDeadlines, ImportedMissWatch missWatch, CaseDossier dossier,
                             CaseLifecycle caseLifecycle, LegalTime time, PoortwachterCalendar calendar,
                             ProcessSettings settings, DossierRepository dossierEntries) {
        this.engineConfiguration = engineConfiguration;
        this.runtimeService = runtimeService;
        this.periodicDeadlines = periodicDeadlines;
        this.missWatch = missWatch;
        this.dossier = dossier;
        this.caseLifecycle = caseLifecycle;
        this.time = time;
        this.calendar = calendar;
        this.settings = settings;
        this.dossierEntries = dossierEntries;
    }

    /**
     * The final phase of a case first sick on that day and not yet moved by recovery gaps or a VVL (an imported case
     * is new): an actueel oordeel or eindevaluatie before its start contradicts the case.
     */
    public FinalPhase finalPhase(LocalDate firstSickDay) {
        LocalDate wiaApplication = calendar.compute(TimelineInput.of(firstSickDay)).dateOf(MilestoneKey.WIA_AANVRAAG);
        int weeks = settings.finalPhaseWeeksBeforeWiaApplication();
        return new FinalPhase(settings.finalPhaseStart(wiaApplication), wiaApplication, weeks);
    }

    /**
     * Was this case created by an import? It then carries the import day (while its process runs) or imported steps
     * in its dossier (also after it ended).
     */
    public boolean wasImported(String caseId) {
        boolean stepsImported = dossierEntries.findByCase(caseId).stream()
                .anyMatch(entry -> entry.type() == DossierEntryType.STEP_IMPORTED);
        return stepsImported || engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                AsPlatform.inCommand(() -> runtimeService.createProcessInstanceQuery()
                        .processDefinitionKey(ProcessKeys.POORTWACHTER).processInstanceBusinessKey(caseId).list()
                        .stream().anyMatch(instance -> runtimeService.getVariable(instance.getId(),
                                ProcessVariables.IMPORT_DATUM) != null)));
    }

    /** The actual dates the case's first timeline counts from (the plan van aanpak from the probleemanalyse). */
    public static Map<String, Object> startVariables(List<TakenStep> steps) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (TakenStep taken : steps) {
            if (taken.step() == PROBLEEMANALYSE) {
                variables.put(ProcessVariables.PROBLEEMANALYSE_DATUM, taken.date().toString());
            } else if (taken.step() == EERSTEJAARSEVALUATIE) {
                variables.put(ProcessVariables.EERSTEJAARSEVALUATIE_DATUM, taken.date().toString());
            }
        }
        return variables;
    }

    /**
     * Moves the just started case to where the imported steps left it and records them and the misses, in the
     * caller's transaction.
     *
     * @return the deadlines recorded as missed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Miss> apply(String processInstanceId, List<TakenStep> steps, String importedBy) {
        List<Miss> misses = engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                AsPlatform.inCommand(() -> PlatformInput.trusted(() ->
                        applyInCommand(processInstanceId, steps, importedBy))));
        engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
            caseLifecycle.refresh(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                    .singleResult().getBusinessKey());
            return null;
        });
        return misses;
    }

    private List<Miss> applyInCommand(String processInstanceId, List<TakenStep> steps, String importedBy) {
        ExecutionEntity instance = Context.getCommandContext().getExecutionManager()
                .findExecutionById(processInstanceId);
        LocalDate today = time.today();
        Map<ImportableStep, LocalDate> last = lastDates(steps);
        if (last.containsKey(PROBLEEMANALYSE)) {
            // The bedrijfsarts made the analysis, so the case reached him; when is not known, nothing is missed.
            last.putIfAbsent(ZIEKMELDING_BEDRIJFSARTS, null);
        }

        List<Miss> misses = new ArrayList<>();
        for (ImportableStep step : ImportableStep.values()) {
            if (!last.containsKey(step) && missableBeforeImport(step)) {
                LocalDate due = dueOf(instance, step);
                if (due.isBefore(today)) {
                    misses.add(new Miss(step, step.taskId(), due));
                }
            }
        }
        if (last.containsKey(PLAN_VAN_AANPAK)) {
            LocalDate lastEvaluation = last.containsKey(EVALUATIE) ? last.get(EVALUATIE) : last.get(PLAN_VAN_AANPAK);
            LocalDate nextDue = periodicDeadlines.planAfter(instance, PeriodicDeadlines.Series.EVALUATION,
                    lastEvaluation);
            if (nextDue.isBefore(today)) {
                misses.add(new Miss(EVALUATIE, Tasks.VOORTGANG_EVALUEREN, nextDue));
            }
        }
        instance.setVariable(ProcessVariables.GEMIST_VOOR_IMPORT,
                String.join(",", misses.stream().map(Miss::taskId).toList()));
        instance.setVariable(ProcessVariables.IMPORT_DATUM, today.toString());
        for (TaskEntity task : Context.getCommandContext().getTaskManager()
                .findTasksByProcessInstanceId(processInstanceId)) {
            if (missWatch.missedBeforeImport(instance, task.getTaskDefinitionKey(), task.getDueDate())) {
                missWatch.dropBoundaryTimers(task.getExecution(), task.getTaskDefinitionKey());
            }
        }

        moveTokens(processInstanceId, last);
        record(instance, steps, misses, importedBy, today);
        return misses;
    }

    /**
     * Steps with a legal deadline that is due whatever happens in the case. Spoor 2 is not: it is due only when the
     * decision after the eerstejaarsevaluatie says it is needed (spoor-2-inzetten), and that decision is taken here,
     * after the import. Its task then comes with its legal due date and its own boundary timer, which records the
     * miss (once) if that date has passed.
     */
    private static boolean missableBeforeImport(ImportableStep step) {
        return step.deadline().isPresent() && step != SPOOR_2_START;
    }

    private static Map<ImportableStep, LocalDate> lastDates(List<TakenStep> steps) {
        Map<ImportableStep, LocalDate> last = new EnumMap<>(ImportableStep.class);
        for (TakenStep taken : steps) {
            last.merge(taken.step(), taken.date(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return last;
    }

    private LocalDate dueOf(ExecutionEntity instance, ImportableStep step) {
        return step.deadline().map(key -> time.dayOf((Date) instance.getVariable(
                ProcessVariables.deadlineVariable(key)))).orElse(null);
    }

    /**
     * Starts come before cancellations: a scope left without activity would end (Camunda ends an emptied scope).
     * When one part of the final phase was given elsewhere, its parallel join needs that part's token (a transition
     * into the join) and the application waits for the other part (the event-based gateway), both inside the final
     * phase instance the first modification created.
     */
    private void moveTokens(String processInstanceId, Map<ImportableStep, LocalDate> last) {
        ProcessInstanceModificationBuilder move = runtimeService.createProcessInstanceModification(processInstanceId);
        List<String> cancelled = new ArrayList<>();
        if (last.containsKey(PLAN_VAN_AANPAK)) {
            move.startBeforeActivity(Elements.EVALUATIEMOMENT_BEREIKT);
        } else if (last.containsKey(PROBLEEMANALYSE)) {
            move.startBeforeActivity(Tasks.PLAN_VAN_AANPAK_OPSTELLEN);
        } else if (last.containsKey(ZIEKMELDING_BEDRIJFSARTS)) {
            move.startBeforeActivity(Tasks.PROBLEEMANALYSE_OPSTELLEN);
        }
        if (last.containsKey(PROBLEEMANALYSE) || last.containsKey(ZIEKMELDING_BEDRIJFSARTS)) {
            cancelled.add(Tasks.ZIEKMELDING_DOORGEVEN);
        }
        if (last.containsKey(ZIEKMELDING_UWV)) {
            cancelled.add(Elements.UWV_MELDING_VOORBEREIDEN);
        }
        if (last.containsKey(SPOOR_2_START)) {
            cancelled.add(Elements.EJE_VENSTER_GEOPEND);
        } else if (last.containsKey(EERSTEJAARSEVALUATIE)) {
            move.startBeforeActivity(Elements.SPOOR_2_BESLUITEN);
            cancelled.add(Elements.EJE_VENSTER_GEOPEND);
        }
        boolean oordeel = last.containsKey(ACTUEEL_OORDEEL);
        boolean eindevaluatie = last.containsKey(EINDEVALUATIE);
        if (oordeel && eindevaluatie) {
            move.startBeforeActivity(Elements.AANVRAAG_STARTEN);
        } else if (oordeel) {
            move.startBeforeActivity(Tasks.EINDEVALUATIE_HOUDEN);
        } else if (eindevaluatie) {
            move.startBeforeActivity(Tasks.ACTUEEL_OORDEEL_OPSTELLEN);
        }
        if (oordeel || eindevaluatie) {
            cancelled.add(Elements.EINDFASE_BEREIKT);
        }
        cancelled.forEach(move::cancelAllForActivity);
        if (!cancelled.isEmpty() || !last.isEmpty()) {
            move.execute();
        }
        if (oordeel != eindevaluatie) {
            runtimeService.createProcessInstanceModification(processInstanceId)
                    .startTransition(oordeel ? Elements.ACTUEEL_OORDEEL_GEREED : Elements.EINDEVALUATIE_GEREED,
                            eindfaseInstance(processInstanceId))
                    .startBeforeActivity(Elements.ONDERDELEN_AFWACHTEN, eindfaseInstance(processInstanceId))
                    .execute();
        }
    }

    private String eindfaseInstance(String processInstanceId) {
        ActivityInstance[] phases = runtimeService.getActivityInstance(processInstanceId)
                .getActivityInstances(Elements.EINDFASE);
        if (phases.length != 1) {
            throw new IllegalStateException("expected one final phase in case " + processInstanceId + ", found "
                    + phases.length);
        }
        return phases[0].getId();
    }

    private void record(ExecutionEntity instance, List<TakenStep> steps, List<Miss> misses, String importedBy,
                        LocalDate today) {
        for (TakenStep taken : steps.stream().sorted(Comparator.comparing(TakenStep::date)).toList()) {
            LocalDate due = dueOf(instance, taken.step());
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("stap", taken.step().key());
            content.put("datum", taken.date().toString());
            content.put("rol", taken.role().groupId());
            if (taken.document() != null) {
                content.put("document", taken.document());
            }
            content.put("opgegevenDoor", DECLARED_BY_TEXT);
            content.put("geimporteerdOp", today.toString());
            // Taken by content.rol, declared by the werkgever: the entry is the werkgever's word, not the
            // bedrijfsarts' or the employee's own.
            dossier.record(instance, DossierEntryType.STEP_IMPORTED, "Geïmporteerd: " + taken.step().label(),
                    taken.step().taskId(), importedBy, DECLARED_BY.groupId(), due,
                    due == null ? null : !taken.date().isAfter(due), content);
        }
        for (Miss miss : misses) {
            String taskName = taskName(instance, miss.taskId());
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("taak", taskName);
            content.put("vastgesteldOp", today.toString());
            content.put("vastgesteldBij", "import");
            dossier.record(instance, DossierEntryType.DEADLINE_MISSED, "Termijn overschreden: " + taskName,
                    miss.taskId(), importedBy, miss.step().roles().get(0).groupId(), miss.dueDate(), false, content);
        }
    }

    private static String taskName(ExecutionEntity instance, String taskId) {
        FlowElement element = instance.getBpmnModelInstance().getModelElementById(taskId);
        return element == null || element.getName() == null ? taskId : element.getName();
    }
}
