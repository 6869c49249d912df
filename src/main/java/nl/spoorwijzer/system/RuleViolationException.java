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

    private final transient List<Violation> violations;
    private final Refusal refusal;

    public RuleViolationException(String field, String rule) {
        this(List.of(new Violation(field, rule)), Refusal.INVALID);
    }

    public RuleViolationException(List<Violation> violations) {
        this(violations, Refusal.INVALID);
    }

    public RuleViolationException(String field, String rule, Refusal refusal) {
        this(List.of(new Violation(field, rule)), refusal);
    }

    public static RuleViolationException invalid(String field, String rule) {
        return new RuleViolationException(field, rule, Refusal.INVALID);
    }

    public static RuleViolationException notAllowed(String field, String rule) {
        return new RuleViolationException(field, rule, Refusal.NOT_ALLOWED);
    }

    public static RuleViolationException notFound(String field, String rule) {
        return new RuleViolationException(field, rule, Refusal.NOT_FOUND);
    }

    public static RuleViolationException conflict(String field, String rule) {
        return new RuleViolationException(field, rule, Refusal.CONFLICT);
    }

    public RuleViolationException(List<Violation> violations, Refusal refusal) {
        super(message(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule violation names at least one field and rule");
        }
        this.violations = List.copyOf(violations);
        this.refusal = refusal;
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
    public Refusal refusal() {
        return refusal;
    }

    /** "field: rule; field: rule" — the form in which engine clients (Tasklist) show the refusal. */
    public static String message(List<Violation> violations) {
        return String.join("; ", violations.stream().map(Violation::toString).toList());
    }
}
