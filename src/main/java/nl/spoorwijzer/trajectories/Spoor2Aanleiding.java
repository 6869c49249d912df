package nl.spoorwijzer.trajectories;

/** Why a spoor 2 trajectory starts (variable {@code spoor2Aanleiding}); the dossier shows the Dutch label. */
public enum Spoor2Aanleiding {
    /** Before the eerstejaarsevaluatie, on the bedrijfsarts's or arbeidsdeskundige's conclusion (seed 004). */
    VROEG("vroeg ingezet op conclusie van bedrijfsarts of arbeidsdeskundige"),
    /** After the eerstejaarsevaluatie: its own path, or a re-examination of an exception. */
    NA_EJE("na de eerstejaarsevaluatie"),
    /** A new trajectory after a failed placement or a loonsanctie; a running one is ended first. */
    HERSTART("herstart na een vorig traject"),
    /** UWV's deskundigenoordeel says spoor 2 is needed. */
    DESKUNDIGENOORDEEL("na een deskundigenoordeel van UWV");

    private final String label;

    Spoor2Aanleiding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value of a variable or request, or null when it names none. */
    public static Spoor2Aanleiding of(Object value) {
        if (value == null) {
            return null;
        }
        for (Spoor2Aanleiding aanleiding : values()) {
            if (aanleiding.name().equals(value.toString())) {
                return aanleiding;
            }
        }
        return null;
    }
}
