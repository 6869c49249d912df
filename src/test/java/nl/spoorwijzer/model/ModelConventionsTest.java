package nl.spoorwijzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.process.CaseAction;
import nl.spoorwijzer.process.ProcessKeys;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The modelling conventions of DESIGN.md §4, checked on every model in processes/: Dutch names on every element,
 * readable ids, a diagram shape for every element, historyTimeToLive and versionTag, and for every user task a role
 * and a Camunda Form that exists in forms/. A user task declares its case phase and RIV part with
 * {@code camunda:properties} that name existing values, and every task with a legal due date has its miss watch.
 * Every form is a task's, a start event's or a case action's.
 */
class ModelConventionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a user task may declare about itself, with the values each declaration allows. */
    private static final Map<String, Set<String>> TASK_PROPERTIES = Map.of(
            CasePhase.MODEL_PROPERTY, names(CasePhase.class),
            "rivOnderdeel", names(enumClass("nl.spoorwijzer.report.RivPart")));

    /**
     * Tasks with a due date but no miss watch of their own, and why: each one's deadline is watched on the task
     * whose missed deadline UWV would sanction.
     */
    private static final Map<String, String> WITHOUT_MISS_WATCH = Map.ofEntries(
            Map.entry("planVanAanpakBeoordelen", "the plan's deadline (week 8) is watched on planVanAanpakOpstellen"),
            Map.entry("eerstejaarsevaluatieVisieGeven", "the employee's view on the eerstejaarsevaluatie, whose"
                    + " deadline is watched on eerstejaarsevaluatieHouden; it starts only once the evaluation is held"),
            Map.entry("deskundigenoordeelInspanningenOverwegen", "an option of the parties, not a duty: the task ends"
                    + " by itself when the last day for the request has passed"),
            Map.entry("afwijkingTermijnBevestigen", "the werknemer's answer to a proposed deviation: without it by the"
                    + " current deadline the proposal lapses (interrupting timer) and the deadline stays"),
            Map.entry("eindrapportageBijEindeWachttijd", "due on the last day of the waiting period, when the case"
                    + " closes"),
            Map.entry("termijnOverschredenAfhandelen", "the escalation of a missed deadline, due on that deadline:"
                    + " late from the start, and no watch on a watch"),
            Map.entry("spoor2OpnieuwBeoordelen", "due on the re-examination date the platform set for an exception to"
                    + " spoor 2 (spoorwijzer.timeline.spoor2), not a legal deadline"),
            Map.entry("maatregelHerbeoordelen", "a review day the werkgever chose himself, not a legal deadline; the"
                    + " measure for non-cooperation stays in force until he reviews it"),
            // steps without a term in the law get one of practice (process/PracticeTerms), so none waits unseen
            Map.entry("spoor2UitvoerderKiezen", "a practice term: the werkgever chooses who runs spoor 2"),
            Map.entry("weigeringBeoordelen", "a practice term: the werkgever judges the employee's refusal"),
            Map.entry("visieKeuzeBureauGeven", "a practice term: the employee's view on the choice of bureau"),
            // spoor 2 as it happens (issue 26): terms of practice (spoorwijzer.spoor2.*), not of the law
            Map.entry("passendheidToetsen", "a practice term for checking a reported placement, not a legal one"),
            Map.entry("detacheringAfronden", "due on the detachering's last day, a practice term"),
            Map.entry("gewijzigdeBelastbaarheidVerwerken", "a practice term for the executor of spoor 2"));

    /** The task a missed legal deadline leads to. */
    private static final String MISSED_DEADLINE_FORM = "termijn-overschreden";

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

    /**
     * Every task form starts with the same case header (written by {@code node .ci/form-headers.mjs}): whose case the
     * task is, from the task-local variables of {@code process/TaskCaseLabels}, and a link to the case screen. Start
     * forms (the sick report) come before there is a case.
     */
    @Test
    void everyTaskFormStartsWithTheCaseHeader() throws IOException {
        Set<String> startForms = bpmnFiles().map(file -> Bpmn.readModelFromFile(file.toFile()))
                .flatMap(model -> model.getModelElementsByType(StartEvent.class).stream())
                .map(StartEvent::getCamundaFormRef).filter(form -> form != null).collect(Collectors.toSet());
        Set<String> taskForms = bpmnFiles().map(file -> Bpmn.readModelFromFile(file.toFile()))
                .flatMap(model -> model.getModelElementsByType(UserTask.class).stream())
                .map(UserTask::getCamundaFormRef).collect(Collectors.toSet());
        int checked = 0;
        for (Path form : ModelFiles.in("forms", ".form")) {
            JsonNode schema = JSON.readTree(form.toFile());
            if (startForms.contains(schema.path("id").asText())
                    && !taskForms.contains(schema.path("id").asText())) {
                continue;
            }
            JsonNode first = schema.path("components").path(0);
            assertThat(first.path("id").asText()).as("first component of %s", form.getFileName()).isEqualTo("zaakKop");
            assertThat(first.path("type").asText()).isEqualTo("text");
            assertThat(first.path("text").asText()).as("header of %s", form.getFileName())
                    .isEqualTo("**{{werknemerNaam}}** · zaak {{zaakId}} · {{werkgeverNaam}} · ziekteweek {{ziekteweek}}"
                            + "\n\n[Open de zaak](/zaken/{{zaakId}})");
            checked++;
        }
        assertThat(checked).as("task forms checked").isGreaterThanOrEqualTo(taskForms.size());
    }

    /**
     * A form in forms/ is a user task's or a start event's, or the rules of a case action ({@link CaseAction}): what
     * the parties record at any time through the case API. A form nothing uses would be a rule nobody applies; an
     * action's form that a task also used would make the action a standing task again.
     */
    @Test
    void everyFormBelongsToATaskAStartEventOrACaseAction() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : ModelFiles.in("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            model.getModelElementsByType(UserTask.class).forEach(task -> used.add(task.getCamundaFormRef()));
            model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
                    .filter(form -> form != null).forEach(used::add);
        }
        Set<String> actionForms = Arrays.stream(CaseAction.values()).map(CaseAction::formId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).as("no task records what a case action records").doesNotContainAnyElementsOf(actionForms);
        Set<String> unused = new TreeSet<>(formIds());
        unused.removeAll(used);
        assertThat(unused).as("forms of no task or start event: the case actions' forms only")
                .isEqualTo(actionForms);
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

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void userTasksDeclareOnlyKnownPropertiesWithValidValues(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            for (CamundaProperty property : declared(task)) {
                assertThat(TASK_PROPERTIES).as("camunda:property %s on %s", property.getCamundaName(), task.getId())
                        .containsKey(property.getCamundaName());
                assertThat(property.getCamundaValue()).as("%s of %s", property.getCamundaName(), task.getId())
                        .isIn(TASK_PROPERTIES.get(property.getCamundaName()));
            }
        }
    }

    /** Guards against a model edit that loses a declaration: every phase and every RIV part stays produced. */
    @Test
    void everyPhaseAndEveryRivPartIsDeclaredOnSomeTask() {
        Map<String, Set<String>> used = bpmnFiles().map(file -> Bpmn.readModelFromFile(file.toFile()))
                .flatMap(model -> model.getModelElementsByType(UserTask.class).stream())
                .flatMap(task -> declared(task).stream())
                .collect(Collectors.groupingBy(CamundaProperty::getCamundaName,
                        Collectors.mapping(CamundaProperty::getCamundaValue, Collectors.toSet())));
        TASK_PROPERTIES.forEach((name, values) ->
                assertThat(used.get(name)).as("values of %s declared in processes/", name)
                        .containsExactlyInAnyOrderElementsOf(values));
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyTaskWithALegalDueDateHasItsMissWatchOrAStatedExemption(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaDueDate() == null || WITHOUT_MISS_WATCH.containsKey(task.getId())) {
                continue;
            }
            List<BoundaryEvent> watches = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(boundary -> boundary.getAttachedTo() == task && isMissWatch(boundary, task)).toList();
            assertThat(watches).as("miss watch on %s (a non-interrupting timer at its due date that records the "
                    + "miss), or an entry in WITHOUT_MISS_WATCH", task.getId()).hasSize(1);
            assertThat(leadsToTheMissedDeadlineTask(model, watches.get(0)))
                    .as("%s leads to the '%s' task", watches.get(0).getId(), MISSED_DEADLINE_FORM).isTrue();
        }
    }

    @Test
    void everyLegalTaskIsModelledWithADueDateAndEveryExemptionIsStillATaskWithOne() throws ReflectiveOperationException {
        var legalTasks = Class.forName("nl.spoorwijzer.modelling.LegalTasks").getDeclaredField("IDS");
        legalTasks.setAccessible(true);
        @SuppressWarnings("unchecked")
        Set<String> legal = (Set<String>) legalTasks.get(null);
        Set<String> withDueDate = bpmnFiles().map(file -> Bpmn.readModelFromFile(file.toFile()))
                .flatMap(model -> model.getModelElementsByType(UserTask.class).stream())
                .filter(task -> task.getCamundaDueDate() != null)
                .map(UserTask::getId).collect(Collectors.toCollection(TreeSet::new));
        assertThat(withDueDate).as("tasks with camunda:dueDate").containsAll(legal)
                .containsAll(WITHOUT_MISS_WATCH.keySet());
    }

    private static boolean isMissWatch(BoundaryEvent boundary, UserTask task) {
        if (boundary.cancelActivity() || !(boundary.getEventDefinitions().iterator().next()
                instanceof TimerEventDefinition timer) || timer.getTimeDate() == null) {
            return false;
        }
        boolean recorded = boundary.getExtensionElements() != null && boundary.getExtensionElements()
                .getElementsQuery().filterByType(CamundaExecutionListener.class).list().stream()
                .anyMatch(listener -> "start".equals(listener.getCamundaEvent())
                        && "${missedDeadlineRecorder}".equals(listener.getCamundaDelegateExpression()));
        return recorded && timer.getTimeDate().getTextContent().equals(task.getCamundaDueDate());
    }

    /** Directly, or through the escalation that one event subprocess catches (poortwachter). */
    private static boolean leadsToTheMissedDeadlineTask(BpmnModelInstance model, BoundaryEvent watch) {
        for (SequenceFlow flow : watch.getOutgoing()) {
            FlowNode next = flow.getTarget();
            if (next instanceof UserTask task && MISSED_DEADLINE_FORM.equals(task.getCamundaFormRef())) {
                return true;
            }
            if (next instanceof EndEvent end && escalationCode(end) != null) {
                return model.getModelElementsByType(StartEvent.class).stream()
                        .filter(start -> escalationCode(end).equals(escalationCode(start)) && !start.isInterrupting())
                        .flatMap(start -> start.getOutgoing().stream())
                        .anyMatch(out -> out.getTarget() instanceof UserTask task
                                && MISSED_DEADLINE_FORM.equals(task.getCamundaFormRef()));
            }
        }
        return false;
    }

    private static String escalationCode(org.camunda.bpm.model.bpmn.instance.Event event) {
        return event.getChildElementsByType(EscalationEventDefinition.class).stream()
                .filter(definition -> definition.getEscalation() != null)
                .map(definition -> definition.getEscalation().getEscalationCode())
                .findFirst().orElse(null);
    }

    private static List<CamundaProperty> declared(UserTask task) {
        if (task.getExtensionElements() == null) {
            return List.of();
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream()).toList();
    }

    private static Set<String> names(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(value -> ((Enum<?>) value).name())
                .collect(Collectors.toSet());
    }

    private static Class<?> enumClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every escalation a model throws is caught in a scope around it (Camunda ignores an uncaught escalation
     * silently: a missed deadline would raise no task), and the one that reports a missed deadline is caught only
     * by the case's own event subprocess, not by something a called process could also reach.
     */
    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyEscalationThrownIsCaughtInAnEnclosingScope(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (EscalationEventDefinition thrown : model.getModelElementsByType(EscalationEventDefinition.class)) {
            if (!(thrown.getParentElement() instanceof ThrowEvent thrower)) {
                continue;
            }
            String code = thrown.getEscalation() == null ? null : thrown.getEscalation().getEscalationCode();
            assertThat(code).as("escalation code thrown by %s", thrower.getId()).isNotBlank();
            assertThat(caughtAround(thrower, code)).as("a catcher of '%s' around %s", code, thrower.getId()).isTrue();
        }
    }

    private static boolean caughtAround(ModelElementInstance element, String code) {
        for (ModelElementInstance scope = element.getParentElement(); scope != null; scope = scope.getParentElement()) {
            if (scope instanceof SubProcess || scope instanceof Process) {
                for (SubProcess eventSubprocess : ((BaseElement) scope).getChildElementsByType(SubProcess.class)) {
                    if (eventSubprocess.triggeredByEvent() && eventSubprocess.getChildElementsByType(StartEvent.class)
                            .stream().anyMatch(start -> catches(start, code))) {
                        return true;
                    }
                }
            }
            if (scope instanceof SubProcess subProcess && subProcess.getModelInstance()
                    .getModelElementsByType(BoundaryEvent.class).stream()
                    .anyMatch(boundary -> boundary.getAttachedTo() == subProcess && catches(boundary, code))) {
                return true;
            }
        }
        return false;
    }

    private static boolean catches(CatchEvent event, String code) {
        return event.getEventDefinitions().stream().anyMatch(definition ->
                definition instanceof EscalationEventDefinition escalation && (escalation.getEscalation() == null
                        || code.equals(escalation.getEscalation().getEscalationCode())));
    }

    /**
     * The names the platform's Java code uses to reach the models ({@link ProcessKeys}): each must exist, so a process,
     * decision, message or task renamed in Modeler fails here instead of in a running case.
     */
    @Test
    void everyNameTheCodeUsesExistsInAModel() throws IllegalAccessException {
        Set<String> processes = new HashSet<>();
        Set<String> messages = new HashSet<>();
        Set<String> userTasks = new HashSet<>();
        bpmnFiles().map(file -> Bpmn.readModelFromFile(file.toFile())).forEach(model -> {
            model.getModelElementsByType(Process.class).forEach(process -> processes.add(process.getId()));
            model.getModelElementsByType(Message.class).forEach(message -> messages.add(message.getName()));
            model.getModelElementsByType(UserTask.class).forEach(task -> userTasks.add(task.getId()));
        });
        Set<String> decisions = new HashSet<>();
        dmnFiles().map(file -> Dmn.readModelFromFile(file.toFile())).forEach(model ->
                model.getModelElementsByType(Decision.class).forEach(decision -> decisions.add(decision.getId())));
        Set<String> processOrDecision = new HashSet<>(processes);
        processOrDecision.addAll(decisions);
        for (String key : constantsOf(ProcessKeys.class)) {
            assertThat(processOrDecision).as("process or decision key '%s' used in ProcessKeys", key).contains(key);
        }
        List<String> messageNames = constantsOf(ProcessKeys.Messages.class);
        assertThat(messageNames).isNotEmpty();
        for (String name : messageNames) {
            assertThat(messages).as("message name '%s' used in ProcessKeys.Messages", name).contains(name);
        }
        List<String> taskIds = constantsOf(ProcessKeys.Tasks.class);
        assertThat(taskIds).isNotEmpty();
        for (String id : taskIds) {
            assertThat(userTasks).as("user task '%s' used in ProcessKeys.Tasks", id).contains(id);
        }
        BpmnModelInstance poortwachter = Bpmn.readModelFromFile(bpmnFiles()
                .filter(file -> file.getFileName().toString().equals(ProcessKeys.POORTWACHTER + ".bpmn")).findFirst()
                .orElseThrow().toFile());
        for (String id : constantsOf(ProcessKeys.Elements.class)) {
            assertThat((Object) poortwachter.getModelElementById(id))
                    .as("element '%s' of poortwachter used in ProcessKeys.Elements", id).isNotNull();
        }
        for (nl.spoorwijzer.process.ImportableStep step : nl.spoorwijzer.process.ImportableStep.values()) {
            assertThat(userTasks).as("user task of importable step '%s'", step.key()).contains(step.taskId());
        }
    }

    private static List<String> constantsOf(Class<?> type) throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }
}
