package nl.spoorwijzer.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The checks every API request shares, each refusing with a 400 that names the field and the rule. */
public final class RequestValues {

    private RequestValues() {
    }

    /** The trimmed value; {@code why} (may be null) tells the caller what the field is for. */
    public static String required(String field, String value, String why) {
        if (value == null || value.isBlank()) {
            throw RuleViolationException.invalid(field, why == null ? "is required" : "is required: " + why);
        }
        return value.trim();
    }

    /** A required ISO date (YYYY-MM-DD). */
    public static LocalDate isoDate(String field, String value, String why) {
        String text = required(field, value, why);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw RuleViolationException.invalid(field, "must be a date in ISO format YYYY-MM-DD (got '" + value + "')");
        }
    }

    /** A date that has already happened (or is today). */
    public static LocalDate notInFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw RuleViolationException.invalid(field, "must not be in the future (today is " + today + ")");
        }
        return date;
    }
}
