package nl.spoorwijzer.timeline;

/**
 * The input for the calendar breaks a legal rule. Names the offending field and the rule, so the API layer can turn
 * it into a problem detail.
 */
public class InvalidTimelineInputException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidTimelineInputException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The input field or parameter, e.g. {@code "vvlWeeks"}. */
    public String field() {
        return field;
    }

    /** A short English sentence naming the legal rule that was broken. */
    public String rule() {
        return rule;
    }
}
