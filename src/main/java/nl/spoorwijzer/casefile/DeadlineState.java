package nl.spoorwijzer.casefile;

/** Where a legal milestone of a case stands, as the dossier records it. */
public enum DeadlineState {
    OP_TIJD("op tijd gedaan"),
    TE_LAAT("te laat gedaan"),
    GEMIST("termijn gemist"),
    KOMEND("nog te doen"),
    /** A date to know rather than a step to take (the end of the waiting period). */
    DATUM("wettelijke datum"),
    /** The case ended before it, or the step was decided not to be needed (no spoor 2). */
    NIET_NODIG("niet (meer) nodig");

    private final String text;

    DeadlineState(String text) {
        this.text = text;
    }

    /** The state in Dutch, as a case handler reads it. */
    public String text() {
        return text;
    }
}
