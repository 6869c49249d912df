package nl.spoorwijzer.report;

import static nl.spoorwijzer.process.ProcessKeys.Tasks.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.timeline.MilestoneKey;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import nl.spoorwijzer.timeline.RecoveryGap;
import nl.spoorwijzer.timeline.Timeline;
import nl.spoorwijzer.timeline.TimelineInput;
import nl.spoorwijzer.timeline.TimelineSettings;

/**
 * A case in its 100th week as its dossier records it: a relapse after a week of recovery, the probleemanalyse on time,
 * the plan van aanpak late, spoor 2 engaged late, the deskundigenoordeel step missed, a VVL of 13 weeks granted, and
 * the eindevaluatie and WIA application still to come. The README's timeline picture is drawn from it.
 */
final class TimelineDemoCase {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2025, 1, 6);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final LocalDate RECOVERED_ON = LocalDate.of(2025, 3, 17);
    static final LocalDate RELAPSE_ON = LocalDate.of(2025, 3, 24);
    static final int VVL_WEEKS = 13;

    final PoortwachterCalendar calendar = new PoortwachterCalendar(TimelineSettings.defaults());
    final LegalTime time = new LegalTime(Clock.system(AMSTERDAM));
    final TimelineInput input = TimelineInput.of(FIRST_SICK_DAY)
            .withGaps(List.of(new RecoveryGap(RECOVERED_ON, RELAPSE_ON.minusDays(1)))).withVvlWeeks(VVL_WEEKS);
    final Timeline timeline = calendar.compute(input);
    final List<DossierEntry> entries = new ArrayList<>();

    TimelineDemoCase() {
        Map<String, Object> relapse = new LinkedHashMap<>();
        relapse.put(ProcessVariables.HERSTEL_DATUM, RECOVERED_ON.toString());
        relapse.put(ProcessVariables.TERUGVAL_DATUM, RELAPSE_ON.toString());
        relapse.put(DossierEntry.TIMELINE, Map.of());
        add(DossierEntryType.TIMELINE_UPDATED, null, RELAPSE_ON, null, null, relapse);
        done(ZIEKMELDING_DOORGEVEN, MilestoneKey.ZIEKMELDING_BEDRIJFSARTS, -4);
        done(PROBLEEMANALYSE_OPSTELLEN, MilestoneKey.PROBLEEMANALYSE, -3);
        done(PLAN_VAN_AANPAK_OPSTELLEN, MilestoneKey.PLAN_VAN_AANPAK, 5);
        done(ZIEKMELDING_UWV_DOEN, MilestoneKey.ZIEKMELDING_UWV, -7);
        done(EERSTEJAARSEVALUATIE_HOUDEN, MilestoneKey.EERSTEJAARSEVALUATIE, -10);
        add(DossierEntryType.DECISION, ProcessKeys.Elements.SPOOR_2_BESLUITEN,
                timeline.dateOf(MilestoneKey.EERSTEJAARSEVALUATIE).minusDays(10), null, null,
                Map.of("uitkomst", Map.of("spoor2Inzetten", true)));
        done(REINTEGRATIEBUREAU_INSCHAKELEN, MilestoneKey.SPOOR_2_START, 12);
        add(DossierEntryType.DEADLINE_MISSED, DESKUNDIGENOORDEEL_INSPANNINGEN_OVERWEGEN,
                timeline.dateOf(MilestoneKey.DESKUNDIGENOORDEEL_INSPANNINGEN).plusDays(1), null, null, Map.of());
        Map<String, Object> vvl = new LinkedHashMap<>();
        vvl.put("type", "VVL");
        vvl.put("besluitdatum", "2026-09-14");
        vvl.put("weken", VVL_WEEKS);
        add(DossierEntryType.UWV_DECISION, null, LocalDate.of(2026, 9, 14), null, null, vvl);
        Map<String, Object> dates = new LinkedHashMap<>();
        timeline.asDateMap().forEach((key, date) -> dates.put(key, date.toString()));
        add(DossierEntryType.TIMELINE_UPDATED, null, LocalDate.of(2026, 9, 14), null, null,
                Map.of(DossierEntry.TIMELINE, dates));
        done(ACTUEEL_OORDEEL_OPSTELLEN, MilestoneKey.EINDEVALUATIE, -30);
    }

    CaseFile file() {
        return new CaseFile("Z-2025-0042", "pi-1", "acme-bouw", "tim", FIRST_SICK_DAY, CaseFile.OPEN,
                CasePhase.SPOOR_2, null, null, null, null, null, null);
    }

    TimelinePicture picture(boolean steps) {
        return new TimelinePictures(null, null, null, calendar, time).picture(file(), entries, TODAY, steps);
    }

    private void done(String task, MilestoneKey milestone, int daysAfterDue) {
        LocalDate due = timeline.dateOf(milestone);
        add(DossierEntryType.TASK_COMPLETED, task, due.plusDays(daysAfterDue), due, daysAfterDue <= 0, Map.of());
    }

    private void add(DossierEntryType type, String elementId, LocalDate day, LocalDate due, Boolean met,
                     Map<String, Object> content) {
        entries.add(new DossierEntry((long) entries.size(), "Z-2025-0042", "pi-1", "acme-bouw", type, type.name(),
                elementId, "anna", "werkgever", day.atTime(10, 0).atZone(AMSTERDAM).toOffsetDateTime(), due, met,
                content));
    }
}
