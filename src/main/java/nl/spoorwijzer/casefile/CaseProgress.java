package nl.spoorwijzer.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import nl.spoorwijzer.casefile.CaseDeadlineRepository.Pending;
import nl.spoorwijzer.dossier.DossierEntryAppended;
import nl.spoorwijzer.process.CaseLifecycle;
import nl.spoorwijzer.process.DeclaredTaskProperties;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the case read model in step with the process, in the engine's transaction: a row when the case opens, the
 * phase and the next legal deadline whenever one of its tasks is created, completed or cancelled, and the status
 * when the case closes. Added to every user task by the engine plugin, like the dossier recorder. The next deadline is
 * the earliest of the open tasks' due dates and the legal milestones still to come ({@link CaseDeadlines}), so a
 * case in spoor 1 without a task due still shows its 42e-weeksmelding.
 */
@Component
public class CaseProgress implements CaseLifecycle {

    private final CaseFileRepository repository;
    private final TaskService taskService;
    private final OpenCaseTasks openTasks;
    private final DeclaredTaskProperties declaredProperties;
    private final Clock clock;
    private final CaseDeadlines deadlines;
    private final CaseDeadlineRepository deadlineRows;
    /** Per engine command (weakly held: a command's context is dropped when it ends). */
    private final Map<CommandContext, CaseRewrites> rewrites = Collections.synchronizedMap(new WeakHashMap<>());

    public CaseProgress(CaseFileRepository repository, TaskService taskService, OpenCaseTasks openTasks,
                        DeclaredTaskProperties declaredProperties, Clock clock, CaseDeadlines deadlines,
                        CaseDeadlineRepository deadlineRows) {
        this.repository = repository;
        this.taskService = taskService;
        this.openTasks = openTasks;
        this.declaredProperties = declaredProperties;
        this.clock = clock;
        this.deadlines = deadlines;
        this.deadlineRows = deadlineRows;
    }

    /**
     * A dossier entry that can change a legal milestone (a timeline, a legal step, a miss, an end) rewrites the case's
     * deadlines and its next deadline, in the transaction that appends it.
     */
    @EventListener
    public void dossierChanged(DossierEntryAppended appended) {
        String caseId = appended.entry().caseId();
        if (caseId == null || !MilestoneStates.concerns(appended.entry())) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            // A step appends several such entries (its completion, a recomputed timeline, a miss): the case's rows are
            // rewritten once, when the engine's command ends, before its changes are flushed.
            rewriteWhenCommandEnds(command, caseId);
        } else {
            // Recorded by an API call outside the engine (a recovery, a case action): an engine command of its own
            // sees the open tasks, and joins the caller's transaction.
            ((ServiceImpl) taskService).getCommandExecutor().execute(context -> {
                deadlines.refresh(caseId);
                refresh(caseId);
                return null;
            });
        }
    }

    private void rewriteWhenCommandEnds(CommandContext command, String caseId) {
        rewrites.computeIfAbsent(command, context -> {
            CaseRewrites pending = new CaseRewrites();
            context.registerCommandContextListener(pending);
            return pending;
        }).add(caseId);
    }

    /** Rewrites a case's deadline rows and its next deadline; in an engine command. */
    private void rewrite(String caseId) {
        deadlines.refresh(caseId);
        refresh(caseId);
    }

    /**
     * The cases whose rows one engine command rewrites when it closes. An entry appended after that (by work the
     * command does while it commits) is rewritten at once.
     */
    private final class CaseRewrites implements CommandContextListener {

        private final Set<String> cases = new LinkedHashSet<>();
        private boolean closed;

        void add(String caseId) {
            if (closed) {
                rewrite(caseId);
            } else {
                cases.add(caseId);
            }
        }

        @Override
        public void onCommandContextClose(CommandContext commandContext) {
            closed = true;
            cases.forEach(CaseProgress.this::rewrite);
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable t) {
            cases.clear();
        }
    }

    /**
     * Opens the case's row. A second open case for the same employee is refused with a message a case handler can
     * act on (it reaches Tasklist when the start form is used); under a race the database refuses it.
     *
     * @throws OpenCaseExistsException when the employee already has an open case
     * @throws org.springframework.dao.DuplicateKeyException when a concurrent report opened it first
     */
    @Override
    public void opened(DelegateExecution execution, String employerId, String employeeId, LocalDate firstSickDay) {
        repository.findOpen(employerId, employeeId).ifPresent(open -> {
            throw new OpenCaseExistsException(employeeId, open.caseId());
        });
        repository.open(new CaseFile(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), employerId,
                employeeId, firstSickDay, CaseFile.OPEN, CasePhase.ZIEKMELDING, null, null, null,
                OffsetDateTime.now(clock), null, null));
    }

    @Override
    public void closed(DelegateExecution execution, String reason) {
        repository.close(execution.getProcessBusinessKey(), reason, LocalDate.now(clock));
        deadlines.refresh(execution.getProcessBusinessKey());
    }

    /** Also ends a recovered case's wait for a late relapse report: its process is gone. */
    @Override
    public void closedIfOpen(DelegateExecution execution, String reason) {
        repository.find(execution.getProcessBusinessKey()).ifPresent(file -> {
            if (CaseFile.CLOSED.equals(file.status())) {
                repository.release(file.caseId());
            } else {
                repository.close(file.caseId(), reason, LocalDate.now(clock));
                deadlines.refresh(file.caseId());
            }
        });
    }

    /**
     * Keeps phase and next deadline up to date incrementally: a new task can only bring the next deadline forward; a
     * task that ends matters only when it was the one due next, and then the open tasks are looked up once.
     */
    @Override
    public void notify(DelegateTask task) {
        if (BureauReport.ofTask(task.getTaskDefinitionKey()).isPresent()
                && !EVENTNAME_COMPLETE.equals(task.getEventName())) {
            // A report of the bureau became due or was cancelled: no dossier entry says so (its delivery does).
            rewriteWhenCommandEnds(Context.getCommandContext(), task.getExecution().getProcessBusinessKey());
        }
        LocalDate due = task.getDueDate() == null ? null : dayOf(task.getDueDate());
        boolean created = EVENTNAME_CREATE.equals(task.getEventName());
        CasePhase shown = created ? CasePhase.declaredIn(declaredProperties.ofTaskOrLatestVersion(task)) : null;
        if (due == null && shown == null) {
            return; // moves neither the phase nor the next deadline: no need to read the case's row
        }
        String caseId = task.getExecution().getProcessBusinessKey();
        CaseFile file = repository.find(caseId).orElse(null);
        if (file == null || !CaseFile.OPEN.equals(file.status())) {
            return;
        }
        if (created) {
            CasePhase phase = CasePhase.after(file.phase(), shown);
            boolean sooner = due != null && (file.nextDeadline() == null || due.isBefore(file.nextDeadline()));
            if (sooner) {
                repository.updateProgress(caseId, phase, due, task.getName());
            } else if (phase != file.phase()) {
                repository.updateProgress(caseId, phase, file.nextDeadline(), file.nextDeadlineTask());
            }
        } else if (due != null && due.equals(file.nextDeadline())) {
            Map<String, Task> open = openTasks.inContext(caseId);
            open.remove(task.getId());
            updateNextDeadline(caseId, file.phase(), open);
        }
    }

    /** Rewrites the case's deadline rows and its next deadline when the engine's command ends. */
    @Override
    public void deadlinePlanned(DelegateExecution execution) {
        rewriteWhenCommandEnds(Context.getCommandContext(), execution.getProcessBusinessKey());
    }

    /** Recomputes the next deadline after due dates moved; runs inside the engine's command. */
    @Override
    public void refresh(String caseId) {
        repository.find(caseId).filter(file -> CaseFile.OPEN.equals(file.status()))
                .ifPresent(file -> updateNextDeadline(caseId, file.phase(), openTasks.inContext(caseId)));
    }

    private void updateNextDeadline(String caseId, CasePhase phase, Map<String, Task> open) {
        Task next = open.values().stream()
                .filter(candidate -> candidate.getDueDate() != null)
                .min(Comparator.comparing(Task::getDueDate))
                .orElse(null);
        LocalDate taskDue = next == null ? null : dayOf(next.getDueDate());
        Pending milestone = deadlineRows.nextPending(caseId).orElse(null);
        if (milestone != null && (taskDue == null || milestone.date().isBefore(taskDue))) {
            repository.updateProgress(caseId, phase, milestone.date(), milestone.step().label());
        } else {
            repository.updateProgress(caseId, phase, taskDue, next == null ? null : next.getName());
        }
    }

    private LocalDate dayOf(Date instant) {
        return LocalDate.ofInstant(instant.toInstant(), clock.getZone());
    }
}
