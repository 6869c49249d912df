package nl.spoorwijzer.ownwork;

import java.util.Arrays;
import java.util.Locale;

/** What changed, so that the spoor 1 options must be assessed again (seed 000). */
enum Spoor1Change {
    BELASTBAARHEID("belastbaarheid van de werknemer gewijzigd"),
    ORGANISATIE("organisatie gewijzigd"),
    VACATURE("nieuwe functie of vacature");

    private final String label;

    Spoor1Change(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Spoor1Change parse(String value) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(value.trim().toUpperCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }
}
