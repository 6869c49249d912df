package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The opbouw in own work's refusals as the case screen shows them at their fields: in Dutch, with Dutch dates. */
class OpbouwRulesInDutchTest {

    @Test
    void scheduleRefusalsSpeakDutch() {
        assertThat(DutchProblems.rule("must not be after the end of the waiting period 2028-01-03"))
                .isEqualTo("mag niet na het einde van de wachttijd (03-01-2028) liggen");
        assertThat(DutchProblems.rule("leaves a gap: must be the day after periods[0].to, 2026-03-19 (periods follow"
                + " each other without gaps or overlaps)")).isEqualTo("moet de dag na het einde van de vorige periode"
                + " zijn (19-03-2026): de perioden sluiten zonder gat of overlap op elkaar aan");
        assertThat(DutchProblems.rule("must be from 0 to 38 (the contract hours per week)"))
                .isEqualTo("moet 0 tot en met 38 uur zijn (de contracturen per week)");
        assertThat(DutchProblems.rule("must be after periods[2].from (2026-03-31)"))
                .isEqualTo("moet na de eerste dag van de periode (31-03-2026) liggen");
    }

    @Test
    void askedForDutchEachViolationsRuleIsDutchAtItsField() {
        Problem english = Problem.invalid(java.util.List.of(new Violation("periods[1].to",
                "must not be after the end of the waiting period 2028-01-03")));

        Problem dutch = DutchProblems.forLanguage(english, "nl-NL,nl;q=0.9");

        assertThat(dutch.violations()).containsExactly(new Violation("periods[1].to",
                "mag niet na het einde van de wachttijd (03-01-2028) liggen"));
        assertThat(dutch.body()).containsEntry("field", "periods[1].to")
                .containsEntry("rule", "mag niet na het einde van de wachttijd (03-01-2028) liggen");
        assertThat(DutchProblems.forLanguage(english, "en")).isEqualTo(english);
    }

    @Test
    void hoursAndChangeRefusalsSpeakDutch() {
        assertThat(DutchProblems.rule("must lie within the opbouwschema, 2026-03-05 to 2026-04-29"))
                .isEqualTo("moet binnen het opbouwschema liggen (05-03-2026 t/m 29-04-2026)");
        assertThat(DutchProblems.rule("must not be a week that has not started (today is 2026-03-05)"))
                .isEqualTo("mag geen week zijn die nog niet is begonnen (vandaag is 05-03-2026)");
        assertThat(DutchProblems.rule("must be 10 to 4000 characters, in functional terms (no diagnosis, symptoms or"
                + " treatment)")).startsWith("moet 10 tot 4000 tekens lang zijn");
        assertThat(DutchProblems.rule("the bedrijfsarts reports a changed belastbaarheid only; the werkgever reports"
                + " changes of the organisation and vacancies")).startsWith("de bedrijfsarts meldt alleen");
    }
}
