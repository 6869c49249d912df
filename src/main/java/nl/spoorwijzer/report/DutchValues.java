package nl.spoorwijzer.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Values as a Dutch reader expects them: dates dd-mm-jjjj, "Ja"/"Nee", numbers with a decimal comma. */
final class DutchValues {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DutchValues() {
    }

    /** 03-12-2026. */
    static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** 3 december 2026. */
    static String longDate(LocalDate date) {
        return date == null ? null : LONG_DATE.format(date);
    }

    static String yesNo(boolean value) {
        return value ? "Ja" : "Nee";
    }

    /** 38,5 — up to two decimals, no grouping in small numbers. */
    static String number(Number value) {
        NumberFormat format = NumberFormat.getNumberInstance(DUTCH);
        format.setMaximumFractionDigits(2);
        return format.format(value instanceof BigDecimal decimal ? decimal : value.doubleValue());
    }

    /**
     * Any recorded value in Dutch: booleans Ja/Nee, ISO dates dd-mm-jjjj, numbers with a comma; other text as it is.
     */
    static String any(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean bool) {
            return yesNo(bool);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        String text = value.toString();
        if (text.equals("true") || text.equals("false")) {
            return yesNo(Boolean.parseBoolean(text));
        }
        LocalDate date = isoDate(text);
        return date != null ? date(date) : text;
    }

    /** The date of an ISO text (also the date part of an ISO date-time), or null. */
    static LocalDate isoDate(String text) {
        if (text == null || text.length() < 10 || !ISO_DATE.matcher(text.substring(0, 10)).matches()
                || text.length() > 10 && text.charAt(10) != 'T') {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
