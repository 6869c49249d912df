package nl.spoorwijzer.casefile;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.spoorwijzer.process.AsPlatform;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.ProcessVariables;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The due date of the bureau's next progress report as its running trajectory planned it ("Volgende rapportage
 * plannen", process/ReportPlanning: {@code nextReportDue}) — known as soon as the previous report is done or spoor 2
 * execution starts, weeks before the report's task appears. Read as the running engine command sees it (a trajectory
 * started or a report planned in this command is not stored yet), like {@link OpenCaseTasks}.
 */
@Component
public class PlannedReports {

    private final RuntimeService runtimeService;
    private final LegalTime time;

    public PlannedReports(RuntimeService runtimeService, LegalTime time) {
        this.runtimeService = runtimeService;
        this.time = time;
    }

    /** The planned due day of the next progress report of the case's running trajectory; inside an engine command. */
    public Optional<LocalDate> nextProgressReport(String caseId) {
        CommandContext context = Context.getCommandContext();
        DbEntityManager entities = context.getDbEntityManager();
        Set<String> trajectories = new LinkedHashSet<>();
        AsPlatform.inCommand(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT).list())
                .stream().map(ProcessInstance::getId).forEach(trajectories::add);
        for (ExecutionEntity cached : entities.getCachedEntitiesByType(ExecutionEntity.class)) {
            if (cached.isProcessInstanceExecution() && caseId.equals(cached.getBusinessKey())
                    && cached.getProcessDefinition() != null
                    && ProcessKeys.SPOOR_2_TRAJECT.equals(cached.getProcessDefinition().getKey())) {
                trajectories.add(cached.getId());
            }
        }
        return trajectories.stream()
                .map(id -> context.getExecutionManager().findExecutionById(id))
                .filter(Objects::nonNull)
                .filter(instance -> !instance.isEnded() && !entities.getDbEntityCache().isDeleted(instance))
                .map(instance -> instance.getVariableLocal(ProcessVariables.NEXT_REPORT_DUE))
                .filter(Objects::nonNull)
                .map(time::toDate)
                .min(LocalDate::compareTo);
    }
}
