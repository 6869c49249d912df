package nl.spoorwijzer.report;

import java.util.Map;

/**
 * The parts of the re-integratieverslag (Regeling procesgang eerste en tweede ziektejaar, art. 6; domain reference
 * §5): which steps of the case produce each part, who writes it and which legal date it is due by. A required part
 * that is missing or late once its date has passed is what UWV sanctions administratively; the others are
 * attached when the case has them. A user task declares the part it produces in the model:
 * {@code <camunda:property name="rivOnderdeel" value="PROBLEEMANALYSE"/>}.
 */
enum RivPart {
    PROBLEEMANALYSE("Probleemanalyse en bijstellingen", "bedrijfsarts", true, "probleemanalyse"),
    PLAN_VAN_AANPAK("Plan van aanpak en bijstellingen", "werkgever en werknemer", true, "plan-van-aanpak"),
    EVALUATIES("Periodieke evaluaties", "werkgever en werknemer", true, null),
    ZIEKMELDING_UWV("42e-weeksmelding aan UWV", "werkgever", false, "ziekmelding-uwv"),
    EERSTEJAARSEVALUATIE("Eerstejaarsevaluatie", "werkgever en werknemer", true, "eerstejaarsevaluatie"),
    ARBEIDSDESKUNDIG_RAPPORT("Arbeidsdeskundig rapport", "arbeidsdeskundige", false, null),
    SPOOR_2("Spoor 2: rapportages van het re-integratiebureau", "re-integratiebureau", false, null),
    DESKUNDIGENOORDEEL("Deskundigenoordeel van UWV", "UWV", false, null),
    ACTUEEL_OORDEEL("Actueel oordeel van de bedrijfsarts", "bedrijfsarts", true, "eindevaluatie"),
    EINDEVALUATIE("Eindevaluatie plan van aanpak", "werkgever en werknemer", true, "eindevaluatie"),
    VISIE_WERKNEMER("Visie van de werknemer op de re-integratie", "werknemer", true, "wia-aanvraag");

    private final String title;
    private final String author;
    private final boolean required;
    private final String milestone;

    /** The {@code camunda:property} on a user task that names the part of the RIV it produces. */
    static final String MODEL_PROPERTY = "rivOnderdeel";

    RivPart(String title, String author, boolean required, String milestone) {
        this.title = title;
        this.author = author;
        this.required = required;
        this.milestone = milestone;
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

    /** Whether the task produces this part, by the models' declarations (task id to {@value #MODEL_PROPERTY}). */
    boolean producedBy(String taskKey, Map<String, String> declaredParts) {
        return name().equals(declaredParts.get(taskKey));
    }
}
