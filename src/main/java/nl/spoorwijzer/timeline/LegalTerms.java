package nl.spoorwijzer.timeline;

/**
 * The fixed numbers of the law that the platform counts with, each with its source. Numbers on which sources
 * disagree or that depend on a contract are settings ({@link TimelineSettings}, the [VERIFY] items of
 * shared/domain/poortwachter.md §2.1), not constants.
 */
public final class LegalTerms {

    /** Wachttijd = loondoorbetaling: 104 weeks from the first sick day (BW 7:629 lid 1, WIA art. 23 lid 1). */
    public static final int WAITING_PERIOD_WEEKS = 104;
    /** The waiting period in days; its last day is sick day 728 (domain reference §0, CRvB example). */
    public static final int WAITING_PERIOD_DAYS = WAITING_PERIOD_WEEKS * 7;
    /**
     * Samentelling: sickness periods separated by less than 4 weeks (28 days) of recovery are one period; a recovery
     * of 28 days or more starts a new one (BW 7:629 lid 10).
     */
    public static final int NEW_PERIOD_GAP_DAYS = 28;
    /**
     * Probleemanalyse: the bedrijfsarts' opinion within 6 weeks after the first sick day when long absence threatens
     * (Regeling procesgang eerste en tweede ziektejaar art. 2 lid 2).
     */
    public static final int PROBLEEMANALYSE_DAY = 42;
    /**
     * Plan van aanpak within 2 weeks after the bedrijfsarts' opinion (Regeling procesgang art. 4 lid 1); counted
     * in sick days, so a recovery gap does not use up the two weeks.
     */
    public static final int PLAN_VAN_AANPAK_DAYS_AFTER_PROBLEEMANALYSE = 14;
    /** ... so at the latest by the end of week 8: 6 weeks (art. 2 lid 2) plus 2 weeks (art. 4 lid 1). */
    public static final int PLAN_VAN_AANPAK_DAY = PROBLEEMANALYSE_DAY + PLAN_VAN_AANPAK_DAYS_AFTER_PROBLEEMANALYSE;
    /** 42e-weeksmelding: on the first day after week 42 (Ziektewet art. 38 lid 1). */
    public static final int ZIEKMELDING_UWV_DAY = 42 * 7 + 1;
    /** A voluntary extension of wage payment (VVL) is at least 13 weeks (WIA art. 24 lid 1). */
    public static final int MIN_VVL_WEEKS = 13;
    /** A loonsanctie extends the waiting period by at least 1 week ... (WIA art. 25 lid 9). */
    public static final int MIN_SANCTION_WEEKS = 1;
    /** ... and at most 52 weeks, so to week 156 at the latest (WIA art. 25 lid 9). */
    public static final int MAX_SANCTION_WEEKS = 52;
    /**
     * When UWV grants a bekortingsverzoek, the loonsanctie ends 6 weeks after that decision (WIA art. 25 lid 12-15;
     * domain reference §2.2).
     */
    public static final int BEKORTING_WEEKS = 6;

    private LegalTerms() {
    }
}
