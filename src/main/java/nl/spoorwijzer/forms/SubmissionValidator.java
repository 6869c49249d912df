package nl.spoorwijzer.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks a form submission against the form's own rules, on the server: only the form's keys, each value of the
 * field's type and within its {@code validate} rules and options; required fields present unless hidden by their
 * condition; read-only fields unchanged. Returns the values to store (read-only fields left out), or refuses the
 * whole submission with every violation, so nothing is half-written.
 */
public class SubmissionValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{6,20}$");

    private final HideConditions conditions = new HideConditions();

    /**
     * @param submitted  what the caller sends (plain values or Camunda typed values)
     * @param current    the task's current variables (empty for a start form): the form's initial data
     * @param platformOnly names no submission may set, whatever the form declares (case identity, legal dates)
     */
    public Map<String, Object> validate(FormSchema form, Map<String, ?> submitted, Map<String, Object> current,
                                        Predicate<String> platformOnly) {
        Map<String, ?> values = submitted == null ? Map.of() : submitted;
        List<Violation> violations = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!form.fields().containsKey(key)) {
                violations.add(new Violation(key, "is not a field of form '" + form.id() + "'"));
            } else if (platformOnly.test(key) && !form.fields().get(key).readOnly()) {
                violations.add(new Violation(key, "is set by the platform only and cannot be submitted in a task"));
            }
        }
        Map<String, Object> data = new HashMap<>(current);
        values.forEach((key, value) -> data.put(key, plain(value)));
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (FormField field : form.fields().values()) {
            String key = field.key();
            boolean present = values.containsKey(key);
            Object value = present ? values.get(key) : null;
            if (conditions.hidden(field, data)) {
                if (present && plain(value) != null) {
                    violations.add(new Violation(key, "is hidden in this form for the values given; leave it out"));
                }
                continue;
            }
            if (field.readOnly()) {
                if (present && !sameValue(plain(value), current.get(key))) {
                    violations.add(new Violation(key, "is read-only in this form"));
                }
                continue;
            }
            if (!FormField.INPUT_TYPES.contains(field.type())) {
                if (present) {
                    violations.add(new Violation(key, "is a '" + field.type() + "' component, which takes no input"));
                }
                continue;
            }
            String problem = check(field, value, current);
            if (problem != null) {
                violations.add(new Violation(key, problem));
            } else if (present) {
                accepted.put(key, value);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
        return accepted;
    }

    private static String check(FormField field, Object submitted, Map<String, Object> current) {
        if (submitted instanceof SerializableValue serialized && !serialized.isDeserialized()
                && !field.multipleValues()) {
            return "must be a plain " + expected(field) + ", not a serialized object";
        }
        Object value = plain(submitted);
        if (isEmpty(value)) {
            return field.required() ? "is required" : null;
        }
        return switch (field.type()) {
            case "textfield", "textarea" -> text(field, value);
            case "number" -> number(field, value);
            case "datetime" -> dateTime(field, value, current);
            case "checkbox" -> value instanceof Boolean checked
                    ? (field.required() && !checked ? "must be checked" : null) : "must be true or false";
            case "radio", "select" -> value instanceof String choice ? option(field, choice, current)
                    : "must be one of " + options(field, current);
            case "checklist", "taglist" -> choices(field, submitted, current);
            default -> "cannot be submitted";
        };
    }

    private static String text(FormField field, Object value) {
        if (!(value instanceof String text)) {
            return "must be text";
        }
        // A longer value would not fit the variable column, whatever the form allows.
        int max = field.maxLength() == null ? ProcessVariables.MAX_TEXT_LENGTH
                : Math.min(field.maxLength(), ProcessVariables.MAX_TEXT_LENGTH);
        if (text.length() > max) {
            return "must be at most " + max + " characters";
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            return "must be at least " + field.minLength() + " characters";
        }
        if (field.pattern() != null && !matches(field.pattern(), text)) {
            return "must match the pattern " + field.pattern();
        }
        if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
            return "must be an e-mail address";
        }
        if ("phone".equals(field.validationType()) && !PHONE.matcher(text).matches()) {
            return "must be a phone number";
        }
        return null;
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException unusable) {
            return false;
        }
    }

    private static String number(FormField field, Object value) {
        BigDecimal number = decimal(field, value);
        if (number == null) {
            return "must be a number";
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            return "must be at least " + field.min().toPlainString();
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            return "must be at most " + field.max().toPlainString();
        }
        if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
            return "must have at most " + field.decimalDigits() + " decimal digits";
        }
        return null;
    }

    private static BigDecimal decimal(FormField field, Object value) {
        try {
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            }
            if (value instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (value instanceof String text && field.serializeToString()) {
                return new BigDecimal(text.trim());
            }
        } catch (NumberFormatException notANumber) {
            return null;
        }
        return null;
    }

    private static String dateTime(FormField field, Object value, Map<String, Object> current) {
        if (!(value instanceof String text)) {
            return "must be a date in ISO format YYYY-MM-DD";
        }
        String subtype = field.subtype() == null ? "date" : field.subtype();
        try {
            switch (subtype) {
                case "time" -> LocalTime.parse(text);
                case "datetime" -> OffsetDateTime.parse(text);
                default -> {
                    return notBeforeFirstSickDay(field, LocalDate.parse(text), current);
                }
            }
            return null;
        } catch (DateTimeParseException e) {
            return switch (subtype) {
                case "time" -> "must be a time HH:mm";
                case "datetime" -> "must be a date and time in ISO format YYYY-MM-DDTHH:mm+01:00";
                default -> "must be a date in ISO format YYYY-MM-DD";
            };
        }
    }

    /**
     * A date of the case (reported to the bedrijfsarts, to UWV) cannot lie before its first sick day. Such a date
     * usually means day and month were swapped (a browser showing mm/dd/yyyy), and the dossier would count a
     * deadline as met.
     */
    private static String notBeforeFirstSickDay(FormField field, LocalDate date, Map<String, Object> current) {
        Object firstSickDay = current.get(ProcessVariables.EERSTE_ZIEKTEDAG);
        if (!field.notBeforeFirstSickDay() || firstSickDay == null) {
            return null;
        }
        try {
            LocalDate dayOne = LocalDate.parse(firstSickDay.toString().substring(0, 10));
            return date.isBefore(dayOne) ? "must not be before the first sick day (" + dayOne + ")" : null;
        } catch (DateTimeParseException | StringIndexOutOfBoundsException unreadable) {
            return null; // not a date the platform wrote; the calendar refuses such a case elsewhere
        }
    }

    private static String option(FormField field, String choice, Map<String, Object> current) {
        List<String> allowed = options(field, current);
        return allowed.contains(choice) ? null : "must be one of " + allowed;
    }

    private static String choices(FormField field, Object submitted, Map<String, Object> current) {
        Collection<?> chosen = collection(submitted);
        if (chosen == null) {
            return "must be a list of values from " + options(field, current);
        }
        if (chosen.isEmpty() && field.required()) {
            return "is required";
        }
        List<String> allowed = options(field, current);
        for (Object choice : chosen) {
            if (!(choice instanceof String text) || !allowed.contains(text)) {
                return "must contain only values from " + allowed;
            }
        }
        return null;
    }

    /** A list as a Java collection or, as Tasklist sends it, a JSON array in a serialized value. */
    private static Collection<?> collection(Object submitted) {
        if (submitted instanceof SerializableValue serialized && !serialized.isDeserialized()) {
            return JsonArrays.parse(serialized.getValueSerialized());
        }
        Object value = plain(submitted);
        if (value instanceof Collection<?> list) {
            return list;
        }
        return value instanceof String json ? JsonArrays.parse(json) : null;
    }

    /** Static options, or those in the variable named by {@code valuesKey} (strings or {label, value} objects). */
    @SuppressWarnings("unchecked")
    private static List<String> options(FormField field, Map<String, Object> current) {
        if (field.optionsVariable() == null) {
            return field.options();
        }
        Object source = current.get(field.optionsVariable());
        Collection<?> entries = source instanceof Collection<?> list ? list
                : source instanceof String json ? JsonArrays.parse(json) : null;
        if (entries == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object entry : entries) {
            Object value = entry instanceof Map<?, ?> map ? ((Map<String, Object>) map).get("value") : entry;
            if (value != null) {
                values.add(value.toString());
            }
        }
        return values;
    }

    private static String expected(FormField field) {
        return switch (field.type()) {
            case "number" -> "number";
            case "checkbox" -> "true or false";
            default -> "text";
        };
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String text && text.isBlank());
    }

    private static boolean sameValue(Object submitted, Object current) {
        if (isEmpty(submitted) && isEmpty(current)) {
            return true;
        }
        if (submitted instanceof Number a && current instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(submitted, current);
    }

    /** The Java value of a plain or typed value; a serialized object that is not deserialized has none. */
    static Object plain(Object value) {
        if (value instanceof SerializableValue serialized && !serialized.isDeserialized()) {
            return serialized.getValueSerialized();
        }
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }
}
