package nl.spoorwijzer.forms;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.spoorwijzer.process.CaseAction;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * The rules of a case action ({@link CaseAction}) are its Camunda Form, as they were when the action was a task: the
 * latest deployed version of the form, so a process owner who deploys a changed form changes what the API accepts.
 * A submission is checked by the same {@link SubmissionValidator} as a task completion.
 */
@Component
public class ActionForms {

    private final ProcessEngineConfigurationImpl configuration;
    private final FormSchemaParser parser = new FormSchemaParser();
    private final SubmissionValidator validator = new SubmissionValidator();
    /** Form definitions never change; a new version has a new id. */
    private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

    public ActionForms(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /**
     * Every field of the action's form with its submitted value (null when not given), in the form's order: what
     * the dossier records, as for a completed task.
     *
     * @throws RuleViolationException (400) naming each field and the rule it breaks; nothing is stored then
     */
    public Map<String, Object> validate(CaseAction action, Map<String, ?> submitted) {
        FormSchema form = latest(action.formId());
        Map<String, Object> accepted;
        try {
            accepted = validator.validate(form, submitted, Map.of(), ProcessVariables::isPlatformOnly);
        } catch (InvalidSubmissionException refused) {
            throw new RuleViolationException(refused.violations());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        form.fields().forEach((key, field) -> {
            if (FormField.INPUT_TYPES.contains(field.type())) {
                values.put(key, SubmissionValidator.plain(accepted.get(key)));
            }
        });
        return values;
    }

    private FormSchema latest(String formId) {
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            CamundaFormDefinitionEntity definition = context.getCamundaFormDefinitionManager()
                    .findLatestDefinitionByKeyAndTenantId(formId, null);
            if (definition == null) {
                throw new IllegalStateException("form '" + formId + "' is not deployed");
            }
            return schemas.computeIfAbsent(definition.getId(), id -> {
                ResourceEntity resource = context.getResourceManager()
                        .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(),
                                definition.getResourceName());
                return parser.parse(new String(resource.getBytes(), StandardCharsets.UTF_8));
            });
        });
    }
}
