package nl.spoorwijzer.identity;

import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;

/**
 * Camunda's grants for a task's candidates and assignee, minus READ_VARIABLE on the historic task. Camunda extends
 * that permission to every historic variable of the task's process instance (its query joins all of the instance's
 * tasks), so a werkgever would read a case's history variables through any task of its own, and a party that left
 * the case would go on reading the history written after it left. Who reads a case's history is decided per case
 * instead (HISTORIC_PROCESS_INSTANCE READ, {@code process/CaseParties}); a task's own form values are not kept in
 * the history at all ({@code process/PersonalValuesOutOfHistory}).
 */
class TaskGrants extends DefaultAuthorizationProvider {

    @Override
    protected Permission[] getHistoricPermissions(boolean enforceSpecificVariablePermission) {
        return new Permission[] {HistoricTaskPermissions.READ};
    }
}
