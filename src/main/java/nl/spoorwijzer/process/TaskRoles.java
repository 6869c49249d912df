package nl.spoorwijzer.process;

import java.util.Collection;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The role a task is for: its candidate group(s) — an organisation's group counted as the role it acts in — or
 * "werknemer" for a task assigned to the case's employee.
 */
public final class TaskRoles {

    public static final String EMPLOYEE_ROLE = "werknemer";

    private TaskRoles() {
    }

    /**
     * @param links    the task's identity links
     * @param assignee the task's assignee, may be null
     * @param employee the case's employee ({@code werknemerId}), may be null when unknown: then any assignee of a
     *                 task without candidate group counts as the employee
     * @param roleOfGroup the role a candidate group acts in ({@code Organisations.roleOf})
     * @return the role, or null when the task has neither
     */
    public static String of(Collection<? extends IdentityLink> links, String assignee, Object employee,
                            UnaryOperator<String> roleOfGroup) {
        String groups = links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).map(roleOfGroup).distinct()
                .collect(Collectors.joining(","));
        if (!groups.isEmpty()) {
            return groups;
        }
        return assignee != null && (employee == null || assignee.equals(employee)) ? EMPLOYEE_ROLE : null;
    }
}
