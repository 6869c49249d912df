package nl.spoorwijzer.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.modelling.ProtocolVariants;
import nl.spoorwijzer.process.EmployerProtocol;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 28: running cases stay on their version when their employer gets its own protocol; the procesbeheerder moves
 * them with the migration API. The plan to acme-bouw's protocol is tried on acme-bouw's cases only (Camunda moves no
 * case between employers), a zorggroep-noord case is refused by name, and the acme-bouw case moves.
 */
@SpringBootTest
class ProtocolMigrationTest {

    @Autowired ProcessEngine engine;
    @Autowired EmployerProtocol protocol;
    @Autowired MigrationPlans plans;
    @Autowired MigrationDryRun dryRun;
    @Autowired MigrationStart start;
    @Autowired JdbcTemplate jdbc;

    private final List<String> instances = new ArrayList<>();
    private String deploymentId;

    @AfterEach
    void cleanUp() {
        instances.forEach(id -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).list()
                .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test")));
        if (deploymentId != null) {
            engine.getRepositoryService().deleteDeployment(deploymentId);
        }
        jdbc.update("DELETE FROM case_file WHERE employee_id IN ('tim', 'fatima')");
    }

    @Test
    void acmeBouwsRunningCaseStaysOnTheSharedVersionUntilItIsMovedToItsProtocol() {
        ProcessInstance acme = start(ProtocolVariants.EMPLOYER, "tim");
        ProcessInstance zorg = start("zorggroep-noord", "fatima");
        String shared = acme.getProcessDefinitionId();

        ProcessDefinition own = deployProtocol();
        assertThat(definitionOf(acme)).as("a running case stays on its version").isEqualTo(shared);

        MigrationRequest toProtocol = new MigrationRequest("poortwachter", null, shared, null, own.getId(), null,
                List.of(), null, null);
        MigrationPreview preview = dryRun.preview(plans.build(toProtocol));
        assertThat(preview.cases()).extracting(MigrationPreview.CaseResult::caseId).contains("proef-tim")
                .doesNotContain("proef-fatima");
        assertThat(preview.cases()).filteredOn(result -> result.caseId().equals("proef-tim")).singleElement()
                .satisfies(result -> assertThat(result.canMove()).as(String.join(" ", result.reasons())).isTrue());

        assertThatThrownBy(() -> start.start(request(toProtocol, "proef-fatima"), "hanna"))
                .isInstanceOfSatisfying(RuleViolationException.class, refused -> assertThat(refused.violations())
                        .singleElement().satisfies(violation -> {
                            assertThat(violation.field()).isEqualTo("caseIds[0]");
                            assertThat(violation.rule()).contains("moet een zaak van acme-bouw zijn");
                        }));

        MigrationStart.Started started = start.start(request(toProtocol, "proef-tim"), "hanna");
        new MigrationFixtures(engine).executeBatch(started.batchId());
        assertThat(definitionOf(acme)).isEqualTo(own.getId());
        assertThat(definitionOf(zorg)).isEqualTo(shared);
    }

    private static MigrationRequest request(MigrationRequest plan, String caseId) {
        return new MigrationRequest(plan.processKey(), plan.sourceVersion(), plan.sourceDefinitionId(),
                plan.targetVersion(), plan.targetDefinitionId(), plan.tenantId(), plan.extraMappings(),
                List.of(caseId), true);
    }

    private ProcessDefinition deployProtocol() {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("protocol (test)")
                .tenantId(ProtocolVariants.EMPLOYER);
        ProtocolVariants.deployment(ProtocolVariants.withExtraTask()).forEach((name, content) ->
                builder.addInputStream(name, new ByteArrayInputStream(content)));
        deploymentId = builder.deploy().getId();
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey("poortwachter").singleResult();
    }

    private ProcessInstance start(String employer, String employee) {
        ProcessInstance started = protocol.start("poortwachter", employer, "proef-" + employee, Map.of(
                "werknemerId", employee, "werkgeverId", employer, "eersteZiektedag", LocalDate.now().toString()));
        instances.add(started.getId());
        return started;
    }

    private String definitionOf(ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getProcessDefinitionId();
    }
}
