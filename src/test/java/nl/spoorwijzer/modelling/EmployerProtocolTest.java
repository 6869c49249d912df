package nl.spoorwijzer.modelling;

import static nl.spoorwijzer.modelling.Models.utf8;
import static nl.spoorwijzer.modelling.ProtocolVariants.EMPLOYER;
import static nl.spoorwijzer.modelling.ProtocolVariants.EXTRA_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.process.EmployerProtocol;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 28, protocols per employer: a variant of poortwachter for acme-bouw with an extra werkgever task is deployed
 * for that tenant only; a new acme-bouw case runs on it, a zorggroep-noord case on the shared model. A variant that
 * drops a legal step or changes its deadline is refused, naming the step. A called process resolves to the employer's
 * own version when it has one, else the shared one.
 */
@SpringBootTest
class EmployerProtocolTest {

    @Autowired ProcessEngine engine;
    @Autowired EmployerProtocol protocol;
    @Autowired JdbcTemplate jdbc;

    private final List<String> deployments = new ArrayList<>();
    private final List<String> instances = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        instances.forEach(id -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).list()
                .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test")));
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id));
        jdbc.update("DELETE FROM case_file WHERE employee_id IN ('tim', 'fatima')");
    }

    @Test
    void aNewCaseOfTheEmployerRunsOnItsProtocolAndAnotherEmployersCaseOnTheSharedModel() {
        deployments.add(deployFor(EMPLOYER, ProtocolVariants.deployment(ProtocolVariants.withExtraTask())));

        ProcessInstance acme = start(EMPLOYER, "tim");
        ProcessInstance zorg = start("zorggroep-noord", "fatima");

        assertThat(definitionTenant(acme)).isEqualTo(EMPLOYER);
        assertThat(definitionTenant(zorg)).as("the shared model").isNull();
        assertThat(zorg.getTenantId()).isEqualTo("zorggroep-noord");
        Task extra = engine.getTaskService().createTaskQuery().processInstanceId(acme.getId())
                .taskDefinitionKey(EXTRA_TASK).singleResult();
        assertThat(extra).as("the protocol's extra task").isNotNull();
        assertThat(extra.getTenantId()).isEqualTo(EMPLOYER);
        assertThat(extra.getDueDate()).isEqualTo(engine.getRuntimeService()
                .getVariable(acme.getId(), "ziekmeldingBedrijfsartsDue"));
        assertThat(engine.getTaskService().getIdentityLinksForTask(extra.getId())).extracting(IdentityLink::getGroupId)
                .contains("werkgever");
        assertThat(engine.getFormService().getDeployedTaskForm(extra.getId())).as("its form, in the variant's deployment")
                .isNotNull();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(zorg.getId())
                .taskDefinitionKey(EXTRA_TASK).count()).as("not in the shared model").isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(zorg.getId())
                .taskDefinitionKey("ziekmeldingDoorgeven").count()).isOne();
    }

    @Test
    void aStartOfTheSharedModelForAnEmployerWithItsOwnProtocolIsRefused() {
        deployments.add(deployFor(EMPLOYER, ProtocolVariants.deployment(ProtocolVariants.withExtraTask())));
        long before = engine.getRuntimeService().createProcessInstanceQuery().count();

        // as Tasklist's Start process or /engine-rest would: the shared definition by its id
        String shared = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("poortwachter")
                .withoutTenantId().latestVersion().singleResult().getId();
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceById(shared, "proef-tim", Map.of(
                "werknemerId", "tim", "werkgeverId", EMPLOYER, "eersteZiektedag", LocalDate.now().toString())))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
                .hasMessage("Werkgever: acme-bouw heeft een eigen protocol voor 'Poortwachter: verzuim en"
                        + " re-integratie'; start de zaak op die"
                        + " versie (tenant acme-bouw) of via het zaakscherm, niet op het gedeelde model.");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("nothing started")
                .isEqualTo(before);

        ProcessInstance zorg = engine.getRuntimeService().startProcessInstanceById(shared, "proef-fatima", Map.of(
                "werknemerId", "fatima", "werkgeverId", "zorggroep-noord", "eersteZiektedag",
                LocalDate.now().toString()));
        instances.add(zorg.getId());
        assertThat(zorg.getTenantId()).as("an employer without a protocol of its own").isEqualTo("zorggroep-noord");
    }

    @Test
    void aVariantThatDropsALegalStepIsRefusedNamingIt() {
        byte[] dropped = ProtocolVariants.poortwachter(model ->
                model.<UserTask>getModelElementById("probleemanalyseOpstellen").setId("probleemanalyseLaterOpstellen"));

        assertThat(refusal(dropped)).contains(new Violation("probleemanalyseOpstellen", "legal step 'Probleemanalyse"
                + " opstellen' of the shared model poortwachter is missing: a protocol for one employer may add steps,"
                + " not drop one the law sets"));
    }

    @Test
    void aVariantThatChangesTheDeadlineOfThe42eWeeksmeldingIsRefusedNamingIt() {
        byte[] laterTask = ProtocolVariants.poortwachter(model ->
                model.<UserTask>getModelElementById("ziekmeldingUwvDoen").setCamundaDueDate("${eindeWachttijd}"));
        assertThat(refusal(laterTask)).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("ziekmeldingUwvDoen");
            assertThat(violation.rule()).contains("must keep its deadline ${ziekmeldingUwvDue}",
                    "(got ${eindeWachttijd})");
        });

        byte[] laterWatch = ProtocolVariants.poortwachter(model -> model.<org.camunda.bpm.model.bpmn.instance
                .BoundaryEvent>getModelElementById("ziekmeldingUwvDoenTermijnVerstreken").getEventDefinitions()
                .stream().map(TimerEventDefinition.class::cast).findFirst().orElseThrow().getTimeDate()
                .setTextContent("${eindeWachttijd}"));
        assertThat(refusal(laterWatch)).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("ziekmeldingUwvDoenTermijnVerstreken");
            assertThat(violation.rule()).contains("timeDate ${ziekmeldingUwvDue} on ziekmeldingUwvDoen");
        });
    }

    @Test
    void anUnknownEmployerIsRefused() {
        assertThat(refusalFor("geen-werkgever", ProtocolVariants.deployment(ProtocolVariants.withExtraTask())))
                .singleElement().extracting(Violation::field).isEqualTo("tenant-id");
    }

    @Test
    void aCalledProcessIsTheEmployersOwnWhenItHasOneElseTheSharedOne() {
        String calling = Models.process("proef-hoofd", """
                    <bpmn:startEvent id="start" name="Start"/>
                    <bpmn:sequenceFlow id="toCall" sourceRef="start" targetRef="aanroepen"/>
                    <bpmn:callActivity id="aanroepen" name="Aanroepen" calledElement="proef-sub"
                        camunda:calledElementBinding="latest"
                        camunda:calledElementTenantId="${employerProtocol.tenant(execution, 'proef-sub')}"/>
                    <bpmn:sequenceFlow id="toEnd" sourceRef="aanroepen" targetRef="end"/>
                    <bpmn:endEvent id="end" name="Einde"/>""");
        deployments.add(deployFor(null, Map.of("proef-sub.bpmn", utf8(Models.validProcess("proef-sub")),
                "proef-formulier.form", utf8(Models.FORM))));
        deployments.add(deployFor(null, Map.of("proef-hoofd.bpmn", utf8(calling))));
        deployments.add(deployFor(EMPLOYER, Map.of("proef-sub.bpmn", utf8(Models.validProcess("proef-sub")
                .replace("name=\"Opmerking maken\"", "name=\"Opmerking maken (acme)\"")),
                "proef-formulier.form", utf8(Models.FORM))));

        assertThat(calledDefinitionTenant(EMPLOYER, "tim")).isEqualTo(EMPLOYER);
        assertThat(calledDefinitionTenant("zorggroep-noord", "fatima")).as("the shared one").isNull();
    }

    private String calledDefinitionTenant(String employer, String employee) {
        ProcessInstance main = protocol.start("proef-hoofd", employer, "proef-" + employee,
                Map.of("werkgeverId", employer, "werknemerId", employee));
        instances.add(main.getId());
        ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(main.getId()).singleResult();
        return engine.getRepositoryService().getProcessDefinition(called.getProcessDefinitionId()).getTenantId();
    }

    private List<Violation> refusal(byte[] poortwachter) {
        return refusalFor(EMPLOYER, ProtocolVariants.deployment(poortwachter));
    }

    private List<Violation> refusalFor(String tenant, Map<String, byte[]> resources) {
        long before = engine.getRepositoryService().createDeploymentQuery().count();
        List<Violation> violations = new ArrayList<>();
        assertThatThrownBy(() -> deployFor(tenant, resources)).isInstanceOfSatisfying(RuleViolationException.class,
                refused -> violations.addAll(refused.violations()));
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).as("nothing deployed")
                .isEqualTo(before);
        return violations;
    }

    private String deployFor(String tenant, Map<String, byte[]> resources) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("protocol (test)")
                .tenantId(tenant);
        resources.forEach((name, content) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(content)));
        return builder.deploy().getId();
    }

    private ProcessInstance start(String employer, String employee) {
        ProcessInstance started = protocol.start("poortwachter", employer, "proef-" + employee, Map.of(
                "werknemerId", employee, "werkgeverId", employer, "eersteZiektedag", LocalDate.now().toString()));
        instances.add(started.getId());
        return started;
    }

    private String definitionTenant(ProcessInstance instance) {
        return engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getTenantId();
    }
}
