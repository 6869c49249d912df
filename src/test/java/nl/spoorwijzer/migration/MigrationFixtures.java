package nl.spoorwijzer.migration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** A version 2 of {@code poortwachter} as a process owner would deploy it, and the batch run as the job executor would. */
public final class MigrationFixtures {

    /** Version 1's timer two weeks before the 42e-weeksmelding; version 2 renames it and moves it to the deadline. */
    public static final String OLD_TIMER = "uwvMeldingVoorbereiden";
    public static final String NEW_TIMER = "uwvMeldingOpTermijn";
    /** The task version 2 adds before the 42e-weeksmelding, with its own form and candidate group. */
    public static final String ADDED_TASK = "ziekmeldingUwvVoorbereiden";

    private final ProcessEngine engine;

    public MigrationFixtures(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Seed job, then every migration job, then the monitor job: what the job executor would do. */
    public void executeBatch(String batchId) {
        for (int round = 0; round < 20; round++) {
            Batch batch = engine.getManagementService().createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return;
            }
            List<Job> jobs = new ArrayList<>();
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                jobs.addAll(engine.getManagementService().createJobQuery().jobDefinitionId(definition).list());
            }
            for (Job job : jobs) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
        throw new AssertionError("batch " + batchId + " did not finish");
    }

    public ProcessDefinition latest() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("poortwachter")
                .withoutTenantId().latestVersion().singleResult();
    }

    /**
     * Version 2 as a process owner would deploy it from Modeler with its forms: the timer before the 42e-weeksmelding
     * renamed and moved to the melding's deadline, and a new task "Ziekmelding bij UWV voorbereiden" before it.
     */
    public ProcessDefinition deployVersion2() throws IOException {
        return deployVersion2(nextVersionTag("poortwachter"), model -> { });
    }

    /**
     * A version tag above every tag deployed for the process {@code key} on this database: the deployment rules ask
     * a changed model for one, and the tests of a run share the database (one test's 2.0.0 is another's history).
     */
    public String nextVersionTag(String key) {
        int major = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).list()
                .stream().map(ProcessDefinition::getVersionTag).filter(java.util.Objects::nonNull)
                .map(tag -> tag.trim().split("\\.")[0]).filter(part -> part.matches("\\d{1,6}"))
                .mapToInt(Integer::parseInt).max().orElse(1);
        return (major + 1) + ".0.0";
    }

    /** Version 2 under its own version tag with a further {@code change}. */
    public ProcessDefinition deployVersion2(String versionTag, Consumer<BpmnModelInstance> change) throws IOException {
        String deploymentId = deploy("poortwachter versie 2 (test)", version2(versionTag, change));
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey("poortwachter").singleResult();
    }

    /** Version 2's {@code poortwachter.bpmn}, not deployed. */
    public static byte[] version2(String versionTag, Consumer<BpmnModelInstance> change) throws IOException {
        BpmnModelInstance model;
        try (InputStream in = new ClassPathResource("processes/poortwachter.bpmn").getInputStream()) {
            model = Bpmn.readModelFromStream(in);
        }
        Process process = model.getModelElementById("poortwachter");
        process.setCamundaVersionTag(versionTag);
        IntermediateCatchEvent timer = model.getModelElementById(OLD_TIMER);
        timer.setId(NEW_TIMER);
        timer.setName("Termijn van de 42e-weeksmelding");
        ((TimerEventDefinition) timer.getEventDefinitions().iterator().next()).getTimeDate()
                .setTextContent("${ziekmeldingUwvDue}");

        SubProcess ziekmeldingUwv = model.getModelElementById("ziekmeldingUwv");
        FlowNode doen = model.getModelElementById("ziekmeldingUwvDoen");
        UserTask added = model.newInstance(UserTask.class);
        added.setId(ADDED_TASK);
        added.setName("Ziekmelding bij UWV voorbereiden");
        added.setCamundaCandidateGroups("werkgever");
        added.setCamundaFormRef("ziekmelding-uwv-voorbereiden");
        added.setCamundaFormRefBinding("deployment");
        ziekmeldingUwv.addChildElement(added);
        SequenceFlow intoAdded = model.getModelElementById("ziekmeldingUwvGestartNaarZiekmeldingUwvDoen");
        intoAdded.setTarget(added);
        SequenceFlow onward = model.newInstance(SequenceFlow.class);
        onward.setId("ziekmeldingUwvVoorbereidenNaarZiekmeldingUwvDoen");
        ziekmeldingUwv.addChildElement(onward);
        onward.setSource(added);
        onward.setTarget(doen);
        change.accept(model);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Bpmn.writeModelToStream(bytes, model);
        return bytes.toByteArray();
    }

    /** Today's forms and the test's own form of the added task, by file name. */
    public static java.util.Map<String, byte[]> forms() throws IOException {
        java.util.Map<String, byte[]> forms = new java.util.LinkedHashMap<>();
        for (String pattern : List.of("classpath:forms/*.form", "classpath:migration/*.form")) {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    forms.put(resource.getFilename(), in.readAllBytes());
                }
            }
        }
        return forms;
    }

    /** Today's models last again, so that they remain the latest for the tests that follow on this database. */
    public void deployTodaysModels() throws IOException {
        deploy("modellen van nu", null);
    }

    /** Deploys today's models and forms, with {@code poortwachter} replaced when given. */
    public String deploy(String name, byte[] poortwachter) throws IOException {
        return deploy(name, "poortwachter.bpmn", poortwachter);
    }

    /** Deploys today's models and forms (and the test's own), with the model {@code fileName} replaced. */
    public String deploy(String name, String fileName, byte[] replacement) throws IOException {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name(name);
        for (String pattern : List.of("classpath:processes/*.bpmn", "classpath:processes/*.dmn",
                "classpath:forms/*.form", "classpath:migration/*.form")) {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                if (replacement == null && pattern.startsWith("classpath:migration")) {
                    continue;
                }
                if (replacement != null && fileName.equals(resource.getFilename())) {
                    builder.addInputStream(fileName, new ByteArrayInputStream(replacement));
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    builder.addInputStream(resource.getFilename(), in);
                }
            }
        }
        return builder.deploy().getId();
    }

    /** A version of {@code spoor-2-traject} that differs only in its version tag. */
    public ProcessDefinition deploySpoor2Version(String versionTag) throws IOException {
        BpmnModelInstance model;
        try (InputStream in = new ClassPathResource("processes/spoor-2-traject.bpmn").getInputStream()) {
            model = Bpmn.readModelFromStream(in);
        }
        Process process = model.getModelElementById("spoor-2-traject");
        process.setCamundaVersionTag(versionTag);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Bpmn.writeModelToStream(bytes, model);
        String deploymentId = deploy("spoor-2-traject " + versionTag + " (test)", "spoor-2-traject.bpmn",
                bytes.toByteArray());
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey("spoor-2-traject").singleResult();
    }
}
