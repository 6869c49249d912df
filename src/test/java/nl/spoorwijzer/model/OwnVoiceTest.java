package nl.spoorwijzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Own voice (issue 23, point 3): each party writes its own view in its own task. The employee's view is asked only in
 * tasks assigned to the employee ({@code ${werknemerId}}); no form of a group task (werkgever, bedrijfsarts, bureau
 * …) has a field in which someone else types it. The werkgever's view is asked only in the werkgever's tasks.
 */
class OwnVoiceTest {

    static final String EMPLOYEE = "${werknemerId}";
    /** A field for the employee's view: by key (visieWerknemer…) or by label ("Uw visie …", "visie van de werknemer"). */
    static final Pattern EMPLOYEE_VIEW = Pattern.compile(
            "^visiewerknemer|^uw (eigen )?visie|visie van de werknemer|mening van de werknemer|oordeel van de werknemer");
    static final Pattern EMPLOYER_VIEW = Pattern.compile("^visiewerkgever|visie van de werkgever");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Form id to the roles of the tasks that use it: "werknemer" for the assigned employee, else the groups. */
    private static Map<String, List<String>> rolesByForm() {
        Map<String, List<String>> roles = new TreeMap<>();
        for (Path file : ModelFiles.in("processes", ".bpmn")) {
            for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                String role = EMPLOYEE.equals(task.getCamundaAssignee()) ? "werknemer"
                        : task.getCamundaCandidateGroups();
                roles.computeIfAbsent(task.getCamundaFormRef(), form -> new ArrayList<>()).add(role);
            }
        }
        return roles;
    }

    private static List<String> fieldTexts(Path form) throws IOException {
        List<String> texts = new ArrayList<>();
        collect(JSON.readTree(form.toFile()), texts);
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                texts.add(component.path("key").asText().toLowerCase(Locale.ROOT));
                texts.add(component.path("label").asText().toLowerCase(Locale.ROOT));
            }
            collect(component, texts);
        }
    }

    @Test
    void theEmployeesViewIsAskedOnlyInTheEmployeesOwnTasks() throws IOException {
        Map<String, List<String>> roles = rolesByForm();
        List<String> employeeViewForms = new ArrayList<>();
        for (Path form : ModelFiles.in("forms", ".form")) {
            String id = form.getFileName().toString().replace(".form", "");
            if (fieldTexts(form).stream().anyMatch(text -> EMPLOYEE_VIEW.matcher(text).find())) {
                employeeViewForms.add(id);
                assertThat(roles.get(id)).as("tasks with form %s, which asks for the employee's own view", id)
                        .isNotEmpty().containsOnly("werknemer");
            }
        }
        assertThat(employeeViewForms).as("the employee's own view: plan, revisions, evaluations, EJE, RIV")
                .contains("plan-van-aanpak-beoordelen", "bijgesteld-plan-beoordelen", "evaluatie-visie-geven",
                        "eerstejaarsevaluatie-visie-geven", "eindevaluatie-visie-geven",
                        "visie-op-re-integratie-geven");
    }

    @Test
    void theWerkgeversViewIsAskedOnlyInTheWerkgeversTasks() throws IOException {
        Map<String, List<String>> roles = rolesByForm();
        List<String> employerViewForms = new ArrayList<>();
        for (Path form : ModelFiles.in("forms", ".form")) {
            String id = form.getFileName().toString().replace(".form", "");
            if (fieldTexts(form).stream().anyMatch(text -> EMPLOYER_VIEW.matcher(text).find())) {
                employerViewForms.add(id);
                assertThat(roles.get(id)).as("tasks with form %s, which asks for the werkgever's view", id)
                        .isNotEmpty().containsOnly("werkgever");
            }
        }
        assertThat(employerViewForms).contains("plan-van-aanpak-opstellen", "eerstejaarsevaluatie-houden",
                "eindevaluatie-houden");
    }
}
