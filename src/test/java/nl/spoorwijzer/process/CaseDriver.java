package nl.spoorwijzer.process;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import nl.spoorwijzer.simulation.CasePlayer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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
    private final CasePlayer player;

    CaseDriver(ProcessEngine engine, ProcessInstance instance, LocalDate firstSickDay) {
        this.engine = engine;
        this.instance = instance;
        this.firstSickDay = firstSickDay;
        this.player = new CasePlayer(engine, instance.getBusinessKey());
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

    /** The candidate groups of a task: a role, or the organisation that acts in it for this case. */
    static List<String> candidateGroups(ProcessEngine engine, Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
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
        return player.openTasks();
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

    /** Executes every timer of this case that is due at the current clock time. */
    void fireDueTimers() {
        player.fireDueTimers();
    }

    boolean isEnded() {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .count() == 0;
    }

    /** Lets the case run until the end of sick day {@code lastDay}; see {@link CasePlayer#playUntil}. */
    void runUntil(int lastDay, Function<String, Map<String, Object>> answers, int lateBy) {
        player.playUntil(endOf(day(lastDay)).toInstant(), answers, lateBy);
    }
}
