package nl.spoorwijzer.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task's declarations ({@code camunda:properties}) travel with the task: a process owner who adds or renames a
 * task in Modeler, also inside a subprocess, keeps its phase and RIV part — read at runtime from the task's own
 * activity, and by task id from the latest models, also after a restart emptied the deployment cache.
 */
class DeclaredTaskPropertiesTest {

    private static ProcessEngine engine;
    private static ProcessEngineConfigurationImpl configuration;
    private static final List<Map<String, String>> SEEN_AT_CREATE = new ArrayList<>();
    private static final Map<String, Map<String, String>> SEEN_WITH_LATEST_VERSION = new HashMap<>();
    private static DeclaredTaskProperties declared;

    /** A case model as deployed before tasks declared properties, and its next version that declares them. */
    private static final String OLD_VERSION = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="proef">
              <process id="oud" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start"/>
                <sequenceFlow id="s1" sourceRef="start" targetRef="melden"/>
                <userTask id="melden"/>
                <sequenceFlow id="s2" sourceRef="melden" targetRef="analyseren"/>
                <userTask id="analyseren"/>
                <sequenceFlow id="s3" sourceRef="analyseren" targetRef="einde"/>
                <endEvent id="einde"/>
              </process>
            </definitions>
            """;
    private static final String NEW_VERSION = OLD_VERSION.replace("<userTask id=\"analyseren\"/>", """
            <userTask id="analyseren"><extensionElements><camunda:properties>
              <camunda:property name="proefEigenschap" value="ANALYSE"/>
            </camunda:properties></extensionElements></userTask>""");

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="proef">
              <process id="proef" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start"/>
                <sequenceFlow id="s1" sourceRef="start" targetRef="spoor"/>
                <subProcess id="spoor">
                  <startEvent id="binnen"/>
                  <sequenceFlow id="s2" sourceRef="binnen" targetRef="nieuweAnalyseTaak"/>
                  <userTask id="nieuweAnalyseTaak">
                    <extensionElements><camunda:properties>
                      <camunda:property name="fase" value="PROBLEEMANALYSE"/>
                      <camunda:property name="rivOnderdeel" value="PROBLEEMANALYSE"/>
                    </camunda:properties></extensionElements>
                  </userTask>
                  <sequenceFlow id="s3" sourceRef="nieuweAnalyseTaak" targetRef="zonderVerklaring"/>
                  <userTask id="zonderVerklaring"/>
                  <sequenceFlow id="s4" sourceRef="zonderVerklaring" targetRef="klaar"/>
                  <endEvent id="klaar"/>
                </subProcess>
                <sequenceFlow id="s5" sourceRef="spoor" targetRef="einde"/>
                <endEvent id="einde"/>
              </process>
            </definitions>
            """;

    @BeforeAll
    static void engineWithTheCaseTaskListeners() {
        TaskListener none = task -> { };
        TaskListener recordDeclarations = task -> {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                SEEN_AT_CREATE.add(DeclaredTaskProperties.of(task));
                SEEN_WITH_LATEST_VERSION.put(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                        declared.ofTaskOrLatestVersion(task));
            }
        };
        configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:declared-task-properties;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("declared-task-properties")
                .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl engineConfiguration) {
                engineConfiguration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(
                        new CaseTaskParseListener(none, none, recordDeclarations, execution -> { }))));
            }
        }));
        engine = configuration.buildProcessEngine();
        declared = new DeclaredTaskProperties(configuration, engine.getRepositoryService());
        engine.getRepositoryService().createDeployment().addString("proef.bpmn", MODEL).deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aTaskShowsWhatItDeclaresWhenItIsCreatedAndATaskWithoutDeclarationsShowsNothing() {
        SEEN_AT_CREATE.clear();
        engine.getRuntimeService().startProcessInstanceByKey("proef");
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .taskDefinitionKey("nieuweAnalyseTaak").singleResult().getId());

        assertThat(SEEN_AT_CREATE).containsExactly(
                Map.of("fase", "PROBLEEMANALYSE", "rivOnderdeel", "PROBLEEMANALYSE"), Map.of());
    }

    @Test
    void theLatestModelsMapTaskIdsToTheirDeclarationsAlsoAfterARestart() {
        DeclaredTaskProperties declared = new DeclaredTaskProperties(configuration,
                engine.getRepositoryService());
        assertThat(declared.latest("rivOnderdeel")).containsExactly(Map.entry("nieuweAnalyseTaak", "PROBLEEMANALYSE"));

        configuration.getDeploymentCache().discardProcessDefinitionCache();
        DeclaredTaskProperties afterRestart = new DeclaredTaskProperties(configuration,
                engine.getRepositoryService());
        assertThat(afterRestart.latest("fase")).containsExactly(Map.entry("nieuweAnalyseTaak", "PROBLEEMANALYSE"));
    }

    @Test
    void aCaseStartedOnAVersionWithoutDeclarationsTakesThemFromTheLatestVersion() {
        engine.getRepositoryService().createDeployment().addString("oud.bpmn", OLD_VERSION).deploy();
        String oldCase = engine.getRuntimeService().startProcessInstanceByKey("oud").getId();
        engine.getRepositoryService().createDeployment().addString("oud.bpmn", NEW_VERSION).deploy();
        String newCase = engine.getRuntimeService().startProcessInstanceByKey("oud").getId();
        SEEN_WITH_LATEST_VERSION.clear();

        completeTheTaskOf(oldCase);
        completeTheTaskOf(newCase);

        String oldDefinition = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(oldCase)
                .singleResult().getProcessDefinitionId();
        String newDefinition = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(newCase)
                .singleResult().getProcessDefinitionId();
        assertThat(oldDefinition).isNotEqualTo(newDefinition);
        assertThat(SEEN_WITH_LATEST_VERSION).containsOnly(
                Map.entry(oldDefinition + "/analyseren", Map.of("proefEigenschap", "ANALYSE")),
                Map.entry(newDefinition + "/analyseren", Map.of("proefEigenschap", "ANALYSE")));
    }

    @Test
    void aTaskRenamedInALaterVersionKeepsWhatItsOlderVersionDeclaredForTheFactsItLeft() {
        String before = OLD_VERSION.replace("id=\"oud\"", "id=\"hernoemd\"").replace("<userTask id=\"analyseren\"/>",
                "<userTask id=\"analyseren\"><extensionElements><camunda:properties>"
                        + "<camunda:property name=\"proefOnderdeel\" value=\"ANALYSE\"/>"
                        + "</camunda:properties></extensionElements></userTask>");
        String renamed = before.replace("analyseren", "analyseMaken").replace("value=\"ANALYSE\"", "value=\"NIEUW\"");
        engine.getRepositoryService().createDeployment().addString("hernoemd.bpmn", before).deploy();
        engine.getRepositoryService().createDeployment().addString("hernoemd.bpmn", renamed).deploy();

        assertThat(declared.latest("proefOnderdeel")).containsOnly(Map.entry("analyseren", "ANALYSE"),
                Map.entry("analyseMaken", "NIEUW"));
    }

    private static void completeTheTaskOf(String processInstanceId) {
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .processInstanceId(processInstanceId).singleResult().getId());
    }
}
