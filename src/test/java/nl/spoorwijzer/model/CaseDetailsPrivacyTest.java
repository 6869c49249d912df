package nl.spoorwijzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import nl.spoorwijzer.casedetails.Art6Part;
import nl.spoorwijzer.casedetails.DetailField;
import org.junit.jupiter.api.Test;

/**
 * The case details (art. 6 lid 1 a-d) keep {@link PrivacyByDesignTest}'s rule: no field asks for medical details, and
 * every free text a form shows for them warns against them.
 */
class CaseDetailsPrivacyTest {

    @Test
    void noDetailFieldAsksForMedicalDetails() {
        for (DetailField field : DetailField.values()) {
            String text = (field.path() + " " + field.formLabel()).toLowerCase(Locale.ROOT);
            assertThat(PrivacyByDesignTest.MEDICAL.matcher(text).find()).as("%s mentions medical details", field)
                    .isFalse();
        }
        for (Art6Part part : Art6Part.values()) {
            assertThat(PrivacyByDesignTest.MEDICAL.matcher(part.title().toLowerCase(Locale.ROOT)).find()).isFalse();
        }
    }

    @Test
    void everyFreeTextDetailWarnsAgainstMedicalDetails() {
        assertThat(Arrays.stream(DetailField.values()).filter(field -> field.kind() == DetailField.Kind.FREE_TEXT))
                .isNotEmpty()
                .allSatisfy(field -> assertThat(field.formLabel()).containsPattern(
                        PrivacyByDesignTest.EMPLOYER_SIDE_FREE_TEXT));
    }
}
