package nl.spoorwijzer.system;

/** Input that breaks a rule; answered as 400 problem details naming the field and the rule. */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidInputException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
