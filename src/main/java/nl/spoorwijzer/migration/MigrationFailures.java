package nl.spoorwijzer.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Camunda's migration validation reports in the procesbeheerder's words: per activity, in Dutch, what keeps it from
 * moving and what she can do about it; never the engine's own messages.
 */
final class MigrationFailures {

    /** An expression of a model as an engine message quotes it (bounded, so a message never grows the reason). */
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^{}]{1,120}}");

    private MigrationFailures() {
    }

    /** Why an instruction of the plan is refused (the plan as a whole cannot be built). */
    static List<String> ofPlan(MigrationPlanValidationReport report, BpmnModelInstance source,
                               BpmnModelInstance target, String targetLabel) {
        List<String> reasons = new ArrayList<>();
        for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
            String from = ModelElements.label(source, instruction.getMigrationInstruction().getSourceActivityId());
            String to = ModelElements.label(target, instruction.getMigrationInstruction().getTargetActivityId());
            for (String failure : instruction.getFailures()) {
                reasons.add("Stap " + from + " kan niet worden gekoppeld aan " + to + " in " + targetLabel + ": "
                        + instructionReason(failure));
            }
        }
        if (report.hasVariableReports()) {
            reasons.add("De waarden die met het overzetten worden meegegeven zijn ongeldig.");
        }
        return reasons;
    }

    private static String instructionReason(String failure) {
        String text = failure.toLowerCase();
        if (text.contains("multiple")) {
            return "de stap heeft meer dan één koppeling.";
        }
        if (text.contains("event trigger")) {
            return "de stap heeft geen timer of bericht om bij te werken.";
        }
        if (text.contains("same type") || text.contains("not supported") || text.contains("cannot be migrated")) {
            return "de stappen zijn van een verschillend soort.";
        }
        if (text.contains("scope") || text.contains("parent") || text.contains("event sub")) {
            return "de stappen staan op een andere plaats in het model (een ander subproces).";
        }
        return "de stappen passen niet bij elkaar.";
    }

    /**
     * Why a case that Camunda can move fails in what follows the move (its dates evaluated with the target version's
     * expressions): the steps it is in and, when the failure names one, the expression of the model that failed.
     */
    static String ofFollowUp(Throwable failure, Set<String> steps, BpmnModelInstance source, String targetLabel) {
        String expression = null;
        for (Throwable cause = failure; cause != null && expression == null; cause = cause.getCause()) {
            Matcher matcher = cause.getMessage() == null ? null : EXPRESSION.matcher(cause.getMessage());
            if (matcher != null && matcher.find()) {
                expression = matcher.group();
            }
        }
        String where = steps.isEmpty() ? "" : " (in stap " + steps.stream()
                .map(step -> ModelElements.label(source, step)).collect(Collectors.joining(", ")) + ")";
        return "De zaak" + where + " kan wel naar " + targetLabel + ", maar daarna lukt het niet om haar termijnen,"
                + " timers en vervaldatums opnieuw te berekenen met " + targetLabel + (expression == null
                ? ": de proefrun gaf een technische fout (zie het logboek van de applicatie)."
                : ": de expressie " + expression + " kan voor deze zaak niet worden uitgerekend (bijvoorbeeld een"
                        + " variabele die de zaak niet heeft).");
    }

    /** Why one running case cannot move with this plan: per activity it is in. */
    static List<String> ofCase(MigratingProcessInstanceValidationReport report, BpmnModelInstance source,
                               String targetLabel) {
        List<String> reasons = new ArrayList<>();
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            for (String failure : activity.getFailures()) {
                reasons.add(activityReason(ModelElements.label(source, activity.getSourceScopeId()), failure,
                        targetLabel));
            }
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            for (String failure : transition.getFailures()) {
                reasons.add(activityReason(ModelElements.label(source, transition.getSourceScopeId()), failure,
                        targetLabel));
            }
        }
        if (reasons.isEmpty() && report.hasFailures()) {
            reasons.add("De zaak past niet op " + targetLabel + ".");
        }
        return reasons;
    }

    private static String activityReason(String activity, String failure, String targetLabel) {
        String text = failure.toLowerCase();
        if (text.contains("no migration instruction") || text.contains("no instruction")) {
            return "De zaak staat in stap " + activity + ", die in " + targetLabel + " niet bestaat: koppel de stap"
                    + " aan een stap van " + targetLabel + " (extraMappings).";
        }
        if (text.contains("ancestor") || text.contains("parent") || text.contains("scope")) {
            return "De zaak staat in stap " + activity + ", die in " + targetLabel + " in een ander subproces staat.";
        }
        return "De zaak staat in stap " + activity + ", die niet naar " + targetLabel + " kan worden overgezet.";
    }
}
