package nl.spoorwijzer.system;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * An input that breaks one of the platform's rules, raised inside the engine (form submissions, deployments,
 * protected variables) or by a feature service. It extends Camunda's {@link BadUserRequestException} so that any
 * engine caller (Tasklist, /engine-rest, Java) gets a client error, never a 500; the REST layers render it as an
 * RFC 9457 problem detail with {@code field} and {@code rule} (and every violation when there are several).
 */
public class RuleViolationException extends BadUserRequestException implements RuleViolations {

    /** One broken rule: the field (form field key, variable name, model element id, …) and the rule it breaks. */
    public record Violation(String field, String rule) {
        @Override
        public String toString() {
            return field + ": " + rule;
        }
    }

    private final transient List<Violation> violations;
    private final int status;

    public RuleViolationException(String field, String rule) {
        this(List.of(new Violation(field, rule)), 400);
    }

    public RuleViolationException(List<Violation> violations) {
        this(violations, 400);
    }

    public RuleViolationException(List<Violation> violations, int status) {
        super(message(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule violation names at least one field and rule");
        }
        this.violations = List.copyOf(violations);
        this.status = status;
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }

    public String field() {
        return violations.get(0).field();
    }

    public String rule() {
        return violations.get(0).rule();
    }

    @Override
    public int status() {
        return status;
    }

    /** "field: rule; field: rule" — the form in which engine clients (Tasklist) show the refusal. */
    public static String message(List<Violation> violations) {
        return String.join("; ", violations.stream().map(Violation::toString).toList());
    }
}
