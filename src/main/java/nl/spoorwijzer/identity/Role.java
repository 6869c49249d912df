package nl.spoorwijzer.identity;

/** The parties of a case, each a Camunda group (DESIGN.md §5). Task candidate groups use these ids. */
public enum Role {
    WERKGEVER("werkgever", "Werkgever"),
    WERKNEMER("werknemer", "Werknemer"),
    BEDRIJFSARTS("bedrijfsarts", "Bedrijfsarts"),
    ARBEIDSDESKUNDIGE("arbeidsdeskundige", "Arbeidsdeskundige"),
    RE_INTEGRATIEBUREAU("re-integratiebureau", "Re-integratiebureau"),
    PROCESBEHEERDER("procesbeheerder", "Procesbeheerder"),
    MANAGEMENT("management", "Management");

    private final String groupId;
    private final String label;

    Role(String groupId, String label) {
        this.groupId = groupId;
        this.label = label;
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
