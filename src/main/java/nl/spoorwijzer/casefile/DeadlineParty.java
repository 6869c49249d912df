package nl.spoorwijzer.casefile;

import nl.spoorwijzer.identity.Role;

/** The party that must take a legal step: the employer, its arbodienst (bedrijfsarts, AD), the bureau, the employee. */
public enum DeadlineParty {
    WERKGEVER("werkgever", "Werkgever"),
    ARBODIENST("arbodienst", "Arbodienst"),
    BUREAU("bureau", "Re-integratiebureau"),
    WERKNEMER("werknemer", "Werknemer");

    private final String key;
    private final String label;

    DeadlineParty(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    /** The Dutch name shown to users. */
    public String label() {
        return label;
    }

    /** The party a role acts for. */
    public static DeadlineParty of(Role role) {
        return switch (role) {
            case BEDRIJFSARTS, ARBEIDSDESKUNDIGE -> ARBODIENST;
            case RE_INTEGRATIEBUREAU -> BUREAU;
            case WERKNEMER -> WERKNEMER;
            default -> WERKGEVER;
        };
    }

    public static DeadlineParty fromKey(String key) {
        for (DeadlineParty party : values()) {
            if (party.key.equals(key)) {
                return party;
            }
        }
        throw new IllegalArgumentException("Unknown party: " + key);
    }
}
