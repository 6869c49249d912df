package nl.spoorwijzer.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * The input field keys of the Camunda Forms in a deployment, by form id: the values a person submits in a task,
 * which the dossier records. Deployments never change, so each is read once.
 */
@Component
public class FormFieldIndex {

    private final RepositoryService repositoryService;
    private final ObjectMapper objectMapper;
    private final Map<String, Map<String, List<String>>> keysByDeployment = new ConcurrentHashMap<>();

    public FormFieldIndex(RepositoryService repositoryService, ObjectMapper objectMapper) {
        this.repositoryService = repositoryService;
        this.objectMapper = objectMapper;
    }

    /** The field keys of form {@code formId} in the deployment, or an empty list when it is not there. */
    public List<String> fieldKeys(String deploymentId, String formId) {
        return keysByDeployment.computeIfAbsent(deploymentId, this::readForms).getOrDefault(formId, List.of());
    }

    private Map<String, List<String>> readForms(String deploymentId) {
        Map<String, List<String>> forms = new HashMap<>();
        for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (resource.endsWith(".form")) {
                try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
                    JsonNode form = objectMapper.readTree(in);
                    List<String> keys = new ArrayList<>();
                    collectKeys(form.path("components"), keys);
                    forms.put(form.path("id").asText(), List.copyOf(keys));
                } catch (IOException e) {
                    throw new UncheckedIOException("Form " + resource + " is not valid JSON", e);
                }
            }
        }
        return forms;
    }

    private static void collectKeys(JsonNode components, List<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component.path("components"), keys);
        }
    }
}
