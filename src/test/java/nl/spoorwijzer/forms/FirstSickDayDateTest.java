package nl.spoorwijzer.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.spoorwijzer.system.Violation;
import org.junit.jupiter.api.Test;

/**
 * A date the form marks as a date of the case ({@code properties.nietVoorEersteZiektedag}) cannot lie before the
 * first sick day: "03/12/2026" read as 12 March instead of 3 December would otherwise count a deadline as met.
 */
class FirstSickDayDateTest {

    private static final FormSchema FORM = new FormSchemaParser().parse("""
            {"id": "ziekmelding-doorgeven", "components": [
              {"key": "meldingBedrijfsartsDatum", "type": "datetime", "subtype": "date",
               "properties": {"nietVoorEersteZiektedag": "true"}, "validate": {"required": true}},
              {"key": "gesprekDatum", "type": "datetime", "subtype": "date"}]}""");
    private static final Map<String, Object> CASE = Map.of("eersteZiektedag", "2026-12-01");
    private final SubmissionValidator validator = new SubmissionValidator();

    @Test
    void aMarkedDateBeforeTheFirstSickDayIsRefused() {
        assertThat(FORM.readsCurrentValues()).isTrue();
        assertThatThrownBy(() -> validator.validate(FORM, Map.of("meldingBedrijfsartsDatum", "2026-03-12"), CASE,
                name -> false))
                .isInstanceOf(InvalidSubmissionException.class)
                .satisfies(e -> assertThat(((InvalidSubmissionException) e).violations()).containsExactly(new Violation(
                        "meldingBedrijfsartsDatum", "must not be before the first sick day (2026-12-01)")));
    }

    @Test
    void theFirstSickDayItselfAndLaterDatesAreAccepted() {
        assertThat(validator.validate(FORM, Map.of("meldingBedrijfsartsDatum", "2026-12-01"), CASE, name -> false))
                .containsEntry("meldingBedrijfsartsDatum", "2026-12-01");
        assertThat(validator.validate(FORM, Map.of("meldingBedrijfsartsDatum", "2026-12-03"), CASE, name -> false))
                .containsEntry("meldingBedrijfsartsDatum", "2026-12-03");
    }

    @Test
    void anUnmarkedDateMayLieBeforeIt() {
        assertThat(validator.validate(FORM, Map.of("meldingBedrijfsartsDatum", "2026-12-02",
                "gesprekDatum", "2026-11-20"), CASE, name -> false)).containsEntry("gesprekDatum", "2026-11-20");
    }
}
