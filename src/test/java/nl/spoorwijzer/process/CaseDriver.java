package nl.spoorwijzer.process;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Drives one case through the engine in tests: moves the engine clock, fires the timers that are due and
 * completes tasks like the people in the process would. Timers fire only because the clock moved — never by
 * waiting.
 */
final class CaseDriver {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final ProcessEngine engine;
    private final ProcessInstance instance;
    private final LocalDate firstSickDay;

    CaseDriver(ProcessEngine engine, ProcessInstance instance, LocalDate firstSickDay) {
        this.engine = engine;
        this.instance = instance;
        this.firstSickDay = firstSickDay;
    }

    ProcessInstance instance() {
        return instance;
    }

    String caseId() {
        return instance.getBusinessKey();
    }

    /** The calendar date of sick day {@code n} (day 1 = the first sick day; this case has no recovery gaps). */
    LocalDate day(int n) {
        return firstSickDay.plusDays(n - 1L);
    }

    static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(AMSTERDAM).toInstant());
    }

    static Date endOf(LocalDate day) {
        return at(day, LocalTime.of(23, 59, 59));
    }

    /** Moves the engine clock to 09:00 on sick day {@code n}. */
    CaseDriver onDay(int n) {
        ClockUtil.setCurrentTime(at(day(n), LocalTime.of(9, 0)));
        return this;
    }

    Date now() {
        return ClockUtil.getCurrentTime();
    }

    /** Open tasks of this case and of the processes it called, oldest first. */
    List<Task> openTasks() {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId())
                .orderByTaskCreateTime().asc().list();
    }

    Optional<Task> openTask(String taskKey) {
        return openTasks().stream().filter(task -> task.getTaskDefinitionKey().equals(taskKey)).findFirst();
    }

    Task task(String taskKey) {
        return openTask(taskKey).orElseThrow(() -> new AssertionError("no open task " + taskKey + "; open: "
                + openTasks().stream().map(Task::getTaskDefinitionKey).toList()));
    }

    void complete(String taskKey, Map<String, Object> values) {
        engine.getTaskService().complete(task(taskKey).getId(), values);
    }

    /** Timer jobs of this case and the processes it called (same business key). */
    private List<Job> timers() {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId()).list()
                .stream()
                .flatMap(process -> engine.getManagementService().createJobQuery()
                        .processInstanceId(process.getId()).timers().list().stream())
                .toList();
    }

    /** Timer jobs of this case that are due now (due date at or before the engine clock). */
    List<Job> dueTimers() {
        return timers().stream().filter(job -> !job.getDuedate().after(now())).toList();
    }

    Optional<Job> nextTimer() {
        return timers().stream().min(Comparator.comparing(Job::getDuedate));
    }

    /**
     * Executes every timer that is due at the current clock time, one at a time (a timer may cancel others, e.g.
     * when it ends the case), including timers those create.
     */
    void fireDueTimers() {
        for (int round = 0; round < 1000; round++) {
            List<Job> due = dueTimers();
            if (due.isEmpty()) {
                return;
            }
            engine.getManagementService().executeJob(due.get(0).getId());
        }
        throw new AssertionError("timers keep firing: a loop without a wait state?");
    }

    boolean isEnded() {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .count() == 0;
    }

    /**
     * Lets the case run until the end of sick day {@code lastDay}: every time a task is open, the responsible person
     * completes it at once with the answers for that task (on time; a task whose answers are {@code null} is left
     * open); every time nothing is open, the clock moves to
     * the next timer. With {@code lateBy} > 0, a task with a due date is completed only that many days after its
     * due date, so every legal deadline is missed once.
     */
    void runUntil(int lastDay, Function<String, Map<String, Object>> answers, int lateBy) {
        Date end = endOf(day(lastDay));
        for (int step = 0; step < 2000 && !isEnded(); step++) {
            fireDueTimers();
            if (isEnded()) {
                return;
            }
            boolean completed = false;
            for (Task task : openTasks()) {
                Map<String, Object> values = answers.apply(task.getTaskDefinitionKey());
                if (values == null) {
                    continue; // this task is left to the test
                }
                if (task.getDueDate() == null || lateBy == 0
                        || now().after(plusDays(task.getDueDate(), lateBy - 1))) {
                    engine.getTaskService().complete(task.getId(), new HashMap<>(values));
                    completed = true;
                }
            }
            if (completed) {
                continue;
            }
            Date next = nextMoment(lateBy);
            if (next == null || next.after(end)) {
                ClockUtil.setCurrentTime(end);
                fireDueTimers();
                return;
            }
            ClockUtil.setCurrentTime(next.after(now()) ? next : now());
        }
    }

    private Date nextMoment(int lateBy) {
        Date next = nextTimer().map(Job::getDuedate).orElse(null);
        if (lateBy > 0) {
            for (Task task : openTasks()) {
                if (task.getDueDate() == null) {
                    continue;
                }
                Date late = plusDays(task.getDueDate(), lateBy - 1);
                late = new Date(late.getTime() + 1000);
                if (next == null || late.before(next)) {
                    next = late;
                }
            }
        }
        return next;
    }

    private static Date plusDays(Date date, int days) {
        return Date.from(date.toInstant().plusSeconds(days * 86_400L));
    }
}
