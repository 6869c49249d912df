package nl.spoorwijzer.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.spoorwijzer.system.RuleViolationException;

/**
 * Reads the fields of a Camunda Form (form-js schema JSON). Deployed forms never change, so each distinct JSON is
 * parsed once.
 */
public class FormSchemaParser {

    private static final int CACHE_LIMIT = 500;

    private final ObjectMapper objectMapper = new ObjectMapper();
    private final Map<String, FormSchema> parsed = new ConcurrentHashMap<>();

    public FormSchema parse(String json) {
        FormSchema schema = parsed.get(json);
        if (schema == null) {
            schema = read(json);
            if (parsed.size() < CACHE_LIMIT) {
                parsed.put(json, schema);
            }
        }
        return schema;
    }

    private FormSchema read(String json) {
        JsonNode form;
        try {
            form = objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RuleViolationException("form", "is not valid Camunda Form JSON");
        }
        Map<String, FormField> fields = new LinkedHashMap<>();
        collect(form.path("components"), fields);
        return new FormSchema(form.path("id").asText(), fields);
    }

    private static void collect(JsonNode components, Map<String, FormField> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                FormField field = field(component);
                fields.put(field.key(), field);
            }
            collect(component.path("components"), fields);
        }
    }

    private static FormField field(JsonNode c) {
        JsonNode validate = c.path("validate");
        List<String> options = new ArrayList<>();
        Map<String, String> optionLabels = new LinkedHashMap<>();
        for (JsonNode option : c.path("values")) {
            options.add(option.path("value").asText());
            optionLabels.put(option.path("value").asText(), option.path("label").asText(option.path("value").asText()));
        }
        String label = c.hasNonNull("label") && !c.get("label").asText().isBlank() ? c.get("label").asText()
                : c.path("dateLabel").asText(null);
        String hide = c.path("conditional").path("hide").asText(null);
        if (hide != null && hide.startsWith("=")) {
            hide = hide.substring(1);
        }
        return new FormField(
                c.get("key").asText(),
                c.path("type").asText(""),
                c.path("subtype").asText(null),
                validate.path("required").asBoolean(false),
                decimal(validate.get("min")),
                decimal(validate.get("max")),
                integer(validate.get("minLength")),
                integer(validate.get("maxLength")),
                validate.path("pattern").asText(null),
                validate.path("validationType").asText(null),
                integer(c.get("decimalDigits")),
                c.path("serializeToString").asBoolean(false),
                List.copyOf(options),
                c.path("valuesKey").asText(null),
                truthy(c.get("readonly")) || truthy(c.get("disabled")),
                hide == null || hide.isBlank() ? null : hide,
                label,
                java.util.Collections.unmodifiableMap(optionLabels),
                "true".equals(c.path("properties").path(FormField.NOT_BEFORE_FIRST_SICK_DAY).asText()));
    }

    /** {@code readonly} is a boolean or a FEEL expression; an expression counts as read-only (the safe reading). */
    private static boolean truthy(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        return node.isBoolean() ? node.asBoolean() : !node.asText().isBlank();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.decimalValue();
    }

    private static Integer integer(JsonNode node) {
        return node == null || !node.canConvertToInt() ? null : node.asInt();
    }
}
