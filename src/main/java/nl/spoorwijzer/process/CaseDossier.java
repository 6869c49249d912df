package nl.spoorwijzer.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.dossier.ModelVersion;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.stereotype.Component;

/** Writes dossier entries for the case an execution belongs to, inside the engine's current transaction. */
@Component
public class CaseDossier {

    /** Who is recorded when no person acted: a timer or a message from another system. */
    public static final String SYSTEM = "systeem";

    private final DossierRepository repository;
    private final IdentityService identityService;
    private final Clock clock;

    public CaseDossier(DossierRepository repository, IdentityService identityService, Clock clock) {
        this.repository = repository;
        this.identityService = identityService;
        this.clock = clock;
    }

    public void record(DelegateExecution execution, DossierEntryType type, String subject, String elementId,
                       String recordedBy, String role, LocalDate dueDate, Boolean deadlineMet,
                       Map<String, Object> content) {
        repository.append(new DossierEntry(null, execution.getProcessBusinessKey(),
                execution.getProcessInstanceId(), execution.getTenantId(), type, subject, elementId, recordedBy,
                role, OffsetDateTime.now(clock), dueDate, deadlineMet, content, modelOf(execution)));
    }

    /** The process model the execution runs on, from the engine's deployment cache (no authorization involved). */
    private static ModelVersion modelOf(DelegateExecution execution) {
        if (Context.getCommandContext() == null || execution.getProcessDefinitionId() == null) {
            return null;
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(execution.getProcessDefinitionId());
        return new ModelVersion(definition.getKey(), definition.getVersion(), definition.getVersionTag());
    }

    /** A fact recorded by the platform itself (a computed timeline, a decision, a missed deadline). */
    public void recordBySystem(DelegateExecution execution, DossierEntryType type, String subject,
                               Map<String, Object> content) {
        record(execution, type, subject, execution.getCurrentActivityId(), currentUserOr(SYSTEM), null, null,
                null, content);
    }

    /** A fact recorded outside a process step (an API call), for the user making it or the platform. */
    public void recordForCase(String caseId, String processInstanceId, String tenantId, DossierEntryType type,
                              String subject, Map<String, Object> content) {
        recordForCase(caseId, processInstanceId, tenantId, type, subject, currentUserOr(SYSTEM), content);
    }

    /** As {@link #recordForCase(String, String, String, DossierEntryType, String, Map)}, for a named reporter. */
    public void recordForCase(String caseId, String processInstanceId, String tenantId, DossierEntryType type,
                              String subject, String recordedBy, Map<String, Object> content) {
        repository.append(new DossierEntry(null, caseId, processInstanceId, tenantId, type, subject, null,
                recordedBy, null, OffsetDateTime.now(clock), null, null, content));
    }

    /** The user on whose behalf the engine is working now (Tasklist, REST), or the fallback. */
    public String currentUserOr(String fallback) {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : fallback;
    }
}
