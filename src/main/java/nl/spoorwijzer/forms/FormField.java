package nl.spoorwijzer.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One input of a Camunda Form (form-js schema) with the rules form-js enforces in the browser, so the server can
 * enforce the same ones: the key the value is stored under, its type, {@code validate.*} and the static options.
 *
 * @param options      the allowed values of a radio, select, checklist or taglist with static {@code values};
 *                     empty when the options come from a variable ({@link #optionsVariable})
 * @param readOnly     shown but not editable ({@code readonly} or {@code disabled}): a submission may repeat the
 *                     current value, never change it
 * @param hideCondition the FEEL expression of {@code conditional.hide} without its leading '=', or null
 * @param notBeforeFirstSickDay a date field that may not lie before the case's first sick day: the form marks it with
 *                     the custom property {@code nietVoorEersteZiektedag: "true"} (form-js "Custom properties")
 * @param label        the label the form shows for the field (for a date field its {@code dateLabel}), or null
 * @param optionLabels the label of each static option by its value, in the form's order
 */
public record FormField(
        String key,
        String type,
        String subtype,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        String validationType,
        Integer decimalDigits,
        boolean serializeToString,
        List<String> options,
        String optionsVariable,
        boolean readOnly,
        String hideCondition,
        String label,
        Map<String, String> optionLabels,
        boolean notBeforeFirstSickDay) {

    /** The custom property (form-js {@code properties}) that marks a date of the case, on or after day 1. */
    static final String NOT_BEFORE_FIRST_SICK_DAY = "nietVoorEersteZiektedag";

    /** Input types whose values a submission may carry; any other component with a key is refused. */
    static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "datetime", "checkbox",
            "radio", "select", "checklist", "taglist");

    /** The label of an option's value, or the value itself when the form names no such option. */
    public String optionLabel(String value) {
        return optionLabels == null ? value : optionLabels.getOrDefault(value, value);
    }

    boolean hasOptions() {
        return switch (type) {
            case "radio", "select", "checklist", "taglist" -> true;
            default -> false;
        };
    }

    boolean multipleValues() {
        return type.equals("checklist") || type.equals("taglist");
    }
}
