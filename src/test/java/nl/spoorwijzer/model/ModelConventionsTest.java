package nl.spoorwijzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The modelling conventions of DESIGN.md §4, checked on every model in processes/: Dutch names on every element,
 * readable ids, a diagram shape for every element, historyTimeToLive and versionTag, and for every user task a role
 * and a Camunda Form that exists in forms/.
 */
class ModelConventionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> bpmnFiles() {
        return ModelFiles.in("processes", ".bpmn").stream();
    }

    static Stream<Path> dmnFiles() {
        return ModelFiles.in("processes", ".dmn").stream();
    }

    private static Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path form : ModelFiles.in("forms", ".form")) {
            String id = JSON.readTree(form.toFile()).path("id").asText();
            assertThat(form.getFileName().toString()).as("form file name = form id").isEqualTo(id + ".form");
            ids.add(id);
        }
        return ids;
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyProcessHasHistoryTimeToLiveAndVersionTagAndItsFileNameIsItsId(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        assertThat(processes).hasSize(1);
        Process process = processes.iterator().next();
        assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(process.getCamundaVersionTag()).isNotBlank();
        assertThat(process.isExecutable()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyFlowNodeIsNamedHasAReadableIdAndIsDrawn(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> drawn = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
            assertThat(node.getId()).as("readable id").matches("[a-z][A-Za-z0-9]*")
                    .doesNotMatch(".*_[0-9a-z]{6,}");
            assertThat(drawn).as("diagram shape for %s", node.getId()).contains(node.getId());
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyUserTaskHasARoleAndAnExistingCamundaForm(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> forms = formIds();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null)
                    .as("candidate group or assignee on %s", task.getId()).isTrue();
            assertThat(task.getCamundaFormRef()).as("formRef of %s", task.getId()).isIn(forms);
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty()
                    && start.getCamundaFormRef() != null) {
                assertThat(start.getCamundaFormRef()).isIn(forms);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dmnFiles")
    void everyDecisionHasHistoryTimeToLiveAndVersionTagAndItsFileNameIsItsId(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
        assertThat(decisions).hasSize(1);
        assertThat(file.getFileName().toString()).isEqualTo(decisions.get(0).getId() + ".dmn");
        assertThat(decisions.get(0).getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(decisions.get(0).getVersionTag()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void legalDeadlineTasksCarryTheirDueDateAndAMissedDeadlineTimer(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
            if (boundary.getId().endsWith("TermijnVerstreken")) {
                UserTask task = (UserTask) boundary.getAttachedTo();
                String timer = boundary.getEventDefinitions().iterator().next()
                        .getChildElementsByType(TimeDate.class)
                        .iterator().next().getTextContent();
                assertThat(boundary.cancelActivity()).as("missing a deadline does not cancel the task").isFalse();
                assertThat(timer).as("timer of %s fires at the task's due date", boundary.getId())
                        .isEqualTo(task.getCamundaDueDate());
            }
        }
    }
}
