package nl.spoorwijzer.cooperation;

import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_HERBEOORDELEN_OP;
import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_ID;
import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_TOELICHTING;
import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_UITKOMST;
import static nl.spoorwijzer.process.ProcessVariables.MAATREGEL_VOLGENDE_HERBEOORDELING;
import static nl.spoorwijzer.process.ProcessVariables.MEDEWERKING_HERSTELD_OP;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.cases.CooperationMeasureView;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Herbeoordeling vastleggen": the werkgever's review of a measure for non-cooperation. {@code handhaven} keeps it
 * until the next review day he names (the review task comes back then); {@code beeindigen} ends it from the day the
 * werknemer cooperates again. Either is a dossier entry; the task's answers are cleared so that several measures'
 * reviews never see each other's. A review day that is not after today, or an end date in the future or before the
 * measure's start, refuses the task's completion (400).
 */
@Component("cooperationReview")
class CooperationReview implements JavaDelegate {

    /** Local to the review's event subprocess: does the measure stay in force (the gateway after the review)? */
    static final String KEPT = "maatregelGehandhaafd";
    private static final List<String> ANSWERS = List.of(MAATREGEL_UITKOMST, MAATREGEL_VOLGENDE_HERBEOORDELING,
            MEDEWERKING_HERSTELD_OP, MAATREGEL_TOELICHTING);

    private final CooperationMeasures measures;
    private final CaseDossier dossier;
    private final LegalTime time;
    private final CooperationSettings settings;

    CooperationReview(CooperationMeasures measures, CaseDossier dossier, LegalTime time,
                      CooperationSettings settings) {
        this.measures = measures;
        this.dossier = dossier;
        this.time = time;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        CooperationMeasureView measure = measures.measure(caseId, (String) execution.getVariable(MAATREGEL_ID));
        Object explanation = execution.getVariable(MAATREGEL_TOELICHTING);
        String comment = explanation == null || explanation.toString().isBlank() ? null : explanation.toString();
        LocalDate today = time.today();
        boolean kept = "handhaven".equals(execution.getVariable(MAATREGEL_UITKOMST));
        if (kept) {
            LocalDate next = time.toDate(execution.getVariable(MAATREGEL_VOLGENDE_HERBEOORDELING));
            if (next == null || !next.isAfter(today) || next.isAfter(today.plusDays(settings.reviewAtMostDaysAhead()))) {
                throw RuleViolationException.invalid(MAATREGEL_VOLGENDE_HERBEOORDELING, "must be after today " + today
                        + " and at most " + settings.reviewAtMostDaysAhead() + " days ahead");
            }
            execution.setVariable(MAATREGEL_HERBEOORDELEN_OP, time.endOfDay(next));
            if (measure != null) {
                Map<String, Object> content = new LinkedHashMap<>();
                content.put(CooperationMeasureView.ID, measure.id());
                content.put(CooperationMeasureView.KIND, measure.kind());
                content.put("uitkomst", "gehandhaafd");
                content.put(CooperationMeasureView.REVIEW_ON, next.toString());
                if (comment != null) {
                    content.put("toelichting", comment);
                }
                dossier.recordBySystem(execution, DossierEntryType.COOPERATION_MEASURE_REVIEWED,
                        "Maatregel bij onvoldoende medewerking gehandhaafd (" + measure.kindLabel().toLowerCase()
                                + "), opnieuw beoordelen op " + next, content);
            }
        } else {
            LocalDate cooperates = time.toDate(execution.getVariable(MEDEWERKING_HERSTELD_OP));
            if (cooperates == null || cooperates.isAfter(today)
                    || measure != null && cooperates.isBefore(measure.startDate())) {
                throw RuleViolationException.invalid(MEDEWERKING_HERSTELD_OP, "is required: not in the future"
                        + (measure == null ? "" : " and not before the measure's start " + measure.startDate()));
            }
            if (measure != null) {
                measures.recordEnd(caseId, execution.getProcessInstanceId(), execution.getTenantId(), measure,
                        cooperates, comment, "taak");
            }
        }
        execution.removeVariables(ANSWERS);
        execution.setVariableLocal(KEPT, kept);
    }
}
