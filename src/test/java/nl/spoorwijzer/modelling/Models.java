package nl.spoorwijzer.modelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Test models: the platform's own (processes/, forms/) and small ones written in a test. */
final class Models {

    /** A process owner's model that meets every rule: a user task with a role, a form and a due date. */
    static final String FORM = """
            {"id": "proef-formulier", "type": "default", "components": [
              {"key": "opmerking", "label": "Opmerking", "type": "textfield"}]}""";

    private Models() {
    }

    /** Every model and form of the platform, as the starter deploys them (one deployment). */
    static Map<String, byte[]> platformDeployment() {
        Map<String, byte[]> resources = new HashMap<>();
        for (String folder : new String[] {"processes", "forms"}) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    resources.put(folder + "/" + file.getFileName(), Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return resources;
    }

    /** A process {@code id} around the given flow elements, with historyTimeToLive and versionTag. */
    static String process(String id, String elements) {
        return process(id, "camunda:historyTimeToLive=\"P30D\" camunda:versionTag=\"1\"", elements);
    }

    static String process(String id, String processAttributes, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions" targetNamespace="t">
                  <bpmn:process id="%s" name="Proef" isExecutable="true" %s>
                %s
                  </bpmn:process>
                </bpmn:definitions>""".formatted(id, processAttributes, elements);
    }

    /** A start event, one user task that meets every rule, an end event. */
    static String validProcess(String id) {
        return process(id, """
                    <bpmn:startEvent id="start" name="Start"/>
                    <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="opmerkingMaken"/>
                    <bpmn:userTask id="opmerkingMaken" name="Opmerking maken" camunda:candidateGroups="werkgever"
                        camunda:formRef="proef-formulier" camunda:formRefBinding="deployment"/>
                    <bpmn:sequenceFlow id="toEnd" sourceRef="opmerkingMaken" targetRef="end"/>
                    <bpmn:endEvent id="end" name="Einde"/>""");
    }

    /** A process whose timer start event evaluates {@code expression} when it is deployed. */
    static String timerStart(String id, String expression) {
        return process(id, """
                    <bpmn:startEvent id="timerStart" name="Start">
                      <bpmn:timerEventDefinition id="timer">
                        <bpmn:timeDate>%s</bpmn:timeDate>
                      </bpmn:timerEventDefinition>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="toEnd" sourceRef="timerStart" targetRef="end"/>
                    <bpmn:endEvent id="end" name="Einde"/>""".formatted(expression));
    }

    /** A process that waits on an intermediate timer with {@code expression}. */
    static String intermediateTimer(String id, String expression) {
        return process(id, """
                    <bpmn:startEvent id="start" name="Start"/>
                    <bpmn:sequenceFlow id="toTimer" sourceRef="start" targetRef="wachten"/>
                    <bpmn:intermediateCatchEvent id="wachten" name="Wachten">
                      <bpmn:timerEventDefinition id="timer">
                        <bpmn:timeDate>%s</bpmn:timeDate>
                      </bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:sequenceFlow id="toEnd" sourceRef="wachten" targetRef="end"/>
                    <bpmn:endEvent id="end" name="Einde"/>""".formatted(expression));
    }

    /** A process with one service task that evaluates {@code expression}. */
    static String serviceExpression(String id, String expression) {
        return process(id, """
                    <bpmn:startEvent id="start" name="Start"/>
                    <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="berekenen"/>
                    <bpmn:serviceTask id="berekenen" name="Berekenen" camunda:expression="%s"/>
                    <bpmn:sequenceFlow id="toEnd" sourceRef="berekenen" targetRef="end"/>
                    <bpmn:endEvent id="end" name="Einde"/>""".formatted(expression));
    }

    /** The JUEL that runs a shell command: the exploit from issue 21. */
    static String exec(Path file) {
        return "${&quot;&quot;.getClass().forName(&quot;java.lang.Runtime&quot;).getMethod(&quot;getRuntime&quot;)"
                + ".invoke(null).exec(&quot;touch " + file + "&quot;)}";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
