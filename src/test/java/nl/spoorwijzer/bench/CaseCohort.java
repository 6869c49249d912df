package nl.spoorwijzer.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The lifecycle benchmark's simulated people for many cases at once. All cases of a cohort live on the one engine
 * clock: at each moment the due timers and the open tasks of <em>all</em> cases are read with one query each, the
 * work is handed to the workers case by case (one worker per core; a case is worked by one worker at a time, so no
 * two commands touch the same case concurrently), and when nothing is left to do the clock jumps to the next timer.
 * Compared with {@code CasePlayer}, which asks the engine three questions per step of every case, the cost of looking
 * for work is shared by the whole cohort.
 */
final class CaseCohort {

    private static final int MAX_ROUNDS_PER_MOMENT = 1_000;
    private static final int MAX_MOMENTS = 100_000;

    private final ProcessEngine engine;
    private final ExecutorService workers;
    private final Function<String, Map<String, Object>> answers;
    private final Queue<Long> completionNanos = new ConcurrentLinkedQueue<>();
    private final Map<String, String> caseOfProcessInstance = new ConcurrentHashMap<>();
    private final Set<String> notOurs = ConcurrentHashMap.newKeySet(); // instances of other cases in the database
    private final AtomicLong timersFired = new AtomicLong();
    private Set<String> caseIds = Set.of();

    CaseCohort(ProcessEngine engine, ExecutorService workers, Function<String, Map<String, Object>> answers) {
        this.engine = engine;
        this.workers = workers;
        this.answers = answers;
    }

    /** Wall time of every task completion so far, in nanoseconds. */
    Collection<Long> completionNanos() {
        return completionNanos;
    }

    /** Timer jobs executed so far. */
    long timersFired() {
        return timersFired.get();
    }

    /** Starts a case per entry (business key → start variables) at the current engine time. */
    void start(Map<String, Map<String, Object>> cases) {
        caseIds = Set.copyOf(cases.keySet());
        inParallel(cases.entrySet().stream().map(entry -> (Callable<Void>) () -> {
            ProcessInstance started = engine.getRuntimeService()
                    .startProcessInstanceByKey("poortwachter", entry.getKey(), entry.getValue());
            caseOfProcessInstance.put(started.getId(), entry.getKey());
            return null;
        }).toList());
    }

    /** Plays every case until {@code end}; the clock is left at {@code end}. */
    void playUntil(Instant end) {
        Date endDate = Date.from(end);
        for (int moment = 0; moment < MAX_MOMENTS; moment++) {
            workUntilNothingIsDue();
            Date next = nextTimer();
            if (next == null || next.after(endDate)) {
                ClockUtil.setCurrentTime(endDate);
                workUntilNothingIsDue();
                return;
            }
            if (next.after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(next);
            }
        }
        throw new IllegalStateException("the cohort did not reach " + end + " in " + MAX_MOMENTS + " clock moves");
    }

    /** Cases of the cohort whose case process has not ended. */
    long openCases() {
        return caseIds.stream().filter(id -> engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("poortwachter").processInstanceBusinessKey(id).count() > 0).count();
    }

    private void workUntilNothingIsDue() {
        for (int round = 0; round < MAX_ROUNDS_PER_MOMENT; round++) {
            Map<String, CaseWork> work = dueWork();
            if (work.isEmpty()) {
                return;
            }
            inParallel(work.values().stream().map(caseWork -> (Callable<Void>) () -> {
                caseWork.run();
                return null;
            }).toList());
        }
        throw new IllegalStateException("work keeps appearing at " + ClockUtil.getCurrentTime()
                + ": a loop without a wait state?");
    }

    /** Everything due now — timers first, then tasks, each in order — grouped by case. */
    private Map<String, CaseWork> dueWork() {
        Date now = ClockUtil.getCurrentTime();
        ManagementService management = engine.getManagementService();
        List<Job> dueTimers = management.createJobQuery().timers().active()
                .duedateLowerThan(new Date(now.getTime() + 1)).list();
        List<Task> openTasks = engine.getTaskService().createTaskQuery().active().orderByTaskCreateTime().asc()
                .list().stream().filter(task -> answers.apply(task.getTaskDefinitionKey()) != null).toList();
        learnCases(dueTimers.stream().map(Job::getProcessInstanceId), openTasks.stream()
                .map(Task::getProcessInstanceId));
        Map<String, CaseWork> work = new LinkedHashMap<>();
        dueTimers.stream().sorted(Comparator.comparing(Job::getDuedate)).forEach(job -> {
            String caseId = caseOfProcessInstance.get(job.getProcessInstanceId());
            if (caseId != null) {
                work.computeIfAbsent(caseId, id -> new CaseWork()).timers.add(job);
            }
        });
        for (Task task : openTasks) {
            String caseId = caseOfProcessInstance.get(task.getProcessInstanceId());
            if (caseId != null) {
                work.computeIfAbsent(caseId, id -> new CaseWork()).tasks.add(task);
            }
        }
        return work;
    }

    /** Maps process instances not seen before (the spoor 2 trajectory, a called process) to their case. */
    private void learnCases(Stream<String> timerInstances, Stream<String> taskInstances) {
        Set<String> unknown = Stream.concat(timerInstances, taskInstances)
                .filter(id -> id != null && !caseOfProcessInstance.containsKey(id) && !notOurs.contains(id))
                .collect(Collectors.toSet());
        if (unknown.isEmpty()) {
            return;
        }
        for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceIds(unknown).list()) {
            if (caseIds.contains(instance.getBusinessKey())) {
                caseOfProcessInstance.put(instance.getId(), instance.getBusinessKey());
            }
        }
        unknown.stream().filter(id -> !caseOfProcessInstance.containsKey(id)).forEach(notOurs::add);
    }

    /** The due date of the next timer after now; timers already due belong to no case of this cohort. */
    private Date nextTimer() {
        List<Job> next = engine.getManagementService().createJobQuery().timers().active()
                .duedateHigherThan(ClockUtil.getCurrentTime()).orderByJobDuedate().asc().listPage(0, 1);
        return next.isEmpty() ? null : next.get(0).getDuedate();
    }

    private void inParallel(List<Callable<Void>> tasks) {
        try {
            List<Future<Void>> futures = workers.invokeAll(tasks);
            for (Future<Void> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulated person failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** What one case has to do at this moment; run by one worker. */
    private final class CaseWork {
        final List<Job> timers = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();

        void run() {
            ManagementService management = engine.getManagementService();
            TaskService taskService = engine.getTaskService();
            for (Job timer : timers) {
                try {
                    management.executeJob(timer.getId());
                    timersFired.incrementAndGet();
                } catch (ProcessEngineException e) {
                    // An earlier timer of this case may have cancelled this one (e.g. by ending the case).
                    if (management.createJobQuery().jobId(timer.getId()).count() > 0) {
                        throw e;
                    }
                }
            }
            for (Task task : tasks) {
                Map<String, Object> values = new HashMap<>(answers.apply(task.getTaskDefinitionKey()));
                long started = System.nanoTime();
                try {
                    taskService.complete(task.getId(), values);
                    completionNanos.add(System.nanoTime() - started);
                } catch (ProcessEngineException e) {
                    // A timer or an earlier completion of this case may have ended this task.
                    if (taskService.createTaskQuery().taskId(task.getId()).count() > 0) {
                        throw e;
                    }
                }
            }
        }
    }
}
