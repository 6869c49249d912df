package nl.spoorwijzer.modelling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * An employer's own protocol as a process owner would make it in Modeler: today's poortwachter with a change, deployed
 * with its forms (and the protocol's own form) for one tenant.
 */
public final class ProtocolVariants {

    public static final String EMPLOYER = "acme-bouw";
    /** The protocol's extra step: the werkgever talks with the employee before the sick report goes on. */
    public static final String EXTRA_TASK = "intakegesprekVoeren";
    static final String EXTRA_FORM = "intakegesprek-voeren";
    static final String EXTRA_DUE_DATE = "${ziekmeldingBedrijfsartsDue}";

    private ProtocolVariants() {
    }

    /** Poortwachter with the extra werkgever task before the sick report to the bedrijfsarts. */
    public static byte[] withExtraTask() {
        return poortwachter(model -> {
            SubProcess spoor1 = (SubProcess) model.<FlowNode>getModelElementById("ziekmeldingDoorgeven")
                    .getParentElement();
            UserTask added = model.newInstance(UserTask.class);
            added.setId(EXTRA_TASK);
            added.setName("Intakegesprek voeren");
            added.setCamundaCandidateGroups("werkgever");
            added.setCamundaFormRef(EXTRA_FORM);
            added.setCamundaFormRefBinding("deployment");
            added.setCamundaDueDate(EXTRA_DUE_DATE);
            spoor1.addChildElement(added);
            SequenceFlow into = model.getModelElementById("spoor1GestartNaarZiekmeldingDoorgeven");
            into.setTarget(added);
            SequenceFlow onward = model.newInstance(SequenceFlow.class);
            onward.setId("intakegesprekVoerenNaarZiekmeldingDoorgeven");
            spoor1.addChildElement(onward);
            onward.setSource(added);
            onward.setTarget(model.getModelElementById("ziekmeldingDoorgeven"));
        });
    }

    /** Today's poortwachter with {@code change} applied. */
    static byte[] poortwachter(Consumer<BpmnModelInstance> change) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes/poortwachter.bpmn").toFile());
        change.accept(model);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Bpmn.writeModelToStream(bytes, model);
        return bytes.toByteArray();
    }

    /** The variant with every form of the platform and the protocol's own form, as one deployment. */
    public static Map<String, byte[]> deployment(byte[] poortwachter) {
        Map<String, byte[]> resources = new HashMap<>();
        resources.put("poortwachter.bpmn", poortwachter);
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                resources.put(form.getFileName().toString(), Files.readAllBytes(form));
            }
            resources.put(EXTRA_FORM + ".form", Files.readAllBytes(
                    Path.of("src/test/resources/protocol/" + EXTRA_FORM + ".form")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resources;
    }
}
