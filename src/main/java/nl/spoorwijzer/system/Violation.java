package nl.spoorwijzer.system;

/** One broken rule: the field (form field key, variable name, model element id, …) and the rule it breaks. */
public record Violation(String field, String rule) {
    @Override
    public String toString() {
        return field + ": " + rule;
    }
}
