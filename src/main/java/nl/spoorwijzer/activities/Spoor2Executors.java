package nl.spoorwijzer.activities;

import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.TaskRoles;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Who executes a spoor 2 trajectory: its re-integratiebureau, or the werkgever when he runs spoor 2 himself (seed
 * 003). A bureau that is not the trajectory's own is refused (403); the werkgever of a trajectory a bureau runs is
 * refused as a matter of the case's state (409): he may once he runs spoor 2 himself.
 */
final class Spoor2Executors {

    private Spoor2Executors() {
    }

    /** The caller in this role executes the trajectory (the admin always may). */
    static void requireExecutor(String role, ProcessInstance trajectory, RunningTrajectory trajectories,
                                String what) {
        if (role.equals(ActionRecords.ADMIN_ROLE)) {
            return;
        }
        if (role.equals(Role.RE_INTEGRATIEBUREAU.groupId())) {
            if (!trajectories.callerIsPartyOf(trajectory) || trajectories.runByTheWerkgever(trajectory)) {
                throw RuleViolationException.notAllowed("caseId", "only the re-integratiebureau of this case's"
                        + " spoor 2 trajectory " + what);
            }
            return;
        }
        if (role.equals(Role.WERKGEVER.groupId())) {
            if (!trajectories.runByTheWerkgever(trajectory)) {
                throw RuleViolationException.conflict("caseId", "a re-integratiebureau runs this spoor 2"
                        + " trajectory; the werkgever " + what + " only when he runs spoor 2 himself");
            }
            return;
        }
        throw RuleViolationException.notAllowed("caseId", "only the executor of the spoor 2 trajectory " + what);
    }

    /** As {@link #requireExecutor}, the employee of the case also allowed. */
    static void requireExecutorOrEmployee(String role, ProcessInstance trajectory, RunningTrajectory trajectories,
                                          String what) {
        if (!role.equals(TaskRoles.EMPLOYEE_ROLE)) {
            requireExecutor(role, trajectory, trajectories, what);
        }
    }
}
