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
    record ScheduleView(int versie, LocalDate adviesBedrijfsartsVan, List<Schedule.Period> perioden,
                        Schedule.Period huidigePeriode, OffsetDateTime vastgesteldOp, String vastgesteldDoor,
                        List<Schedule> eerdereVersies) {
    }

    /** Every recorded week with hours planned and worked, and the totals. */
    record HoursView(List<WorkResumptionHours.Week> weken, BigDecimal totaalGepland, BigDecimal totaalGewerkt) {
    }

    /** The case screen's line: the period that runs (or null) and the last recorded week, planned against worked. */
    record Summary(int schemaVersie, LocalDate opbouwVan, LocalDate opbouwTot, Schedule.Period huidigePeriode,
                   WorkResumptionHours.Week laatsteWeek) {
    }

    ScheduleView schedule(List<DossierEntry> entries, LocalDate today) {
        List<Schedule> versions = new ArrayList<>(Schedule.versions(entries));
        if (versions.isEmpty()) {
            return new ScheduleView(0, null, List.of(), null, null, null, List.of());
        }
        Schedule current = versions.remove(versions.size() - 1);
        return new ScheduleView(current.versie(), current.adviesBedrijfsartsVan(), current.perioden(),
                current.periodOn(today).orElse(null), current.vastgesteldOp(), current.vastgesteldDoor(),
                reversed(versions));
    }

    private static List<Schedule> reversed(List<Schedule> versions) {
        List<Schedule> newestFirst = new ArrayList<>(versions);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    HoursView hours(List<DossierEntry> entries) {
        List<WorkResumptionHours.Week> weeks = List.copyOf(WorkResumptionHours.weeks(entries).values());
        return new HoursView(weeks, weeks.stream().map(WorkResumptionHours.Week::geplandeUren)
                .reduce(BigDecimal.ZERO, BigDecimal::add), weeks.stream().map(WorkResumptionHours.Week::gewerkteUren)
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
        return new Summary(schedule.versie(), schedule.span().from(), schedule.span().to(),
                schedule.periodOn(today).orElse(null), weeks.isEmpty() ? null : weeks.lastEntry().getValue());
    }
}
