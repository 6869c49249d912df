package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ProcessVariables.EERSTE_ZIEKTEDAG;
import static nl.spoorwijzer.process.ProcessVariables.HERSTELPERIODES;
import static nl.spoorwijzer.process.ProcessVariables.ZIEKTEWEEK;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
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
 * (and when the platform starts, in case it was down at midnight; open tasks of an existing database that have no
 * names yet get them then). Cheap: one query for the stored weeks, one per
 * case for its first sick day and recovery gaps, and a write only where the week changed. Every node of a cluster
 * may run it; the result is the same.
 */
@Component
public class SicknessWeekRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(SicknessWeekRefresh.class);

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final TaskCaseLabels labels;
    private final LegalTime time;
    private final ProcessEngine engine;

    SicknessWeekRefresh(RuntimeService runtimeService, TaskService taskService, TaskCaseLabels labels,
                        LegalTime time, ProcessEngine engine) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.labels = labels;
        this.time = time;
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        labelOpenTasksWithoutLabels();
        refresh();
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
        Map<String, List<VariableInstance>> weeksByInstance = runtimeService.createVariableInstanceQuery()
                .variableName(ZIEKTEWEEK).list().stream().filter(week -> week.getTaskId() != null)
                .collect(Collectors.groupingBy(VariableInstance::getProcessInstanceId));
        Map<String, Integer> weekOfCase = new HashMap<>();
        int changed = 0;
        for (Map.Entry<String, List<VariableInstance>> instance : weeksByInstance.entrySet()) {
            ProcessInstance process = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(instance.getKey()).singleResult();
            if (process == null) {
                continue;
            }
            String caseInstance = process.getRootProcessInstanceId() == null ? process.getId()
                    : process.getRootProcessInstanceId();
            Integer week = weekOfCase.computeIfAbsent(caseInstance, id -> {
                Map<String, Object> variables = runtimeService.getVariables(id,
                        List.of(EERSTE_ZIEKTEDAG, HERSTELPERIODES));
                return labels.weekOf(variables.get(EERSTE_ZIEKTEDAG), variables.get(HERSTELPERIODES), today);
            });
            for (VariableInstance stored : instance.getValue()) {
                if (week != null && !Objects.equals(week, stored.getValue())) {
                    taskService.setVariableLocal(stored.getTaskId(), ZIEKTEWEEK, week);
                    changed++;
                }
            }
        }
        if (changed > 0) {
            LOG.info("Ziekteweek bijgewerkt op {} open taken", changed);
        }
        return changed;
    }
}
