package nl.spoorwijzer.migration;

import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** What the procesbeheerder calls an activity of a model: its Dutch name, else its id. */
final class ModelElements {

    private ModelElements() {
    }

    static boolean isFlowNode(BpmnModelInstance model, String id) {
        return id != null && model.getModelElementById(id) instanceof FlowNode;
    }

    /** An event that waits (a timer, a message): its trigger is updated to the target version's definition. */
    static boolean isWaitingEvent(BpmnModelInstance model, String id) {
        ModelElementInstance element = model.getModelElementById(id);
        return element instanceof BoundaryEvent || element instanceof CatchEvent catchEvent
                && !catchEvent.getEventDefinitions().isEmpty();
    }

    /** A timer that counts from the moment it starts (duration, cycle): updating its trigger would restart it. */
    static boolean hasRelativeTimer(BpmnModelInstance model, String id) {
        return model.getModelElementById(id) instanceof CatchEvent catchEvent && catchEvent.getEventDefinitions()
                .stream().anyMatch(definition -> definition instanceof TimerEventDefinition timer
                        && (timer.getTimeDuration() != null || timer.getTimeCycle() != null));
    }

    /** The element's {@code camunda:property} values among {@code names} (absent ones left out). */
    static Map<String, String> properties(BpmnModelInstance model, String id, Iterable<String> names) {
        Map<String, String> values = new TreeMap<>();
        if (!(model.getModelElementById(id) instanceof FlowElement element) || element.getExtensionElements() == null) {
            return values;
        }
        for (CamundaProperties properties : element.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).list()) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                for (String name : names) {
                    if (name.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
                        values.put(name, property.getCamundaValue());
                    }
                }
            }
        }
        return values;
    }

    static String label(BpmnModelInstance model, String id) {
        ModelElementInstance element = id == null ? null : model.getModelElementById(id);
        if (element instanceof FlowElement flowElement && flowElement.getName() != null
                && !flowElement.getName().isBlank()) {
            return "'" + flowElement.getName().replaceAll("\\s+", " ").trim() + "' (" + id + ")";
        }
        return "'" + id + "'";
    }
}
