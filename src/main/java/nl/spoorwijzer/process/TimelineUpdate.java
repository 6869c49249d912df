package nl.spoorwijzer.process;

import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * "Termijnen bijwerken": records today as the actual date of a step whose date moves later deadlines (the
 * probleemanalyse moves the plan van aanpak, the eerstejaarsevaluatie moves the start of spoor 2) and recomputes
 * the case's legal dates. The model names the step in the field {@code actualDateVariable}.
 */
@Component("timelineUpdate")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // the engine injects a field per service task
public class TimelineUpdate implements JavaDelegate {

    /** Injected per service task: the variable that receives today's date, e.g. {@code probleemanalyseDatum}. */
    private Expression actualDateVariable;

    private final CaseTimeline caseTimeline;
    private final CaseDossier dossier;
    private final LegalTime time;

    public TimelineUpdate(CaseTimeline caseTimeline, CaseDossier dossier, LegalTime time) {
        this.caseTimeline = caseTimeline;
        this.dossier = dossier;
        this.time = time;
    }

    public void setActualDateVariable(Expression actualDateVariable) {
        this.actualDateVariable = actualDateVariable;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String variable = actualDateVariable.getValue(execution).toString();
        String today = time.today().toString();
        execution.setVariable(variable, today);
        Map<String, Object> dates = caseTimeline.apply(execution);
        dossier.recordBySystem(execution, DossierEntryType.TIMELINE_UPDATED, "Wettelijke termijnen bijgewerkt",
                Map.of(variable, today, DossierEntry.TIMELINE, dates));
    }
}
