package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ProcessVariables.EERSTE_ZIEKTEDAG;
import static nl.spoorwijzer.process.ProcessVariables.WERKGEVER_ID;
import static nl.spoorwijzer.process.ProcessVariables.WERKNEMER_ID;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.system.PlatformInput;
import nl.spoorwijzer.timeline.FirstSickDayRule;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * "Termijnen berekenen": when a case starts, checks the first sick day, gives the case its id (the business key)
 * when it has none yet, opens its row in the case read model (refused when the employee already has an open case),
 * computes every legal date and records the timeline in the dossier.
 */
@Component("timelineComputation")
public class TimelineComputation implements JavaDelegate {

    private final CaseTimeline caseTimeline;
    private final CaseDossier dossier;
    private final CaseLifecycle caseLifecycle;
    private final LegalTime time;

    public TimelineComputation(CaseTimeline caseTimeline, CaseDossier dossier, CaseLifecycle caseLifecycle,
                               LegalTime time) {
        this.caseTimeline = caseTimeline;
        this.dossier = dossier;
        this.caseLifecycle = caseLifecycle;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate firstSickDay = validFirstSickDay(execution.getVariable(EERSTE_ZIEKTEDAG));
        checkEmployee(execution);
        execution.setVariable(EERSTE_ZIEKTEDAG, firstSickDay.toString());
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(CaseIds.newCaseId(firstSickDay));
        }
        caseLifecycle.opened(execution, (String) execution.getVariable(WERKGEVER_ID),
                (String) execution.getVariable(WERKNEMER_ID), firstSickDay);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(WERKNEMER_ID, execution.getVariable(WERKNEMER_ID));
        content.put(WERKGEVER_ID, execution.getVariable(WERKGEVER_ID));
        content.put(EERSTE_ZIEKTEDAG, firstSickDay.toString());
        content.put(DossierEntry.TIMELINE, caseTimeline.apply(execution));
        dossier.recordBySystem(execution, DossierEntryType.TIMELINE_COMPUTED, "Wettelijke termijnen berekend",
                content);
    }

    /**
     * A person who starts a case (Tasklist's start form, /engine-rest) names an employee of the employer the case is
     * for, as the sick report of /api/cases does; the engine's tenant check already limits the employer to those the
     * person serves.
     */
    private static void checkEmployee(DelegateExecution execution) {
        CommandContext context = Context.getCommandContext();
        Authentication caller = context.getAuthentication();
        if (caller == null || caller.getUserId() == null || PlatformInput.isTrusted()) {
            return; // the platform's own start, or the sick report of /api/cases, which checked this already
        }
        Object employee = execution.getVariable(WERKNEMER_ID);
        Object employer = execution.getVariable(WERKGEVER_ID);
        boolean member = employee != null && employer != null && context.runWithoutAuthorization(() ->
                execution.getProcessEngineServices().getIdentityService().createUserQuery()
                        .userId(employee.toString()).memberOfTenant(employer.toString()).count() > 0);
        if (!member) {
            throw new BadUserRequestException("Werknemer: '" + employee + "' is geen bekende werknemer van werkgever '"
                    + employer + "'.");
        }
    }

    /** Errors here reach a case handler in Tasklist, so they are in Dutch. */
    private LocalDate validFirstSickDay(Object value) {
        LocalDate firstSickDay;
        try {
            firstSickDay = time.toDate(value);
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException("Eerste ziektedag: '" + value + "' is geen datum (JJJJ-MM-DD).");
        }
        FirstSickDayRule.forNewCase(firstSickDay, time.today()).ifPresent(problem -> {
            throw new BadUserRequestException(switch (problem) {
                case MISSING -> "Eerste ziektedag: verplicht, want de wachttijd van 104 weken begint op die dag"
                        + " (BW 7:629).";
                case IN_THE_FUTURE -> "Eerste ziektedag: " + firstSickDay
                        + " ligt in de toekomst; een ziekmelding gaat over verzuim dat al begonnen is.";
                case WAITING_PERIOD_OVER -> "Eerste ziektedag: " + firstSickDay
                        + " ligt meer dan 104 weken geleden; de wachttijd (BW 7:629) is dan al voorbij.";
            });
        });
        return firstSickDay;
    }
}
