package nl.spoorwijzer.cooperation;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the werkgever may do when the werknemer does not cooperate (domain reference §3.3: model them as separate
 * events, choosing the wrong one is a known practice error). None needs an earlier warning by law; each is its own
 * documented decision that ends when he cooperates again.
 */
public enum CooperationMeasureKind {

    /** A written warning: the werknemer is told what he must do and what follows if he does not. */
    WAARSCHUWING("Waarschuwing", "schriftelijke waarschuwing (BW art. 7:660a)"),
    /**
     * Opschorting: the wage is held back while he breaks written, reasonable control rules (information, being
     * reachable); it is paid afterwards once he complies (BW art. 7:629 lid 6).
     */
    OPSCHORTING_LOON("Opschorting van het loon", "BW art. 7:629 lid 6"),
    /**
     * Stopzetting: no right to wage for the time he hinders recovery, refuses suitable work or refuses to cooperate
     * on the plan van aanpak or spoor 2 without good reason (BW art. 7:629 lid 3).
     */
    STOPZETTING_LOON("Stopzetting van het loon", "BW art. 7:629 lid 3");

    private final String label;
    private final String legalBasis;

    CooperationMeasureKind(String label, String legalBasis) {
        this.label = label;
        this.legalBasis = legalBasis;
    }

    public String label() {
        return label;
    }

    public String legalBasis() {
        return legalBasis;
    }

    static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
