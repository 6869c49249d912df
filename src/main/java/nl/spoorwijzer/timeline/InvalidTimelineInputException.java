package nl.spoorwijzer.timeline;

import java.util.List;
import nl.spoorwijzer.system.Refusal;
import nl.spoorwijzer.system.RuleViolations;
import nl.spoorwijzer.system.Violation;

/**
 * The input for the calendar breaks a legal rule. Names the offending field and the rule; the API layer turns it
 * into a problem detail like every other rule violation. Plain Java: the calendar needs no engine.
 */
public class InvalidTimelineInputException extends RuntimeException implements RuleViolations {

    private final transient Violation violation;

    public InvalidTimelineInputException(String field, String rule) {
        super(field + ": " + rule);
        this.violation = new Violation(field, rule);
    }

    /** The input field or parameter, e.g. {@code "vvlWeeks"}. */
    public String field() {
        return violation.field();
    }

    /** A short English sentence naming the legal rule that was broken. */
    public String rule() {
        return violation.rule();
    }

    @Override
    public List<Violation> violations() {
        return List.of(violation);
    }

    @Override
    public Refusal refusal() {
        return Refusal.INVALID;
    }
}
