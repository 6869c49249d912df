package nl.spoorwijzer.simulation;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Plays a case forward in simulated time: moves the engine clock from one timer to the next, fires the timers that
 * are due and lets simulated people complete the tasks they get. Used for the demo cases (at start-up, before the web
 * server and the job executor start), the what-if simulation (in its own short-lived JVM, {@link SimulationMain}),
 * process tests and benchmarks — never while the platform serves requests, because the engine clock is global.
 */
public final class CasePlayer {

    private static final long DAY_MILLIS = 86_400_000L;
    private static final int MAX_STEPS = 5000;

    private final ProcessEngine engine;
    private final String caseId;

    public CasePlayer(ProcessEngine engine, String caseId) {
        this.engine = engine;
        this.caseId = caseId;
    }

    /** Open tasks of the case and of the processes it called (same business key), oldest first. */
    public List<Task> openTasks() {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).active()
                .orderByTaskCreateTime().asc().list();
    }

    public boolean isEnded() {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).count() == 0;
    }

    /**
     * Executes every timer of the case that is due at the current engine time, one at a time (a timer may cancel
     * others, e.g. when it ends the case), including timers those create.
     */
    public void fireDueTimers() {
        for (int round = 0; round < 1000; round++) {
            Date now = ClockUtil.getCurrentTime();
            Optional<Job> due = timers().stream().filter(job -> !job.getDuedate().after(now)).findFirst();
            if (due.isEmpty()) {
                return;
            }
            engine.getManagementService().executeJob(due.get().getId());
        }
        throw new IllegalStateException("timers of case " + caseId + " keep firing: a loop without a wait state?");
    }

    /**
     * Runs the case until {@code end}: whenever a task is open, its person completes it at once with the answers
     * for that task (a task whose answers are {@code null} is left open); whenever nothing is to be done, the clock
     * moves to the next timer. With {@code lateByDays} > 0, a task with a due date is completed only once its due
     * date plus {@code lateByDays - 1} days has passed (with 1: a second after the due date), so every legal deadline
     * is missed. Leaves the clock at {@code end}; fails if the case needs more than 5,000 steps to get there.
     */
    public void playUntil(Instant end, Function<String, Map<String, Object>> answers, int lateByDays) {
        Date endDate = Date.from(end);
        for (int step = 0; !isEnded(); step++) {
            if (step == MAX_STEPS) {
                throw new IllegalStateException("case " + caseId + " did not reach " + end + " in " + MAX_STEPS
                        + " steps: a task completed without moving the case on?");
            }
            fireDueTimers();
            if (isEnded() || completeWhatIsDue(answers, lateByDays)) {
                continue;
            }
            Date next = nextMoment(answers, lateByDays);
            if (next == null || next.after(endDate)) {
                break;
            }
            if (next.after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(next);
            }
        }
        if (endDate.after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(endDate);
        }
        fireDueTimers();
    }

    private boolean completeWhatIsDue(Function<String, Map<String, Object>> answers, int lateByDays) {
        boolean completed = false;
        Date now = ClockUtil.getCurrentTime();
        for (Task task : openTasks()) {
            Map<String, Object> values = answers.apply(task.getTaskDefinitionKey());
            if (values != null && (task.getDueDate() == null || lateByDays == 0
                    || now.after(plusDays(task.getDueDate(), lateByDays - 1)))) {
                engine.getTaskService().complete(task.getId(), new HashMap<>(values));
                completed = true;
            }
        }
        return completed;
    }

    private Date nextMoment(Function<String, Map<String, Object>> answers, int lateByDays) {
        Date next = timers().stream().map(Job::getDuedate).min(Comparator.naturalOrder()).orElse(null);
        if (lateByDays > 0) {
            for (Task task : openTasks()) {
                if (task.getDueDate() != null && answers.apply(task.getTaskDefinitionKey()) != null) {
                    Date late = new Date(plusDays(task.getDueDate(), lateByDays - 1).getTime() + 1000);
                    if (next == null || late.before(next)) {
                        next = late;
                    }
                }
            }
        }
        return next;
    }

    private List<Job> timers() {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).list()
                .stream()
                .flatMap(process -> engine.getManagementService().createJobQuery()
                        .processInstanceId(process.getId()).timers().active().list().stream())
                .toList();
    }

    private static Date plusDays(Date date, int days) {
        return new Date(date.getTime() + days * DAY_MILLIS);
    }
}
