package nl.spoorwijzer.ownwork;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spoorwijzer.cases.WorkResumptionSummary;
import nl.spoorwijzer.dossier.DossierEntry;
import org.springframework.stereotype.Component;

/** The opbouw in own work as the parties read it: the schedule with its versions, the weeks, the case screen's line. */
@Component
class WorkResumptionViews implements WorkResumptionSummary {

    /** The schedule in force (version 0 and no periods when there is none) and the earlier versions, newest first. */
    record ScheduleView(int version, LocalDate bedrijfsartsAdviceOn, List<Schedule.Period> periods,
                        Schedule.Period currentPeriod, OffsetDateTime setOn, String setBy,
                        List<Schedule> earlierVersions) {
    }

    /** Every recorded week with hours planned and worked, and the totals. */
    record HoursView(List<WorkResumptionHours.Week> weeks, BigDecimal totalPlanned, BigDecimal totalWorked) {
    }

    /** The case screen's line: the period that runs (or null) and the last recorded week, planned against worked. */
    record Summary(int scheduleVersion, LocalDate scheduleFrom, LocalDate scheduleTo, Schedule.Period currentPeriod,
                   WorkResumptionHours.Week lastWeek) {
    }

    ScheduleView schedule(List<DossierEntry> entries, LocalDate today) {
        List<Schedule> versions = new ArrayList<>(Schedule.versions(entries));
        if (versions.isEmpty()) {
            return new ScheduleView(0, null, List.of(), null, null, null, List.of());
        }
        Schedule current = versions.remove(versions.size() - 1);
        return new ScheduleView(current.version(), current.bedrijfsartsAdviceOn(), current.periods(),
                current.periodOn(today).orElse(null), current.setOn(), current.setBy(),
                reversed(versions));
    }

    private static List<Schedule> reversed(List<Schedule> versions) {
        List<Schedule> newestFirst = new ArrayList<>(versions);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    HoursView hours(List<DossierEntry> entries) {
        List<WorkResumptionHours.Week> weeks = List.copyOf(WorkResumptionHours.weeks(entries).values());
        return new HoursView(weeks, weeks.stream().map(WorkResumptionHours.Week::plannedHours)
                .reduce(BigDecimal.ZERO, BigDecimal::add), weeks.stream().map(WorkResumptionHours.Week::workedHours)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Override
    public Object of(List<DossierEntry> entries, LocalDate today) {
        Optional<Schedule> current = Schedule.current(entries);
        if (current.isEmpty()) {
            return null;
        }
        Schedule schedule = current.get();
        var weeks = WorkResumptionHours.weeks(entries);
        return new Summary(schedule.version(), schedule.span().from(), schedule.span().to(),
                schedule.periodOn(today).orElse(null), weeks.isEmpty() ? null : weeks.lastEntry().getValue());
    }
}
