package nl.spoorwijzer.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The second line of defence: an engine with the platform's expression manager and no script engines, but with the
 * deployment check taken out — as if a bad model had reached the engine anyway. The exploits of issue 21 still run
 * nothing.
 */
class SandboxedEngineTest {

    private static ProcessEngine engine;
    private static final ExpressionSandboxTest.RecordingJdbc JDBC = new ExpressionSandboxTest.RecordingJdbc();

    @TempDir Path temp;

    @BeforeAll
    static void engineWithoutTheDeploymentCheck() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("jdbcTemplate", ExpressionSandboxTest.RecordingJdbc.class, () -> JDBC);
        context.refresh();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:sandboxed-engine;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("sandboxed-engine")
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl engineConfiguration) {
                new ModellingEnginePlugin(context).preInit(engineConfiguration);
                engineConfiguration.getCustomPreDeployers().removeIf(ValidatingDeployer.class::isInstance);
            }
        }));
        engine = configuration.buildProcessEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void execInATimerStartEventFailsTheDeploymentWithoutRunning() {
        Path file = temp.resolve("pwned-at-deployment");
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        assertThatThrownBy(() -> deploy("execBijDeployment", Models.timerStart("execBijDeployment", Models.exec(file))))
                .hasMessageContaining("Not allowed in a model expression");
        assertThat(file).doesNotExist();
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void execInAnIntermediateTimerFailsTheCaseWithoutRunning() {
        Path file = temp.resolve("pwned-at-timer");
        deploy("intermediateTimer", Models.intermediateTimer("intermediateTimer", Models.exec(file)));
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("intermediateTimer"))
                .hasMessageContaining("Not allowed in a model expression");
        assertThat(file).doesNotExist();
    }

    @Test
    void scriptsDoNotRun() {
        Path file = temp.resolve("pwned-by-script");
        deploy("scriptProces", Models.process("scriptProces", """
                <bpmn:startEvent id="start" name="Start"/>
                <bpmn:sequenceFlow id="toScript" sourceRef="start" targetRef="script"/>
                <bpmn:scriptTask id="script" name="Script" scriptFormat="javascript">
                  <bpmn:script>java.lang.Runtime.getRuntime().exec('touch %s')</bpmn:script>
                </bpmn:scriptTask>""".formatted(file)));
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("scriptProces"))
                .hasMessageContaining("Scripts are disabled");
        assertThat(file).doesNotExist();
    }

    @Test
    void theApplicationContextAndTheEngineAreOutOfReach() {
        for (String expression : List.of("${jdbcTemplate.queryForList('select * from act_ru_variable')}",
                "${execution.getProcessEngineServices().getRuntimeService()}",
                "${execution.processEngineServices}", "${execution.getProcessEngine()}")) {
            String key = "p" + Math.abs(expression.hashCode());
            deploy(key, Models.serviceExpression(key, expression.replace("'", "&apos;")));
            assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(key)).as(expression)
                    .hasMessageMatching("(?s).*(Not allowed in a model expression|Unknown property).*");
        }
        assertThat(JDBC.queries).isEmpty();
    }

    @Test
    void whatModelsUseStillWorks() {
        deploy("toegestaan", Models.process("toegestaan", """
                <bpmn:startEvent id="start" name="Start"/>
                <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="berekenen"/>
                <bpmn:serviceTask id="berekenen" name="Berekenen" camunda:resultVariable="uitkomst"
                    camunda:expression="${execution.getVariable('naam').toUpperCase()}-${execution.processBusinessKey}"/>
                <bpmn:sequenceFlow id="toWait" sourceRef="berekenen" targetRef="wachten"/>
                <bpmn:userTask id="wachten" name="Wachten"/>"""));
        String id = engine.getRuntimeService().startProcessInstanceByKey("toegestaan", "zaak-1",
                Map.of("naam", "bram")).getId();
        assertThat(engine.getRuntimeService().getVariable(id, "uitkomst")).isEqualTo("BRAM-zaak-1");
    }

    private static void deploy(String name, String bpmn) {
        engine.getRepositoryService().createDeployment().addString(name + ".bpmn", bpmn).deploy();
    }
}
