package nl.spoorwijzer.modelling;

import java.util.Map;
import java.util.Set;

/**
 * The Spring beans a deployed model may use — the one list of them. Expressions in BPMN and DMN resolve these names
 * and nothing else of the application context ({@link ModelExpressionManager}); a deployment that names any other bean
 * is refused ({@link DeploymentRules}). A bean listed with methods may be called with them
 * ({@code ${uwvDecisions.shortcomings(execution)}}); a bean without methods is a delegate or listener only
 * ({@code camunda:delegateExpression="${caseClosing}"}). Adding a bean here is a security decision: it gives every
 * process owner that bean's power.
 */
final class ModelBeans {

    static final Map<String, Set<String>> CALLABLE_METHODS = Map.ofEntries(
            // delegates and listeners (process/)
            Map.entry("missedDeadlineRecorder", Set.of()),
            Map.entry("caseClosing", Set.of()),
            Map.entry("timelineUpdate", Set.of()),
            Map.entry("caseMessage", Set.of()),
            Map.entry("timelineComputation", Set.of()),
            Map.entry("reportPlanning", Set.of()),
            Map.entry("lateProbleemanalyseDeadline", Set.of()),
            Map.entry("jobApplicationCounter", Set.of()),
            Map.entry("evaluationPlanning", Set.of()),
            Map.entry("spoor2Deadlines", Set.of()),
            Map.entry("decisionRecorder", Set.of()),
            // listeners of other features
            Map.entry("rivCompleteness", Set.of()),
            Map.entry("recoveryConfirmation", Set.of()),
            Map.entry("recoveryFinalisation", Set.of()),
            Map.entry("structuralReturn", Set.of()),
            Map.entry("agreedDeviationDecision", Set.of()),
            Map.entry("contractEndPlanning", Set.of()),
            Map.entry("contractEndHandover", Set.of()),
            Map.entry("cooperationReview", Set.of()),
            Map.entry("ownWorkEvaluationFacts", Set.of()),
            // services with a method meant for models
            Map.entry("uwvDecisions", Set.of("shortcomings")),
            Map.entry("practiceTerms", Set.of("dueInWorkingDays")),
            // spoor 2 whenever it is due (trajectories/): its decisions, and "does a trajectory run?"
            Map.entry("spoor2Decisions", Set.of()),
            Map.entry("spoor2Starts", Set.of("running")),
            // the employer's own version of a called process or decision, else the shared one (issue 28)
            Map.entry("employerProtocol", Set.of("tenant")));

    private ModelBeans() {
    }

    static boolean isModelBean(String name) {
        return CALLABLE_METHODS.containsKey(name);
    }

    static boolean isCallable(String bean, String method) {
        return CALLABLE_METHODS.getOrDefault(bean, Set.of()).contains(method);
    }
}
