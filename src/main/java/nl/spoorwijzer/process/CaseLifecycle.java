package nl.spoorwijzer.process;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Who follows a case's life in the engine's transaction: told when the case opens and closes, and (as a task
 * listener on every user task) when a task is created, completed or cancelled. The case read model implements it;
 * the engine glue needs not know it.
 */
public interface CaseLifecycle extends TaskListener {

    /** The case opened: refuse (a {@code BadUserRequestException}) when the employee already has an open case. */
    void opened(DelegateExecution execution, String employerId, String employeeId, LocalDate firstSickDay);

    void closed(DelegateExecution execution, String reason);

    /** The case process ended without having recorded why (e.g. deleted in Cockpit). */
    void closedIfOpen(DelegateExecution execution, String reason);

    /** The case's timers and due dates moved: recompute what the read model shows as next. Runs in a command. */
    void refresh(String caseId);

    /**
     * A step's next due date was planned before its task exists (the bureau's next progress report): the read model
     * shows it from now on. Runs in the engine's command.
     */
    void deadlinePlanned(DelegateExecution execution);
}
