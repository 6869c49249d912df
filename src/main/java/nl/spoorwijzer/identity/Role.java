package nl.spoorwijzer.identity;

import java.util.Arrays;
import java.util.Optional;

/** The parties of a case, each a Camunda group (DESIGN.md §5). Task candidate groups use these ids. */
public enum Role {
    WERKGEVER("werkgever", "Werkgever", null),
    WERKNEMER("werknemer", "Werknemer", null),
    BEDRIJFSARTS("bedrijfsarts", "Bedrijfsarts", "arbodienst"),
    ARBEIDSDESKUNDIGE("arbeidsdeskundige", "Arbeidsdeskundige", "arbeidsdeskundigenpraktijk"),
    RE_INTEGRATIEBUREAU("re-integratiebureau", "Re-integratiebureau", "re-integratiebedrijf"),
    PROCESBEHEERDER("procesbeheerder", "Procesbeheerder", null),
    MANAGEMENT("management", "Management", null);

    private final String groupId;
    private final String label;
    private final String organisationType;

    Role(String groupId, String label, String organisationType) {
        this.groupId = groupId;
        this.label = label;
        this.organisationType = organisationType;
    }

    /** The role whose task candidate group is {@code groupId}, if any. */
    public static Optional<Role> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
    }

    /**
     * The Camunda group type of the organisations whose professionals act in this role (an arbodienst for the
     * bedrijfsarts), or null when the role is not served by an outside organisation.
     */
    public String organisationType() {
        return organisationType;
    }

    public String groupId() {
        return groupId;
    }

    public String label() {
        return label;
    }

    /** The roles that work cases in Tasklist. */
    public boolean worksTasks() {
        return this != PROCESBEHEERDER && this != MANAGEMENT;
    }
}
