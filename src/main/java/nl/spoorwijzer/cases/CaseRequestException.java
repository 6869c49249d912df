package nl.spoorwijzer.cases;

/** A refused case request: HTTP status, the field and the rule it breaks (RFC 9457 problem details). */
public class CaseRequestException extends RuntimeException {

    private final int status;
    private final String field;
    private final String rule;

    public CaseRequestException(int status, String field, String rule) {
        super(field + ": " + rule);
        this.status = status;
        this.field = field;
        this.rule = rule;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
