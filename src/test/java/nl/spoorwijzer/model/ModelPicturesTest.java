package nl.spoorwijzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pictures of the models in processes/ (shown in the README) are rendered from the models as committed:
 * {@code .ci/render-models} writes into each picture the SHA-256 of the model it shows (a PNG tEXt chunk). A model
 * changed without rendering again fails here — a deterministic check, although rendering itself is not.
 */
class ModelPicturesTest {

    /** The tEXt keyword that .ci/render/render-bpmn.mjs writes: "&lt;sha-256&gt; &lt;model file&gt;". */
    private static final String KEYWORD = "spoorwijzer-model-sha256";

    static List<Path> bpmnFiles() {
        return ModelFiles.in("processes", ".bpmn");
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyPictureShowsTheCommittedModel(Path model) throws IOException {
        String shows = sha256(model) + " " + model.getFileName();
        for (String picture : pictures(model)) {
            Path file = model.resolveSibling(picture);
            assertThat(file).as("%s is missing: run .ci/render-models and commit processes/", picture).exists();
            assertThat(recordedText(file)).as("%s is stale: run .ci/render-models and commit processes/", picture)
                    .isEqualTo(shows);
        }
    }

    @Test
    void everyPictureInProcessesShowsAModel() {
        List<String> expected = bpmnFiles().stream().flatMap(model -> pictures(model).stream()).toList();
        assertThat(ModelFiles.in("processes", ".png")).extracting(file -> file.getFileName().toString())
                .as("pictures of removed models or subprocesses: run .ci/render-models and delete them")
                .allMatch(expected::contains);
    }

    /** The top level, and each collapsed subprocess that Cockpit and Modeler drill into. */
    private static List<String> pictures(Path model) {
        String base = model.getFileName().toString().replaceFirst("\\.bpmn$", "");
        List<String> pictures = new ArrayList<>(List.of(base + ".png"));
        Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(BpmnShape.class).stream()
                .filter(shape -> "false".equals(shape.getAttributeValue("isExpanded")))
                .forEach(shape -> pictures.add(base + "-" + shape.getBpmnElement().getId() + ".png"));
        return pictures;
    }

    /** The text of the picture's tEXt chunk with {@link #KEYWORD}, or null (PNG: signature, then chunks). */
    private static String recordedText(Path png) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(png));
        for (int at = 8; at + 8 <= bytes.limit(); ) {
            int length = bytes.getInt(at);
            String type = new String(bytes.array(), at + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("tEXt")) {
                String text = new String(bytes.array(), at + 8, length, StandardCharsets.ISO_8859_1);
                int separator = text.indexOf('\0');
                if (text.substring(0, separator).equals(KEYWORD)) {
                    return text.substring(separator + 1);
                }
            }
            if (type.equals("IEND")) {
                break;
            }
            at += 12 + length;
        }
        return null;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
