package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Whether a legal date moves when it falls on a Saturday, Sunday or algemeen erkende feestdag, and why.
 *
 * <p>The Algemene termijnenwet (BWBR0002448) extends a term set in a wet (art. 1 lid 1) or an AMvB (art. 5) that
 * ends on such a day to the next working day, but not a term counted back from a moment (art. 1 lid 2) nor a term
 * of more than 12 weeks or 90 days (art. 4 onder a). Every Poortwachter date counted from the first sick day is
 * such a long term, or comes from a ministerial regulation or from policy, so the platform moves a date only where
 * its own rule says "working day": the 42e-weeksmelding. The texts are Dutch: case handlers read them.
 */
public enum DateRule {

    /**
     * The 42e-weeksmelding: Ziektewet art. 38 lid 1 asks for it "uiterlijk op de eerste dag nadat de ongeschiktheid
     * 42 weken heeft geduurd"; UWV and the domain reference (§2.1a) read that as the first working day, so the
     * platform does too, with the holidays of Atw art. 3 (art. 4 itself would exclude a 42-week term).
     */
    NEXT_WORKING_DAY("next-working-day", true,
            "aangifte uiterlijk op de eerste dag na 42 weken ongeschiktheid (Ziektewet art. 38 lid 1), door het"
                    + " platform gelezen als de eerste werkdag: geen zaterdag, zondag of algemeen erkende feestdag"
                    + " (Algemene termijnenwet art. 3)"),
    /** Day 7 (arbo contract) and the start of spoor 2 (Werkwijzer Poortwachter): no term of a wet or AMvB. */
    NO_STATUTORY_TERM("no-statutory-term", false,
            "niet verschoven: de termijn komt uit het arbocontract of uit beleid (Werkwijzer Poortwachter), niet uit"
                    + " een wet of AMvB, dus geldt de Algemene termijnenwet niet (art. 1 en 5)"),
    /**
     * Probleemanalyse (art. 2) and plan van aanpak (art. 4) of the Regeling procesgang eerste en tweede ziektejaar:
     * a ministerial regulation, to which Atw art. 1 and 5 (wet, AMvB) do not reach [VERIFY with a lawyer].
     */
    MINISTERIAL_REGULATION("ministerial-regulation", false,
            "niet verschoven: de termijn komt uit de Regeling procesgang eerste en tweede ziektejaar, een"
                    + " ministeriële regeling; de Algemene termijnenwet geldt voor termijnen uit een wet of AMvB"
                    + " (art. 1 en 5)"),
    /** Eerstejaarsevaluatie (52 weeks) and the end of the waiting period (104 weeks and extensions). */
    LONGER_THAN_TWELVE_WEEKS("longer-than-12-weeks", false,
            "niet verschoven: een termijn van meer dan 12 weken of 90 dagen, waarvoor de Algemene termijnenwet niet"
                    + " geldt (art. 4 onder a)"),
    /** Deskundigenoordeel, eindevaluatie and WIA application: counted back from the end of the waiting period. */
    COUNTED_BACK("counted-back", false,
            "niet verschoven: de termijn is teruggerekend vanaf het einde van de wachttijd of de WIA-aanvraag"
                    + " (Algemene termijnenwet art. 1 lid 2)");

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", DUTCH);

    private final String code;
    private final boolean movesToWorkingDay;
    private final String rule;

    DateRule(String code, boolean movesToWorkingDay, String rule) {
        this.code = code;
        this.movesToWorkingDay = movesToWorkingDay;
        this.rule = rule;
    }

    /** The rule of each milestone. */
    public static DateRule of(MilestoneKey key) {
        return switch (key) {
            case ZIEKMELDING_UWV -> NEXT_WORKING_DAY;
            case ZIEKMELDING_BEDRIJFSARTS, SPOOR_2_START -> NO_STATUTORY_TERM;
            case PROBLEEMANALYSE, PLAN_VAN_AANPAK -> MINISTERIAL_REGULATION;
            case EERSTEJAARSEVALUATIE, EINDE_WACHTTIJD -> LONGER_THAN_TWELVE_WEEKS;
            case DESKUNDIGENOORDEEL_INSPANNINGEN, EINDEVALUATIE, WIA_AANVRAAG -> COUNTED_BACK;
        };
    }

    /** A stable kebab-case identifier for APIs, e.g. {@code "next-working-day"}. */
    public String code() {
        return code;
    }

    /** Whether a date under this rule moves past Saturdays, Sundays and algemeen erkende feestdagen. */
    public boolean movesToWorkingDay() {
        return movesToWorkingDay;
    }

    /** The rule in Dutch, for a date that did not have to move (or never moves). */
    public String explanation() {
        return movesToWorkingDay ? "Niet verschoven: valt op een werkdag; " + rule + "." : capitalize(rule) + ".";
    }

    /**
     * The rule in Dutch for a date that moved.
     *
     * @param from the date before moving
     * @param why  why {@code from} is no working day, e.g. "Tweede Paasdag" or "zaterdag"
     * @param to   the working day it moved to
     */
    public String explanationOfMove(LocalDate from, String why, LocalDate to) {
        String reason = why.equals(from.getDayOfWeek().getDisplayName(TextStyle.FULL, DUTCH)) ? "" : " (" + why + ")";
        return "Verschoven van " + DUTCH_DATE.format(from) + reason + " naar " + DUTCH_DATE.format(to)
                + ", de eerstvolgende werkdag; " + rule + ".";
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
