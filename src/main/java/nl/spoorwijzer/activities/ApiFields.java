package nl.spoorwijzer.activities;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;

/**
 * The API's English field names for the keys of an action's form. A body may also use a form key itself, so a field
 * a process owner adds to the form can be given before the API knows its English name; refusals name the field as
 * the API does. Fields listed as upper-case take the form's option values in upper case ({@code LOONWAARDE}).
 */
final class ApiFields {

    /** The list of options in a rule: "must be one of [loonwaarde, proefplaatsing]". */
    private static final Pattern OPTIONS = Pattern.compile("\\[[^\\]]*\\]");

    private final Map<String, String> formKeyOf;
    private final Map<String, String> apiNameOf = new HashMap<>();
    private final List<String> upperCase;

    ApiFields(Map<String, String> formKeyOf, List<String> upperCase) {
        this.formKeyOf = Map.copyOf(formKeyOf);
        this.upperCase = List.copyOf(upperCase);
        formKeyOf.forEach((api, form) -> apiNameOf.put(form, api));
    }

    /** The body as the form's submission: English names replaced by form keys, upper-case options lowered. */
    Map<String, Object> toForm(Map<String, Object> body) {
        Map<String, Object> submission = new LinkedHashMap<>();
        if (body == null) {
            return submission;
        }
        body.forEach((name, value) -> {
            String key = formKeyOf.getOrDefault(name, name);
            if (submission.containsKey(key)) {
                throw RuleViolationException.invalid(name, "is given twice (also as '" + apiName(key) + "')");
            }
            submission.put(key, upperCase.contains(name) && value instanceof String text
                    ? text.toLowerCase(Locale.ROOT) : value);
        });
        return submission;
    }

    /** The refusal of the form, with each field named as the API names it. */
    RuleViolationException inApiTerms(RuleViolationException refused) {
        return new RuleViolationException(refused.violations().stream()
                .map(violation -> {
                    String name = apiName(violation.field());
                    return new Violation(name, upperCase.contains(name) ? OPTIONS.matcher(violation.rule())
                            .replaceAll(options -> options.group().toUpperCase(Locale.ROOT)) : violation.rule());
                })
                .toList(), refused.refusal());
    }

    private String apiName(String formKey) {
        return apiNameOf.getOrDefault(formKey, formKey);
    }
}
