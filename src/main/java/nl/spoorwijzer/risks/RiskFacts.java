package nl.spoorwijzer.risks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the loonsanctie risk table judges of one open case, gathered from the dossier and the case read model. A
 * "days" fact is null when it does not apply (no advice waiting, no plan for spoor 2, ...), so no rule fires on it.
 */
record RiskFacts(
        String caseId,
        String employerId,
        String phase,
        int missedSteps,
        List<String> missingRivParts,
        Integer daysSinceEjeWithoutSpoor2,
        int lateBureauReports,
        Integer daysSinceEvaluation,
        Integer daysSinceAdviceWithoutAction,
        Integer daysSinceCapacityChangeWithoutRecheck,
        Integer daysOwnWorkDoubtfulWithoutAdResearch,
        boolean spoor2PlanWithoutSearchProfile,
        Integer daysWithoutJobApplication) {

    /** The table's inputs: the facts by their Dutch names, and the terms from the settings. */
    Map<String, Object> variables(RiskSettings settings) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("fase", phase);
        variables.put("gemisteStappen", missedSteps);
        variables.put("ontbrekendeRivOnderdelen", missingRivParts.size());
        variables.put("ontbrekendeRivOnderdelenTekst", String.join(", ", missingRivParts));
        variables.put("dagenNaEerstejaarsevaluatieZonderSpoor2", daysSinceEjeWithoutSpoor2);
        variables.put("teLateBureaurapportages", lateBureauReports);
        variables.put("dagenSindsEvaluatie", daysSinceEvaluation);
        variables.put("dagenSindsAdviesZonderActie", daysSinceAdviceWithoutAction);
        variables.put("dagenSindsBelastbaarheidswijzigingZonderHerbeoordeling", daysSinceCapacityChangeWithoutRecheck);
        variables.put("dagenTwijfelEigenWerkZonderArbeidsdeskundigOnderzoek", daysOwnWorkDoubtfulWithoutAdResearch);
        variables.put("planSpoor2ZonderZoekprofiel", spoor2PlanWithoutSearchProfile);
        variables.put("dagenZonderSollicitatie", daysWithoutJobApplication);
        variables.put("maxDagenTotSpoor2", settings.spoor2DaysAfterEje());
        variables.put("maxDagenTussenEvaluaties", settings.evaluationIntervalDays());
        variables.put("maxDagenAdviesZonderActie", settings.adviceFollowUpDays());
        variables.put("maxDagenTotHerbeoordelingSpoor1", settings.spoor1RecheckDays());
        variables.put("maxDagenTotArbeidsdeskundigOnderzoek", settings.adResearchDays());
        variables.put("maxWekenZonderSollicitatie", settings.jobApplicationWeeks());
        return variables;
    }
}
