package nl.spoorwijzer.opinions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An offer of work the employee refused as not suitable (form aanbod-weigeren: the offer, the day, his reasons), as
 * the explanation of the deskundigenoordeel the werkgever asks about it. Dutch: the case's parties read it.
 */
record RefusedOffer(Object offer, Object refusedOn, Object reason) {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    String asExplanation(int maxLength) {
        String text = "Weigering van het aanbod '" + text(offer) + "'" + (refusedOn == null ? "" : " op "
                + day(refusedOn)) + ": " + text(reason);
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
    }

    private static String text(Object value) {
        return value == null ? "—" : value.toString().trim();
    }

    private static String day(Object value) {
        String text = value.toString();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).format(DUTCH);
        } catch (DateTimeParseException notADay) {
            return text;
        }
    }
}
