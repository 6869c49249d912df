package nl.spoorwijzer.timeline;

/**
 * The legal milestones of a Poortwachter case, in chronological order of their default dates.
 */
public enum MilestoneKey {

    ZIEKMELDING_BEDRIJFSARTS("ziekmelding-bedrijfsarts", "Ziekmelding aan bedrijfsarts"),
    PROBLEEMANALYSE("probleemanalyse", "Probleemanalyse"),
    PLAN_VAN_AANPAK("plan-van-aanpak", "Plan van aanpak"),
    ZIEKMELDING_UWV("ziekmelding-uwv", "Ziekmelding bij UWV (42e week)"),
    EERSTEJAARSEVALUATIE("eerstejaarsevaluatie", "Eerstejaarsevaluatie"),
    SPOOR_2_START("spoor-2-start", "Uiterste start spoor 2"),
    DESKUNDIGENOORDEEL_INSPANNINGEN("deskundigenoordeel-inspanningen",
            "Uiterste aanvraag deskundigenoordeel re-integratie-inspanningen"),
    EINDEVALUATIE("eindevaluatie", "Eindevaluatie en actueel oordeel"),
    WIA_AANVRAAG("wia-aanvraag", "WIA-aanvraag en re-integratieverslag"),
    EINDE_WACHTTIJD("einde-wachttijd", "Einde wachttijd");

    private final String key;
    private final String label;

    MilestoneKey(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The kebab-case identifier used in APIs and process variables. */
    public String key() {
        return key;
    }

    /** The Dutch label shown to users. */
    public String label() {
        return label;
    }

    /**
     * Looks a milestone up by its kebab-case key.
     *
     * @throws IllegalArgumentException when no milestone has that key
     */
    public static MilestoneKey fromKey(String key) {
        for (MilestoneKey candidate : values()) {
            if (candidate.key.equals(key)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown milestone key: " + key);
    }
}
