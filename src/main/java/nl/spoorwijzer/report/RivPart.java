package nl.spoorwijzer.report;

import java.util.Set;

/**
 * The parts of the re-integratieverslag (Regeling procesgang eerste en tweede ziektejaar, art. 6; domain reference
 * §5): which steps of the case produce each part, who writes it and which legal date it is due by. A required part
 * that is missing or late once its date has passed is what UWV sanctions administratively; the others are
 * attached when the case has them.
 */
enum RivPart {
    PROBLEEMANALYSE("Probleemanalyse en bijstellingen", "bedrijfsarts", true, "probleemanalyse",
            Set.of("probleemanalyseOpstellen", "probleemanalyseBijstellen")),
    PLAN_VAN_AANPAK("Plan van aanpak en bijstellingen", "werkgever en werknemer", true, "plan-van-aanpak",
            Set.of("planVanAanpakOpstellen", "planVanAanpakBeoordelen", "planVanAanpakBijstellen",
                    "planBijstellenNaSpoor2")),
    EVALUATIES("Periodieke evaluaties", "werkgever en werknemer", true, null, Set.of("voortgangEvalueren")),
    ZIEKMELDING_UWV("42e-weeksmelding aan UWV", "werkgever", false, "ziekmelding-uwv", Set.of("ziekmeldingUwvDoen")),
    EERSTEJAARSEVALUATIE("Eerstejaarsevaluatie", "werkgever en werknemer", true, "eerstejaarsevaluatie",
            Set.of("eerstejaarsevaluatieHouden")),
    ARBEIDSDESKUNDIG_RAPPORT("Arbeidsdeskundig rapport", "arbeidsdeskundige", false, null,
            Set.of("arbeidsdeskundigRapportOpstellen")),
    SPOOR_2("Spoor 2: rapportages van het re-integratiebureau", "re-integratiebureau", false, null,
            Set.of("intakeEnOrientatie", "zoekprofielOpstellen", "planSpoor2Opstellen",
                    "voortgangsrapportageOpstellen", "eindrapportageOpstellen", "eindrapportageBijEindeWachttijd")),
    DESKUNDIGENOORDEEL("Deskundigenoordeel van UWV", "UWV", false, null,
            Set.of("deskundigenoordeelVerwerken", "deskundigenoordeelSpoor2Verwerken")),
    ACTUEEL_OORDEEL("Actueel oordeel van de bedrijfsarts", "bedrijfsarts", true, "eindevaluatie",
            Set.of("actueelOordeelOpstellen")),
    EINDEVALUATIE("Eindevaluatie plan van aanpak", "werkgever en werknemer", true, "eindevaluatie",
            Set.of("eindevaluatieHouden")),
    VISIE_WERKNEMER("Visie van de werknemer op de re-integratie", "werknemer", true, "wia-aanvraag",
            Set.of("visieOpReintegratieGeven"));

    private final String title;
    private final String author;
    private final boolean required;
    private final String milestone;
    private final Set<String> tasks;

    RivPart(String title, String author, boolean required, String milestone, Set<String> tasks) {
        this.title = title;
        this.author = author;
        this.required = required;
        this.milestone = milestone;
        this.tasks = tasks;
    }

    String title() {
        return title;
    }

    String author() {
        return author;
    }

    /** Part of the RIV by law (Regeling art. 6); otherwise attached when present. */
    boolean required() {
        return required;
    }

    /** The timeline key of the legal date this part is due by, or null. */
    String milestone() {
        return milestone;
    }

    boolean producedBy(String taskKey) {
        return tasks.contains(taskKey);
    }
}
