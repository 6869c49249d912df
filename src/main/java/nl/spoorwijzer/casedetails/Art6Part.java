package nl.spoorwijzer.casedetails;

/**
 * The administrative parts of the re-integratieverslag that the werkgever records once (Regeling procesgang eerste en
 * tweede ziektejaar, art. 6 lid 1 onder a–d), in the article's order.
 */
public enum Art6Part {
    ADMINISTRATIEVE_GEGEVENS("a", "Administratieve gegevens van werknemer, werkgever en arbodienst"),
    AARD_VAN_HET_BEDRIJF("b", "Aard van het bedrijf"),
    FUNCTIE("c", "Functie van de werknemer"),
    VAARDIGHEDEN("d", "Opleiding, werkervaring en vaardigheden van de werknemer");

    private final String letter;
    private final String title;

    Art6Part(String letter, String title) {
        this.letter = letter;
        this.title = title;
    }

    /** The letter of art. 6 lid 1 (a, b, c, d). */
    public String letter() {
        return letter;
    }

    public String title() {
        return title;
    }
}
