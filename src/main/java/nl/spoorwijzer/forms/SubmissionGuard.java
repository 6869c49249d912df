package nl.spoorwijzer.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.system.PlatformInput;
import nl.spoorwijzer.system.Refusal;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What a signed-in person may write into a case through the engine, whichever door they use (Tasklist, /engine-rest,
 * Java): completing a task or starting a process sets only the keys of its Camunda Form, each valid by the form's
 * rules; variables the platform owns ({@link ProcessVariables#isPlatformOnly}) are never written directly. Calls
 * without a signed-in person (the job executor, platform services acting as the platform) and calls marked
 * {@link PlatformInput#trusted} are the platform's own and pass unchanged.
 */
class SubmissionGuard {

    private final ProcessEngineConfigurationImpl configuration;
    private final FormSchemaParser parser = new FormSchemaParser();
    private final SubmissionValidator validator = new SubmissionValidator();

    SubmissionGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /**
     * True when the current call comes from a signed-in person, not from the platform itself. A call made while the
     * engine is already running a command comes from a delegate or listener of a deployed model (which the
     * deployment validation keeps to the platform's own beans), not from the person's request.
     */
    boolean appliesNow() {
        Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
        return caller != null && caller.getUserId() != null && !PlatformInput.isTrusted()
                && Context.getCommandContext() == null;
    }

    /** The values of a task completion that may be stored, or a refusal naming every field and rule broken. */
    Map<String, Object> taskSubmission(CommandExecutor executor, String taskId, Map<String, ?> submitted) {
        if (!appliesNow()) {
            return copy(submitted);
        }
        return executor.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return copy(submitted); // the completion itself answers "no such task"
            }
            // Who may not work the task learns nothing about its form: the same check as the completion's own.
            context.getProcessEngineConfiguration().getCommandCheckers().forEach(check -> check.checkTaskWork(task));
            FormData form = new GetTaskFormCmd(taskId).execute(context);
            if (form.getCamundaFormRef() == null) {
                return withoutForm(form.getFormKey(), submitted);
            }
            FormSchema schema = schema(new GetDeployedTaskFormCmd(taskId), context);
            // Most forms judge the submission alone; only some compare with or depend on the case's current values.
            Map<String, Object> current = schema.readsCurrentValues() ? new HashMap<>(task.getVariables()) : Map.of();
            return validator.validate(schema, submitted, current, ProcessVariables::isPlatformOnly);
        });
    }

    /** The start values of a new process instance that may be stored (by its start form's rules). */
    Map<String, Object> startSubmission(CommandExecutor executor, String definitionId, String definitionKey,
                                        String tenantId, String businessKey, Map<String, ?> submitted) {
        if (!appliesNow()) {
            return copy(submitted);
        }
        if (businessKey != null) {
            // The business key is the case id; a chosen one could collide with (and so reveal) another employer's case.
            throw new InvalidSubmissionException(List.of(new Violation("businessKey",
                    "is assigned by the platform (the case id); start without one")));
        }
        return executor.execute(context -> {
            ProcessDefinitionEntity definition = definitionId != null
                    ? context.getProcessEngineConfiguration().getDeploymentCache()
                            .findDeployedProcessDefinitionById(definitionId)
                    : latest(context, definitionKey, tenantId);
            context.getProcessEngineConfiguration().getCommandCheckers()
                    .forEach(check -> check.checkCreateProcessInstance(definition));
            String id = definition.getId();
            FormData form = new GetStartFormCmd(id).execute(context);
            if (form.getCamundaFormRef() == null) {
                return withoutForm(form.getFormKey(), submitted);
            }
            // The start form sets the case's identity (employee, employer, first sick day) once; only tasks are
            // kept from platform-only variables.
            return validator.validate(schema(new GetDeployedStartFormCmd(id), context), submitted, Map.of(),
                    name -> false);
        });
    }

    /** Refuses a direct write of variables the platform owns (legal dates, case identity) by a person. */
    void variableWrite(Collection<String> names) {
        if (names == null || !appliesNow()) {
            return;
        }
        List<Violation> refused = names.stream().filter(ProcessVariables::isPlatformOnly)
                .map(name -> new Violation(name, "is set by the platform only; use the platform's own service"
                        + " (recovery, UWV decision, …) to change it"))
                .toList();
        if (!refused.isEmpty()) {
            throw new RuleViolationException(refused, Refusal.NOT_ALLOWED);
        }
    }

    /** Refuses an engine operation that no person may use (the platform itself still may). */
    void refuseForPeople(String field, String rule) {
        if (appliesNow()) {
            throw new RuleViolationException(List.of(new Violation(field, rule)), Refusal.NOT_ALLOWED);
        }
    }

    /** A person starts a process at its start event, with its listeners and mappings: no shortcuts into it. */
    void plainStart(boolean instructions, boolean skipping) {
        if (appliesNow() && (instructions || skipping)) {
            throw new RuleViolationException(List.of(new Violation(
                    instructions ? "startInstructions" : "skipCustomListeners",
                    "a case starts at its start event with every listener; start instructions and skipping are"
                            + " not allowed")), Refusal.NOT_ALLOWED);
        }
    }

    private static ProcessDefinitionEntity latest(CommandContext context, String key, String tenantId) {
        var cache = context.getProcessEngineConfiguration().getDeploymentCache();
        return tenantId == null ? cache.findDeployedLatestProcessDefinitionByKey(key)
                : cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(key, tenantId);
    }

    private static Map<String, Object> withoutForm(String formKey, Map<String, ?> submitted) {
        if (submitted == null || submitted.isEmpty()) {
            return new HashMap<>();
        }
        String rule = formKey == null ? "this step has no form, so it takes no values"
                : "this step has a form that the server cannot check (" + formKey + "), so it takes no values";
        throw new InvalidSubmissionException(submitted.keySet().stream().map(key -> new Violation(key, rule))
                .toList());
    }

    private FormSchema schema(Command<InputStream> deployedForm, CommandContext context) {
        try (InputStream in = deployedForm.execute(context)) {
            return parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> copy(Map<String, ?> values) {
        return values == null ? null : new HashMap<>(values);
    }
}
