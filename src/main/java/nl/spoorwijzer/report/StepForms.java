package nl.spoorwijzer.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.spoorwijzer.forms.FormSchema;
import nl.spoorwijzer.forms.FormSchemaParser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form a dossier entry's values were submitted with: the entry names its process instance and task, the
 * instance's process version names the task's {@code camunda:formRef}, and the form is the one deployed with that
 * version ({@code formRefBinding="deployment"}). When the instance's history is gone, the newest version that has the
 * task answers. Deployed models and forms never change, so each is read once.
 */
@Component
class StepForms {

    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final FormSchemaParser parser = new FormSchemaParser();
    private final Map<String, Map<String, FormSchema>> formsByDeployment = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> formRefByTask = new ConcurrentHashMap<>();

    StepForms(ProcessEngineConfigurationImpl engineConfiguration, RepositoryService repositoryService,
              HistoryService historyService) {
        this.engineConfiguration = engineConfiguration;
        this.repositoryService = repositoryService;
        this.historyService = historyService;
    }

    /** The form of the task {@code elementId} in the process instance, when the task has one. */
    Optional<FormSchema> of(String processInstanceId, String elementId) {
        if (elementId == null) {
            return Optional.empty();
        }
        // Who may read the case may read how its steps were labelled: the models are the platform's, not the caller's.
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                () -> find(processInstanceId, elementId)));
    }

    private Optional<FormSchema> find(String processInstanceId, String elementId) {
        HistoricProcessInstance instance = processInstanceId == null ? null : historyService
                .createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance != null) {
            Optional<FormSchema> form = inDefinition(instance.getProcessDefinitionId(), elementId);
            if (form.isPresent()) {
                return form;
            }
        }
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            Optional<FormSchema> form = inDefinition(definition.getId(), elementId);
            if (form.isPresent()) {
                return form;
            }
        }
        return Optional.empty();
    }

    private Optional<FormSchema> inDefinition(String definitionId, String elementId) {
        Optional<String> formRef = formRefByTask.computeIfAbsent(definitionId + "/" + elementId, key -> {
            ModelElementInstance element = repositoryService.getBpmnModelInstance(definitionId)
                    .getModelElementById(elementId);
            return element instanceof UserTask task ? Optional.ofNullable(task.getCamundaFormRef()) : Optional.empty();
        });
        if (formRef.isEmpty()) {
            return Optional.empty();
        }
        String deploymentId = repositoryService.getProcessDefinition(definitionId).getDeploymentId();
        return Optional.ofNullable(formsByDeployment.computeIfAbsent(deploymentId, this::formsOf).get(formRef.get()));
    }

    private Map<String, FormSchema> formsOf(String deploymentId) {
        Map<String, FormSchema> forms = new HashMap<>();
        for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (resource.endsWith(".form")) {
                try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
                    FormSchema schema = parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    forms.put(schema.id(), schema);
                } catch (IOException e) {
                    throw new UncheckedIOException("form " + resource + " cannot be read", e);
                }
            }
        }
        return forms;
    }
}
