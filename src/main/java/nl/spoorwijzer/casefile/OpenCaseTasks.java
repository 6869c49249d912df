package nl.spoorwijzer.casefile;

import java.util.HashMap;
import java.util.Map;
import nl.spoorwijzer.process.AsPlatform;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open tasks of a case (its process and its spoor 2 trajectory share the business key) as the running engine
 * command sees them: the stored ones plus the changes not yet flushed. The read models follow them whoever is working.
 */
@Component
public class OpenCaseTasks {

    private final TaskService taskService;

    public OpenCaseTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    /** By task id; inside an engine command. */
    public Map<String, Task> inContext(String caseId) {
        Map<String, Task> open = new HashMap<>();
        AsPlatform.inCommand(() -> taskService.createTaskQuery().processInstanceBusinessKey(caseId).list())
                .forEach(stored -> open.put(stored.getId(), stored));
        DbEntityManager entities = Context.getCommandContext().getDbEntityManager();
        for (TaskEntity cached : entities.getCachedEntitiesByType(TaskEntity.class)) {
            if (entities.getDbEntityCache().isDeleted(cached)) {
                open.remove(cached.getId());
            } else if (caseId.equals(businessKeyOf(cached))) {
                open.put(cached.getId(), cached);
            }
        }
        return open;
    }

    /** Null for a task whose execution is being removed with its process instance (a case being deleted). */
    private static String businessKeyOf(TaskEntity task) {
        ExecutionEntity execution = task.getExecution();
        return execution == null || execution.getProcessInstance() == null ? null
                : execution.getProcessInstance().getBusinessKey();
    }
}
