package nl.spoorwijzer.forms;

import java.util.List;
import nl.spoorwijzer.system.Refusal;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.RuleViolations;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form submission that breaks its form's rules. It is Camunda's {@link FormFieldValidationException}, the one
 * engine exception that Camunda's REST resources (in /engine-rest and in Tasklist's own API) answer with 400 when a
 * task is completed or a process started; every other engine exception there becomes a 500.
 */
public class InvalidSubmissionException extends FormFieldValidationException implements RuleViolations {

    private final transient List<Violation> violations;

    public InvalidSubmissionException(List<Violation> violations) {
        super(List.copyOf(violations), RuleViolationException.message(violations));
        this.violations = List.copyOf(violations);
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public Refusal refusal() {
        return Refusal.INVALID;
    }
}
