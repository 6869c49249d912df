package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ProcessVariables.EERSTE_ZIEKTEDAG;
import static nl.spoorwijzer.process.ProcessVariables.HERSTELPERIODES;
import static nl.spoorwijzer.process.ProcessVariables.ZIEKTEWEEK;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nl.spoorwijzer.system.AfterStart;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the week of sickness on open tasks ({@link TaskCaseLabels}) current: a task waits for weeks, and Tasklist
 * shows what is stored. Camunda has no computed variables, so the stored week is moved on just after midnight
 * (and just after the platform starts, in case it was down at midnight — in the background, so that a large database
 * does not keep the platform from being ready). Set-based: one query for the stored weeks, one per 500 processes for
 * their cases and one per 500 cases for the first sick day and recovery gaps, and a write only where the week
 * changed, 500 tasks per transaction. Every node of a cluster may run it; the result is the same. Open tasks of a
 * database from before tasks carried their case get the names once per database.
 */
@Component
public class SicknessWeekRefresh {

    static final String LABELS_DONE = "spoorwijzer.task-case-labels";
    private static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SicknessWeekRefresh.class);

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService management;
    private final TaskCaseLabels labels;
    private final LegalTime time;
    private final ProcessEngine engine;
    private final AfterStart afterStart;

    SicknessWeekRefresh(RuntimeService runtimeService, TaskService taskService, ManagementService management,
                        TaskCaseLabels labels, LegalTime time, ProcessEngine engine, AfterStart afterStart) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.management = management;
        this.labels = labels;
        this.time = time;
        this.engine = engine;
        this.afterStart = afterStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        afterStart.run("ziekteweek op open taken", () -> {
            if (!management.getProperties().containsKey(LABELS_DONE)) {
                labelOpenTasksWithoutLabels();
                management.setProperty(LABELS_DONE, "1");
            }
            refresh();
        });
    }

    /**
     * Open tasks created before the platform named the case on its tasks (an existing database) get the names now,
     * as a new task would; returns how many. Tasks outside a case are left as they are.
     */
    public int labelOpenTasksWithoutLabels() {
        Set<String> labelled = runtimeService.createVariableInstanceQuery().variableName(ProcessVariables.ZAAK_ID)
                .list().stream().map(VariableInstance::getTaskId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<String> unlabelled = taskService.createTaskQuery().list().stream()
                .filter(task -> task.getProcessInstanceId() != null && !labelled.contains(task.getId()))
                .map(Task::getId).toList();
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        for (String taskId : unlabelled) {
            commands.execute(context -> {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task != null) {
                    labels.notify(task);
                }
                return null;
            });
        }
        if (!unlabelled.isEmpty()) {
            LOG.info("Zaak vermeld op {} open taken van voor deze versie", unlabelled.size());
        }
        return unlabelled.size();
    }

    /** Sets today's week of sickness on every open task whose stored week is another; returns how many changed. */
    @Scheduled(cron = "${spoorwijzer.tasks.week-refresh-cron:0 1 0 * * *}",
            zone = "${spoorwijzer.zone:Europe/Amsterdam}")
    public int refresh() {
        LocalDate today = time.today();
        List<VariableInstance> stored = runtimeService.createVariableInstanceQuery().variableName(ZIEKTEWEEK)
                .list().stream().filter(week -> week.getTaskId() != null).toList();
        Map<String, String> caseOf = casesOf(stored.stream().map(VariableInstance::getProcessInstanceId)
                .collect(Collectors.toSet()));
        Map<String, Integer> weekOfCase = weeksOf(new HashSet<>(caseOf.values()), today);
        List<Map.Entry<String, Integer>> stale = new ArrayList<>();
        for (VariableInstance week : stored) {
            Integer current = weekOfCase.get(caseOf.get(week.getProcessInstanceId()));
            if (current != null && !Objects.equals(current, week.getValue())) {
                stale.add(Map.entry(week.getTaskId(), current));
            }
        }
        int changed = 0;
        for (int from = 0; from < stale.size(); from += CHUNK) {
            changed += write(stale.subList(from, Math.min(stale.size(), from + CHUNK)));
        }
        if (changed > 0) {
            LOG.info("Ziekteweek bijgewerkt op {} open taken", changed);
        }
        return changed;
    }

    /**
     * Writes the weeks of one chunk of tasks in one transaction (the task service's commands join it); when one of
     * them fails — a task completed since the query, a concurrent change — each task of the chunk is tried on its own.
     */
    private int write(List<Map.Entry<String, Integer>> weeks) {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        try {
            commands.execute(context -> {
                weeks.forEach(week -> taskService.setVariableLocal(week.getKey(), ZIEKTEWEEK, week.getValue()));
                return null;
            });
            return weeks.size();
        } catch (ProcessEngineException oneFailed) {
            int written = 0;
            for (Map.Entry<String, Integer> week : weeks) {
                try {
                    taskService.setVariableLocal(week.getKey(), ZIEKTEWEEK, week.getValue());
                    written++;
                } catch (ProcessEngineException gone) { // completed since the query: nothing left to show
                    LOG.debug("Ziekteweek niet bijgewerkt op taak {}: {}", week.getKey(), gone.getMessage());
                }
            }
            return written;
        }
    }

    /** The case (root process instance) of each running process instance; ended ones are left out. */
    private Map<String, String> casesOf(Set<String> processInstanceIds) {
        Map<String, String> caseOf = new HashMap<>();
        for (List<String> chunk : chunks(processInstanceIds)) {
            for (ProcessInstance process : runtimeService.createProcessInstanceQuery()
                    .processInstanceIds(new HashSet<>(chunk)).list()) {
                caseOf.put(process.getId(), process.getRootProcessInstanceId() == null ? process.getId()
                        : process.getRootProcessInstanceId());
            }
        }
        return caseOf;
    }

    /** Today's week of sickness per case, from the case's own first sick day and recovery gaps. */
    private Map<String, Integer> weeksOf(Set<String> caseInstanceIds, LocalDate today) {
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (List<String> chunk : chunks(caseInstanceIds)) {
            for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                    .processInstanceIdIn(chunk.toArray(String[]::new))
                    .variableNameIn(EERSTE_ZIEKTEDAG, HERSTELPERIODES).list()) {
                // the case's own variables: on the process instance itself, not on a task or an inner scope
                if (variable.getTaskId() == null
                        && variable.getProcessInstanceId().equals(variable.getExecutionId())) {
                    variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                            .put(variable.getName(), variable.getValue());
                }
            }
        }
        Map<String, Integer> weeks = new HashMap<>();
        variables.forEach((caseInstance, values) -> {
            Integer week = labels.weekOf(values.get(EERSTE_ZIEKTEDAG), values.get(HERSTELPERIODES), today);
            if (week != null) {
                weeks.put(caseInstance, week);
            }
        });
        return weeks;
    }

    private static List<List<String>> chunks(Set<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
