package nl.spoorwijzer.ownwork;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.timeline.OwnWorkCadence;

/**
 * One version of a case's opbouwschema, as its dossier decision recorded it: the dossier is where every version is
 * kept (append-only), the latest one is in force.
 */
record Schedule(int version, LocalDate bedrijfsartsAdviceOn, List<Period> periods, OffsetDateTime setOn,
                String setBy) {

    /** A period of the schedule: both days included. */
    record Period(LocalDate from, LocalDate to, BigDecimal hoursPerWeek, String tasks) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }

        Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("van", from.toString());
            facts.put("tot", to.toString());
            facts.put("urenPerWeek", hoursPerWeek);
            facts.put("taken", tasks);
            return facts;
        }

        static Period of(Map<?, ?> facts) {
            return new Period(LocalDate.parse(facts.get("van").toString()), LocalDate.parse(facts.get("tot").toString()),
                    new BigDecimal(facts.get("urenPerWeek").toString()), (String) facts.get("taken"));
        }
    }

    /** The dossier's element id of the decision that sets or changes the schedule. */
    static final String ELEMENT_ID = "opbouwschemaVastleggen";

    OwnWorkCadence.Span span() {
        return new OwnWorkCadence.Span(periods.get(0).from(), periods.get(periods.size() - 1).to());
    }

    Optional<Period> periodOn(LocalDate day) {
        return periods.stream().filter(period -> period.covers(day)).findFirst();
    }

    /** The hours planned for the week that starts on the given Monday: those of the period its first day is in. */
    Optional<BigDecimal> plannedHours(LocalDate monday) {
        return periodOn(monday).or(() -> periodOn(monday.plusDays(6))).map(Period::hoursPerWeek);
    }

    Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("versie", version);
        facts.put("adviesBedrijfsartsVan", bedrijfsartsAdviceOn.toString());
        facts.put("perioden", periods.stream().map(Period::facts).toList());
        return facts;
    }

    static Schedule of(DossierEntry entry) {
        Map<String, Object> content = entry.content();
        List<Period> periods = ((List<?>) content.get("perioden")).stream().map(p -> Period.of((Map<?, ?>) p))
                .toList();
        return new Schedule(((Number) content.get("versie")).intValue(),
                LocalDate.parse(content.get("adviesBedrijfsartsVan").toString()), periods, entry.recordedAt(),
                entry.recordedBy());
    }

    /** Every version recorded in the case's dossier, oldest first. */
    static List<Schedule> versions(List<DossierEntry> entries) {
        return entries.stream().filter(entry -> ELEMENT_ID.equals(entry.elementId())).map(Schedule::of).toList();
    }

    static Optional<Schedule> current(List<DossierEntry> entries) {
        List<Schedule> versions = versions(entries);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }
}
