package nl.spoorwijzer.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.spoorwijzer.identity.Organisations;
import nl.spoorwijzer.identity.Role;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The model names roles ({@code candidateGroups="bedrijfsarts"}); a case's task goes to the organisation that
 * is the case's party in that role: the employer's arbodienst, its arbeidsdeskundigenpraktijk, the
 * re-integratiebedrijf chosen at the referral. So a process owner keeps modelling roles, and a bedrijfsarts of
 * another arbodienst never sees the task. An employer without such an organisation in the directory keeps the
 * role's group (every user of that role serving the employer), as before organisations existed.
 * <p>
 * The organisation becomes a party of the case when its first task is created: the arbodienst from the sick report
 * on, the arbeidsdeskundige when the onderzoek is requested (and no longer once its report is done), the bureau from
 * the referral until the spoor 2 trajectory ends or another bureau is chosen.
 */
@Component
public class CasePartyRouting {

    /** The tasks in which the employer chooses the re-integratiebedrijf (from those serving it). */
    private static final Set<String> CHOOSES_A_BUREAU =
            Set.of(ProcessKeys.Tasks.REINTEGRATIEBUREAU_INSCHAKELEN, ProcessKeys.Tasks.ANDER_BUREAU_KIEZEN,
                    ProcessKeys.Tasks.SPOOR_2_UITVOERDER_KIEZEN);

    private final Organisations organisations;
    private final CaseParties parties;
    private final TaskService tasks;

    CasePartyRouting(@Lazy Organisations organisations, @Lazy CaseParties parties, @Lazy TaskService tasks) {
        this.organisations = organisations;
        this.parties = parties;
        this.tasks = tasks;
    }

    /** A case starts: the employee and the employer's arbodienst are its parties from the sick report on. */
    void caseStarted(DelegateExecution execution) {
        ExecutionEntity entity = (ExecutionEntity) execution;
        Object employee = execution.getVariable(ProcessVariables.WERKNEMER_ID);
        if (employee != null) {
            parties.joinUser(entity, employee.toString());
        }
        parties.joinGroup(entity, organisationFor(Role.BEDRIJFSARTS, entity));
    }

    /**
     * The spoor 2 trajectory (a process of its own) starts: the case's parties — the employee, the arbodienst, an
     * arbeidsdeskundige still at work — are parties of it too; its bureau joins with its first task.
     */
    void trajectoryStarted(DelegateExecution execution) {
        ExecutionEntity entity = (ExecutionEntity) execution;
        Object employee = execution.getVariable(ProcessVariables.WERKNEMER_ID);
        if (employee != null) {
            parties.joinUser(entity, employee.toString());
        }
        AsPlatform.inCommand(() -> {
            parties.groupsOf(CaseParties.rootOf(entity)).forEach(group -> parties.joinGroup(entity, group));
            return null;
        });
    }

    /** The spoor 2 trajectory ends: its bureau leaves the case. */
    void trajectoryEnded(DelegateExecution execution) {
        String root = CaseParties.rootOf((ExecutionEntity) execution);
        AsPlatform.inCommand(() -> {
            parties.groupsOf(root).stream()
                    .filter(group -> organisations.kindOf(group).orElse(null) == Role.RE_INTEGRATIEBUREAU)
                    .forEach(group -> parties.leaveGroup(root, group));
            return null;
        });
    }

    /** A task was created for organisations: they are parties of the case now; a new bureau replaces the old. */
    void taskCreated(DelegateTask task) {
        ExecutionEntity execution = ((TaskEntity) task).getExecution();
        if (execution == null) {
            return;
        }
        String root = CaseParties.rootOf(execution);
        AsPlatform.inCommand(() -> {
            if (CHOOSES_A_BUREAU.contains(task.getTaskDefinitionKey())) {
                task.setVariableLocal(ProcessVariables.BESCHIKBARE_BUREAUS, bureausServing(execution.getTenantId()));
            }
            for (String group : candidateGroups(task)) {
                Optional<Role> kind = organisations.kindOf(group);
                if (kind.isEmpty()) {
                    continue;
                }
                parties.joinGroup(execution, group);
                if (kind.get() == Role.RE_INTEGRATIEBUREAU) {
                    parties.groupsOf(root).stream().filter(other -> !other.equals(group))
                            .filter(other -> organisations.kindOf(other).orElse(null) == Role.RE_INTEGRATIEBUREAU)
                            .forEach(other -> parties.leaveGroup(root, other));
                }
            }
            return null;
        });
    }

    /** A task ended: an arbeidsdeskundige without other open work in the case leaves it (its report is done). */
    void taskEnded(DelegateTask task) {
        ExecutionEntity execution = ((TaskEntity) task).getExecution();
        if (execution == null) {
            return;
        }
        String root = CaseParties.rootOf(execution);
        String caseId = execution.getProcessBusinessKey();
        AsPlatform.inCommand(() -> {
            for (String group : candidateGroups(task)) {
                if (organisations.kindOf(group).orElse(null) != Role.ARBEIDSDESKUNDIGE) {
                    continue;
                }
                boolean otherWork = caseId != null && tasks.createTaskQuery().processInstanceBusinessKey(caseId)
                        .taskCandidateGroup(group).includeAssignedTasks().list().stream()
                        .anyMatch(open -> !open.getId().equals(task.getId()));
                if (!otherWork) {
                    parties.leaveGroup(root, group);
                }
            }
            return null;
        });
    }

    /** The options of the bureau select: the re-integratiebedrijven serving the employer, as a JSON variable. */
    private ObjectValue bureausServing(String employer) {
        List<Map<String, String>> options = organisations.serving(Role.RE_INTEGRATIEBUREAU, employer).stream()
                .map(group -> option(group.getName() == null ? group.getId() : group.getName(), group.getId()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (options.isEmpty()) {
            options.add(option("Elk re-integratiebureau van de werkgever", Role.RE_INTEGRATIEBUREAU.groupId()));
        }
        return Variables.objectValue(options).serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create();
    }

    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }

    /**
     * The modelled candidate groups with each role served by organisations replaced by the case's party. When the
     * werkgever runs spoor 2 himself ({@code spoor2Uitvoerder = "werkgever"}, seed 003), the bureau's tasks are his.
     */
    List<String> route(Collection<?> modelled, ExecutionEntity execution) {
        boolean employerRunsSpoor2 = AsPlatform.inCommand(() -> ProcessVariables.UITVOERDER_WERKGEVER.equals(
                execution.getVariable(ProcessVariables.SPOOR_2_UITVOERDER)));
        return modelled.stream().map(Object::toString).map(String::trim).filter(group -> !group.isEmpty())
                .map(group -> employerRunsSpoor2 && group.equals(Role.RE_INTEGRATIEBUREAU.groupId())
                        ? Role.WERKGEVER.groupId() : group)
                .map(group -> Role.ofGroup(group).filter(role -> role.organisationType() != null)
                        .map(role -> organisationFor(role, execution)).orElse(group))
                .toList();
    }

    private String organisationFor(Role role, ExecutionEntity execution) {
        String employer = execution.getTenantId();
        if (role == Role.RE_INTEGRATIEBUREAU) {
            return AsPlatform.inCommand(() -> {
                Object chosen = execution.getVariable(ProcessVariables.REINTEGRATIEBUREAU);
                String bureau = chosen == null ? null : chosen.toString();
                return organisations.serves(bureau, role, employer) ? bureau : role.groupId();
            });
        }
        return organisationFor(role, employer);
    }

    /** The organisation the employer contracted for a role, or the role's own group when it has none. */
    String organisationFor(Role role, String employer) {
        return AsPlatform.inCommand(() -> organisations.contracted(role, employer).orElse(role.groupId()));
    }

    private static List<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
    }
}
