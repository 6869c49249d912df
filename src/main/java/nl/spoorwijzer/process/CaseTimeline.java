package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ProcessVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.timeline.Milestone;
import nl.spoorwijzer.timeline.LegalTerms;
import nl.spoorwijzer.timeline.MilestoneKey;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import nl.spoorwijzer.timeline.Timeline;
import nl.spoorwijzer.timeline.TimelineInput;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The bridge between a case's process variables and the Poortwachter calendar: reads what is known of the case,
 * computes the legal dates and writes them back as the variables that timers and task due dates read.
 */
@Component
public class CaseTimeline {

    private final PoortwachterCalendar calendar;
    private final ProcessSettings settings;
    private final LegalTime time;

    public CaseTimeline(PoortwachterCalendar calendar, ProcessSettings settings, LegalTime time) {
        this.calendar = calendar;
        this.settings = settings;
        this.time = time;
    }

    /** The variables {@link #apply} writes besides the milestone deadlines; called processes may hold copies. */
    public static final List<String> DERIVED_VARIABLES = List.of(EERSTEJAARSEVALUATIE_WINDOW_START,
            ZIEKMELDING_UWV_TASK_START, DESKUNDIGENOORDEEL_TASK_START, EINDFASE_START, EINDE_WACHTTIJD_DATUM,
            SPOOR_2_EINDRAPPORTAGE_START,
            EVALUATION_INTERVAL);

    public TimelineInput inputOf(VariableScope variables) {
        return TimelineInput.of(time.toDate(variables.getVariable(EERSTE_ZIEKTEDAG)))
                .withGaps(RecoveryGaps.parse((String) variables.getVariable(HERSTELPERIODES)))
                .withVvlWeeks(weeks(variables.getVariable(VVL_WEKEN)))
                .withSanctionWeeks(weeks(variables.getVariable(LOONSANCTIE_WEKEN)))
                .withSanctionEndsOn(time.toDate(variables.getVariable(LOONSANCTIE_EINDE)))
                .withActualProbleemanalyse(time.toDate(variables.getVariable(PROBLEEMANALYSE_DATUM)))
                .withActualEerstejaarsevaluatie(time.toDate(variables.getVariable(EERSTEJAARSEVALUATIE_DATUM)));
    }

    /** Every variable {@link #apply} writes: the milestone deadlines and the derived start dates. */
    public static List<String> writtenVariables() {
        List<String> names = new ArrayList<>();
        for (MilestoneKey key : MilestoneKey.values()) {
            names.add(deadlineVariable(key));
        }
        names.addAll(DERIVED_VARIABLES);
        return names;
    }

    private static int weeks(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    /**
     * The probleemanalyse's deadline: the calendar's, or — when the bedrijfsarts only concluded after week 6 that it
     * is needed (Regeling procesgang art. 2 lid 3) — the deadline set on that day, so that moving the timeline later
     * (a relapse, a UWV decision) never puts it back to a day 42 long gone.
     */
    private LocalDate probleemanalyseDue(VariableScope variables, LocalDate regular) {
        LocalDate agreed = time.toDate(variables.getVariable(PROBLEEMANALYSE_AFGESPROKEN_TERMIJN));
        if (agreed != null) {
            return agreed;
        }
        LocalDate requested = time.toDate(variables.getVariable(PROBLEEMANALYSE_LATER_GEVRAAGD));
        if (requested == null || !Boolean.TRUE.equals(variables.getVariable(PROBLEEMANALYSE_LATER_NODIG))) {
            return regular;
        }
        return PoortwachterCalendar.lateProbleemanalyseDue(regular, requested, settings.lateProbleemanalyseDays());
    }

    /**
     * The date werkgever and werknemer agreed (Regeling procesgang art. 5); otherwise two weeks after the
     * probleemanalyse (art. 4 lid 1), by week 8 at the latest — unless the probleemanalyse rightly came later
     * (art. 2 lid 3) or its deadline was moved by agreement: then two weeks after it was made, or, while it is not,
     * after its deadline.
     */
    private LocalDate planVanAanpakDue(VariableScope variables, TimelineInput input) {
        LocalDate agreed = time.toDate(variables.getVariable(PLAN_VAN_AANPAK_AFGESPROKEN_TERMIJN));
        if (agreed != null) {
            return agreed;
        }
        LocalDate agreedProbleemanalyse = time.toDate(variables.getVariable(PROBLEEMANALYSE_AFGESPROKEN_TERMIJN));
        if (agreedProbleemanalyse != null && input.actualProbleemanalyse() == null) {
            return calendar.plusSickDays(input, agreedProbleemanalyse,
                    LegalTerms.PLAN_VAN_AANPAK_DAYS_AFTER_PROBLEEMANALYSE);
        }
        return calendar.planVanAanpak(input, agreedProbleemanalyse != null
                || Boolean.TRUE.equals(variables.getVariable(PROBLEEMANALYSE_LATER_NODIG)));
    }

    /**
     * Computes the timeline of the case and stores every date the model reads.
     *
     * @return the effective legal dates by milestone key (plus the EJE window start), for the dossier
     */
    public Map<String, Object> apply(VariableScope variables) {
        TimelineInput input = inputOf(variables);
        Timeline timeline = calendar.compute(input);
        Map<String, Object> dates = new LinkedHashMap<>();
        for (Milestone milestone : timeline.milestones()) {
            LocalDate date = switch (milestone.key()) {
                case PLAN_VAN_AANPAK -> planVanAanpakDue(variables, input);
                case PROBLEEMANALYSE -> probleemanalyseDue(variables, milestone.date());
                default -> milestone.date();
            };
            variables.setVariable(deadlineVariable(milestone.key()), time.endOfDay(date));
            dates.put(milestone.key().key(), date.toString());
        }
        LocalDate ejeWindowStart = timeline.get(MilestoneKey.EERSTEJAARSEVALUATIE).windowStart();
        variables.setVariable(EERSTEJAARSEVALUATIE_WINDOW_START, time.startOfDay(ejeWindowStart));
        dates.put("eerstejaarsevaluatie-venster", ejeWindowStart.toString());
        variables.setVariable(ZIEKMELDING_UWV_TASK_START, time.startOfDay(
                timeline.dateOf(MilestoneKey.ZIEKMELDING_UWV).minusDays(settings.taskLeadDays())));
        variables.setVariable(DESKUNDIGENOORDEEL_TASK_START, time.startOfDay(timeline.dateOf(
                MilestoneKey.DESKUNDIGENOORDEEL_INSPANNINGEN).minusDays(settings.taskLeadDays())));
        variables.setVariable(EINDFASE_START, time.startOfDay(settings.finalPhaseStart(
                timeline.dateOf(MilestoneKey.WIA_AANVRAAG))));
        variables.setVariable(EINDE_WACHTTIJD_DATUM, timeline.dateOf(MilestoneKey.EINDE_WACHTTIJD).toString());
        variables.setVariable(SPOOR_2_EINDRAPPORTAGE_START, time.startOfDay(
                timeline.dateOf(MilestoneKey.EINDE_WACHTTIJD).minusDays(settings.taskLeadDays())));
        variables.setVariable(EVALUATION_INTERVAL, "P" + calendar.settings().evaluationIntervalDays() + "D");
        return dates;
    }
}
