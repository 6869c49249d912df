package nl.spoorwijzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Privacy by design (AVG, AP policy "De zieke werknemer"): no form or model asks for or stores diagnosis, symptoms
 * or treatment. The only place such words may appear is the standard warning not to enter them.
 */
class PrivacyByDesignTest {

    static final String WARNING = "Noteer geen medische gegevens: geen diagnose, klachten of behandeling.";
    static final Pattern MEDICAL = Pattern.compile(
            "diagnos|klacht|symptom|symptoom|medicat|medicijn|behandel|therapie|therapeut|ziektebeeld|aandoening"
                    + "|ziekte(naam|oorzaak)|specialist|ziekenhuis|operatie|fysio|psycholo");
    /** Free-text fields on the employer side must carry the warning; the bedrijfsarts's are functional only. */
    static final Pattern EMPLOYER_SIDE_FREE_TEXT = Pattern.compile("\\(geen medische gegevens\\)|\\(alleen functioneel\\)");

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> forms() {
        return ModelFiles.in("forms", ".form").stream();
    }

    private static List<JsonNode> components(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : node.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("forms")
    void noFormFieldAsksForMedicalDetails(Path form) throws IOException {
        for (JsonNode component : components(JSON.readTree(form.toFile()))) {
            String text = String.join(" ", component.path("key").asText(), component.path("label").asText(),
                    component.path("dateLabel").asText(), component.path("description").asText(),
                    component.path("text").asText(), component.path("values").toString())
                    .replace(WARNING, "").toLowerCase(Locale.ROOT);
            assertThat(MEDICAL.matcher(text).find())
                    .as("%s / %s mentions medical details: %s", form.getFileName(), component.path("id"), text)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyFreeTextFieldWarnsAgainstMedicalDetails(Path form) throws IOException {
        for (JsonNode component : components(JSON.readTree(form.toFile()))) {
            if (component.path("type").asText().equals("textarea")) {
                assertThat(component.path("label").asText())
                        .as("free-text field %s in %s", component.path("key"), form.getFileName())
                        .containsPattern(EMPLOYER_SIDE_FREE_TEXT);
                assertThat(component.path("description").asText()).contains(WARNING);
            }
        }
    }

    @Test
    void noModelAsksForOrStoresMedicalDetails() {
        for (Path model : Stream.concat(ModelFiles.in("processes", ".bpmn").stream(),
                ModelFiles.in("processes", ".dmn").stream()).toList()) {
            String text = ModelFiles.read(model).toLowerCase(Locale.ROOT);
            assertThat(MEDICAL.matcher(text).find()).as("%s mentions medical details", model.getFileName()).isFalse();
        }
    }

    @Test
    void theScanRecognisesMedicalWords() {
        assertThat(MEDICAL.matcher("diagnose").find()).isTrue();
        assertThat(MEDICAL.matcher("klachten van de rug").find()).isTrue();
        assertThat(MEDICAL.matcher("medicatiegebruik").find()).isTrue();
        assertThat(MEDICAL.matcher("behandeling bij de fysiotherapeut").find()).isTrue();
        assertThat(MEDICAL.matcher("functionele beperkingen en mogelijkheden").find()).isFalse();
    }
}
