package nl.spoorwijzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spoor 2 decision after the eerstejaarsevaluatie (domain reference §4.2, Werkwijzer Poortwachter): spoor 2
 * unless one of the three documented exceptions applies, each with its reason for the dossier.
 */
class Spoor2InzettenDecisionTest {

    /** End of the waiting period of the case in these examples. */
    static final String EINDE_WACHTTIJD = "2027-01-03";

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("processes/spoor-2-inzetten.dmn")) {
            decision = engine.parseDecision("spoor-2-inzetten", in);
        }
    }

    private static DmnDecisionResultEntries decide(boolean structureleTerugkeer, boolean marginaal, String aowDatum,
                                                   boolean partijenAkkoord) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("structureleTerugkeerBinnen3Maanden", structureleTerugkeer);
        variables.put("marginaleMogelijkheden", marginaal);
        variables.put("aowDatum", aowDatum);
        variables.put("partijenAkkoordGeenSpoor2", partijenAkkoord);
        variables.put("eindeWachttijdDatum", EINDE_WACHTTIJD);
        return engine.evaluateDecision(decision, variables).getSingleResult();
    }

    @Test
    void withoutAnExceptionSpoor2StartsWithinSixWeeks() {
        DmnDecisionResultEntries result = decide(false, false, null, false);

        assertThat(result.<Boolean>getEntry("spoor2Inzetten")).isTrue();
        assertThat(result.<String>getEntry("spoor2Uitzondering")).isEqualTo("geen");
    }

    @Test
    void concreteStructuralReturnWithinThreeMonthsIsAnException() {
        DmnDecisionResultEntries result = decide(true, false, null, false);

        assertThat(result.<Boolean>getEntry("spoor2Inzetten")).isFalse();
        assertThat(result.<String>getEntry("spoor2Uitzondering")).isEqualTo("structureleTerugkeer");
        assertThat(result.<String>getEntry("spoor2Reden")).contains("3 maanden");
    }

    @Test
    void lastingMarginalCapacityIsAnException() {
        assertThat(decide(false, true, null, false).<String>getEntry("spoor2Uitzondering"))
                .isEqualTo("marginaleMogelijkheden");
    }

    @Test
    void aowAgeWithinAYearAfterTheWaitingPeriodIsAnExceptionOnlyWhenBothPartiesAgree() {
        assertThat(decide(false, false, "2028-01-03", true).<String>getEntry("spoor2Uitzondering"))
                .as("exactly one year after the end of the waiting period").isEqualTo("aowLeeftijd");
        assertThat(decide(false, false, "2028-01-03", false).<Boolean>getEntry("spoor2Inzetten"))
                .as("without agreement").isTrue();
        assertThat(decide(false, false, "2028-01-04", true).<Boolean>getEntry("spoor2Inzetten"))
                .as("a day more than a year after the waiting period").isTrue();
        assertThat(decide(false, false, "", true).<Boolean>getEntry("spoor2Inzetten"))
                .as("no AOW date given").isTrue();
    }
}
