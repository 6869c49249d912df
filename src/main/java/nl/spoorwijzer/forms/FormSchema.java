package nl.spoorwijzer.forms;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Camunda Form's id and its input fields by key, as parsed from the deployed {@code .form} JSON. */
public record FormSchema(String id, Map<String, FormField> fields) {

    public FormSchema {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Whether checking a submission needs the case's current values: read-only fields, hide conditions, options from a
     * variable, dates that may not lie before the first sick day.
     */
    public boolean readsCurrentValues() {
        return fields.values().stream().anyMatch(field -> field.readOnly() || field.hideCondition() != null
                || field.optionsVariable() != null || field.notBeforeFirstSickDay());
    }
}
