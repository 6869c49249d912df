package nl.spoorwijzer.recovery;

import java.util.Arrays;
import nl.spoorwijzer.process.EndReason;

/**
 * What started a herstelperiode. Both pause the case for the same 28 days (BW 7:629 lid 10, domain reference
 * §3.1–3.2): the employee can fully do the agreed work again — the own work, or a structurally adapted function that
 * is now the agreed work. The kind stays visible in the dossier and is the reason the case closes with.
 */
public enum RecoveryKind {

    /** A hersteldmelding: fully able to do the own work in full hours again. */
    FULL(EndReason.HERSTELD),
    /** The evaluation found a structural return to own or (contractually) adapted work: spoor 1 succeeded. */
    STRUCTURAL_RETURN(EndReason.STRUCTUREEL_HERVAT);

    private final String reason;
    private final String label;

    RecoveryKind(EndReason reason) {
        this.reason = reason.key();
        this.label = reason.label();
    }

    /** The value of {@code herstelSoort} and the case's closing reason after 28 days without relapse. */
    public String reason() {
        return reason;
    }

    /** How the dossier names it, in Dutch. */
    public String label() {
        return label;
    }

    /** Whether a case closed with this reason ended after a herstelperiode (not deleted, not another ending). */
    public static boolean isReason(String closedReason) {
        return Arrays.stream(values()).anyMatch(kind -> kind.reason.equals(closedReason));
    }

    /** The kind a herstelperiode recorded; one started before kinds existed was a full recovery. */
    public static RecoveryKind of(Object reason) {
        return Arrays.stream(values()).filter(kind -> kind.reason.equals(reason)).findFirst().orElse(FULL);
    }
}
