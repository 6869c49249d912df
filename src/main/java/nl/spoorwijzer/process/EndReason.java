package nl.spoorwijzer.process;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a case ended: the one list of values the process records ({@code afsluitreden}, the read model's
 * {@code closed_reason}), the dashboard counts and the re-integratieverslag names, each with its Dutch label.
 * The {@link #key()} is what models and stored data hold.
 */
public enum EndReason {

    /** A hersteldmelding, and 28 days passed without a relapse. */
    HERSTELD("hersteld", "Volledig hersteld"),
    /** Spoor 1 succeeded: structural return to own or adapted work, and 28 days passed without a relapse. */
    STRUCTUREEL_HERVAT("structureelHervat", "Structureel hervat in eigen of aangepast werk"),
    /** The 104-week waiting period (with any extension) ended. */
    EINDE_WACHTTIJD("eindeWachttijd", "Einde wachttijd"),
    /** UWV granted an IVA benefit with a shortened waiting period (WIA art. 23 lid 6). */
    VERVROEGDE_IVA("vervroegdeIva", "Vervroegde IVA toegekend"),
    /** The contract ended during sickness (fixed term, or a date the werkgever set): UWV takes over. */
    ZIEK_UIT_DIENST("ziekUitDienst", "Ziek uit dienst"),
    /** Werkgever and werknemer ended the employment by a vaststellingsovereenkomst (termination by agreement). */
    VASTSTELLINGSOVEREENKOMST("vaststellingsovereenkomst", "Vaststellingsovereenkomst"),
    /** The case's process ended without recording why (deleted in Cockpit). */
    BEEINDIGD("beeindigd", "Beëindigd zonder reden");

    private final String key;
    private final String label;

    EndReason(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The value models and stored data hold ({@code afsluitreden}, {@code closed_reason}). */
    public String key() {
        return key;
    }

    /** How people read it (the case screen, the re-integratieverslag, the dashboard). */
    public String label() {
        return label;
    }

    /** The reason with this key, if it is one. */
    public static Optional<EndReason> of(Object key) {
        return Arrays.stream(values()).filter(reason -> reason.key.equals(key)).findFirst();
    }

    /**
     * The reason with this key; a model that closes a case with any other value fails (an incident), so no value
     * the dashboard and the verslag cannot group by is ever stored.
     */
    public static EndReason require(String key) {
        return of(key).orElseThrow(() -> new IllegalArgumentException("unknown end reason '" + key + "'; one of "
                + Arrays.stream(values()).map(EndReason::key).toList()));
    }

    /** The employment ended, so the case ended with the contract (the handover to UWV is in the dossier). */
    public boolean endsEmployment() {
        return this == ZIEK_UIT_DIENST || this == VASTSTELLINGSOVEREENKOMST;
    }
}
