package nl.spoorwijzer.report;

import static nl.spoorwijzer.process.ProcessKeys.Tasks.REINTEGRATIEBUREAU_INSCHAKELEN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.casefile.MilestoneStates;
import nl.spoorwijzer.casefile.MilestoneStates.MilestoneState;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.process.TimelineChange.SanctionImposed;
import nl.spoorwijzer.process.TimelineChange.SanctionShortened;
import nl.spoorwijzer.process.TimelineChange.VvlGranted;
import nl.spoorwijzer.report.TimelinePicture.Band;
import nl.spoorwijzer.report.TimelinePicture.Kind;
import nl.spoorwijzer.report.TimelinePicture.Mark;
import nl.spoorwijzer.report.TimelinePicture.State;
import nl.spoorwijzer.report.TimelinePicture.WeekMark;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.InvalidTimelineInputException;
import nl.spoorwijzer.timeline.LegalTerms;
import nl.spoorwijzer.timeline.MilestoneKey;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import nl.spoorwijzer.timeline.RecoveryGap;
import nl.spoorwijzer.timeline.SicknessPeriods;
import nl.spoorwijzer.timeline.TimelineInput;
import org.springframework.stereotype.Component;

/**
 * The 104-week timeline of a case as a picture (SVG): the legal dates as last computed, each step's state from the
 * dossier (done on time, late, missed, upcoming), the recovery gaps, UWV's extensions (VVL, loonsanctie), spoor 1 and
 * spoor 2, and today. Everything comes from the dossier, so a closed case draws as well as a running one. The caller
 * has checked that the case may be seen; a caller who sees its status only (management) gets the dates without what
 * was done.
 */
@Component
public class TimelinePictures {

    /** Short names that fit under a marker; the tooltip has the full one. */
    static final Map<MilestoneKey, String> SHORT_NAMES = new EnumMap<>(Map.of(
            MilestoneKey.ZIEKMELDING_BEDRIJFSARTS, "Ziekmelding bedrijfsarts",
            MilestoneKey.PROBLEEMANALYSE, "Probleemanalyse",
            MilestoneKey.PLAN_VAN_AANPAK, "Plan van aanpak",
            MilestoneKey.ZIEKMELDING_UWV, "42e-weeksmelding",
            MilestoneKey.EERSTEJAARSEVALUATIE, "Eerstejaarsevaluatie",
            MilestoneKey.SPOOR_2_START, "Start spoor 2",
            MilestoneKey.DESKUNDIGENOORDEEL_INSPANNINGEN, "Deskundigenoordeel",
            MilestoneKey.EINDEVALUATIE, "Eindevaluatie, actueel oordeel",
            MilestoneKey.WIA_AANVRAAG, "WIA-aanvraag",
            MilestoneKey.EINDE_WACHTTIJD, "Einde wachttijd"));

    /** The steps that record a start of spoor 2 as a decision, with its day ({@code datum}). */
    private static final List<String> SPOOR_2_STARTS = List.of(ProcessKeys.Elements.SPOOR_2_START_VASTLEGGEN,
            ProcessKeys.Elements.EJE_SPOOR_2_START_VASTLEGGEN);

    private final CaseFileRepository cases;
    private final DossierRepository dossier;
    private final CaseAccess access;
    private final PoortwachterCalendar calendar;
    private final LegalTime time;
    private final MilestoneStates milestoneStates;

    public TimelinePictures(CaseFileRepository cases, DossierRepository dossier, CaseAccess access,
                            PoortwachterCalendar calendar, LegalTime time) {
        this.cases = cases;
        this.dossier = dossier;
        this.access = access;
        this.calendar = calendar;
        this.time = time;
        this.milestoneStates = new MilestoneStates(time);
    }

    /** The case's timeline as an {@code <svg>} element; the caller has checked that the case may be seen. */
    public String svgOf(String caseId) {
        CaseFile file = cases.find(caseId).orElseThrow(() ->
                RuleViolationException.notFound("caseId", "no case '" + caseId + "'"));
        return TimelineSvg.render(picture(file, dossier.findByCase(caseId), time.today(),
                access.mayReadContents(file)));
    }

    /**
     * What the picture shows of the case on the given day.
     *
     * @param steps whether to show what was done (the dossier's contents) or only the legal dates
     */
    TimelinePicture picture(CaseFile file, List<DossierEntry> entries, LocalDate today, boolean steps) {
        Map<String, Object> dates = DossierEntry.latestTimeline(entries);
        TimelineInput input = inputOf(file.firstSickDay(), entries);
        LocalDate endWithoutExtensions = endWithoutExtensions(input);
        LocalDate endWithVvl = endWithoutExtensions.plusWeeks(input.vvlWeeks());
        LocalDate end = dateOf(dates, MilestoneKey.EINDE_WACHTTIJD);
        if (end == null) {
            end = endWithVvl;
        }
        LocalDate closedOn = milestoneStates.closedOn(file, entries);

        List<Mark> marks = new ArrayList<>();
        for (MilestoneState milestone : milestoneStates.of(file, entries, today)) {
            MilestoneKey key = milestone.key();
            marks.add(steps ? new Mark(key.key(), SHORT_NAMES.get(key), key.label(), milestone.date(),
                    State.valueOf(milestone.state().name()), milestone.doneOn())
                    : new Mark(key.key(), SHORT_NAMES.get(key), key.label(), milestone.date(), State.DATUM, null));
        }

        List<Band> bands = new ArrayList<>();
        LocalDate spoor1End = closedOn != null && closedOn.isBefore(end) ? closedOn : end;
        bands.add(new Band(Kind.SPOOR_1, file.firstSickDay(), spoor1End, "Spoor 1"));
        if (!steps) {
            // Whoever sees only the case's status (management) sees its dates, not its history: no spoor 2 start,
            // no recovery gaps (relapses), no UWV decisions.
            return new TimelinePicture(file.caseId(), file.firstSickDay(), today,
                    weeks(input, endWithoutExtensions, end), marks, bands);
        }
        spoor2(entries, closedOn, end).ifPresent(bands::add);
        for (RecoveryGap gap : input.gaps()) {
            bands.add(new Band(Kind.HERSTEL, gap.firstHealthyDay(), gap.lastHealthyDay(),
                    gap.days() + (gap.days() == 1 ? " hersteldag" : " hersteldagen")));
        }
        if (CaseFile.RECOVERED.equals(file.status()) && file.recoveredOn() != null
                && !today.isBefore(file.recoveredOn())) {
            bands.add(new Band(Kind.HERSTEL, file.recoveredOn(), today, "Hersteld"));
        }
        if (input.vvlWeeks() > 0) {
            bands.add(new Band(Kind.VVL, endWithoutExtensions.plusDays(1), endWithVvl,
                    "VVL " + input.vvlWeeks() + " weken"));
        }
        if (input.sanctionWeeks() > 0 && end.isAfter(endWithVvl)) {
            bands.add(new Band(Kind.LOONSANCTIE, endWithVvl.plusDays(1), end, input.sanctionEndsOn() == null
                    ? "Loonsanctie " + input.sanctionWeeks() + " weken" : "Loonsanctie (bekort)"));
        }
        return new TimelinePicture(file.caseId(), file.firstSickDay(), today,
                weeks(input, endWithoutExtensions, end), marks, bands);
    }

    /** What the calendar needs, read back from the dossier: recovery gaps, VVL and loonsanctie. */
    private static TimelineInput inputOf(LocalDate firstSickDay, List<DossierEntry> entries) {
        List<RecoveryGap> gaps = new ArrayList<>();
        int vvlWeeks = 0;
        int sanctionWeeks = 0;
        LocalDate sanctionEnd = null;
        for (DossierEntry entry : entries) {
            Map<String, Object> content = entry.content();
            if (entry.type() == DossierEntryType.TIMELINE_UPDATED && content.get(ProcessVariables.HERSTEL_DATUM) != null
                    && content.get(ProcessVariables.TERUGVAL_DATUM) != null) {
                SicknessPeriods.gap(LocalDate.parse(content.get(ProcessVariables.HERSTEL_DATUM).toString()),
                        LocalDate.parse(content.get(ProcessVariables.TERUGVAL_DATUM).toString())).ifPresent(gaps::add);
            }
            if (entry.type() == DossierEntryType.UWV_DECISION) {
                Object type = content.get("type");
                if (VvlGranted.TYPE.equals(type)) {
                    vvlWeeks += number(content.get("weken"));
                } else if (SanctionImposed.TYPE.equals(type)) {
                    sanctionWeeks = number(content.get("weken"));
                } else if (SanctionShortened.TYPE.equals(type) && content.get("loonsanctieEinde") != null) {
                    sanctionEnd = LocalDate.parse(content.get("loonsanctieEinde").toString());
                }
            }
        }
        return TimelineInput.of(firstSickDay).withGaps(gaps).withVvlWeeks(vvlWeeks).withSanctionWeeks(sanctionWeeks)
                .withSanctionEndsOn(sanctionEnd);
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : value == null ? 0 : Integer.parseInt(
                value.toString());
    }

    /** The last day of 104 weeks of sickness, recovery gaps not counted. */
    private LocalDate endWithoutExtensions(TimelineInput input) {
        try {
            return calendar.sickDay(input, LegalTerms.WAITING_PERIOD_DAYS);
        } catch (InvalidTimelineInputException e) {
            return input.firstSickDay().plusDays(LegalTerms.WAITING_PERIOD_DAYS - 1L);
        }
    }

    /** Week boundaries: sickness weeks up to 104 (a recovery gap stretches a week), then calendar weeks. */
    private List<WeekMark> weeks(TimelineInput input, LocalDate endWithoutExtensions, LocalDate end) {
        List<WeekMark> weeks = new ArrayList<>();
        for (int week = 0; week < LegalTerms.WAITING_PERIOD_WEEKS; week++) {
            LocalDate on;
            try {
                on = calendar.sickDay(input, week * 7 + 1);
            } catch (InvalidTimelineInputException e) {
                on = input.firstSickDay().plusWeeks(week);
            }
            weeks.add(new WeekMark(week, on));
        }
        LocalDate on = endWithoutExtensions.plusDays(1);
        for (int week = LegalTerms.WAITING_PERIOD_WEEKS; !on.isAfter(end.plusDays(1)); week++) {
            weeks.add(new WeekMark(week, on));
            on = on.plusWeeks(1);
        }
        return weeks;
    }

    /**
     * Spoor 2 from the day it really started — a recorded start (early, a restart, after the eerstejaarsevaluatie)
     * or, on older cases, the day the bureau was engaged — until its trajectory (or the case) ended, or the waiting
     * period. A trajectory started after the last one ended runs on.
     */
    private Optional<Band> spoor2(List<DossierEntry> entries, LocalDate closedOn, LocalDate end) {
        LocalDate from = null;
        DossierEntry lastEnded = null;
        for (DossierEntry entry : entries) { // in the order recorded: a restart ends the running one, then starts
            boolean started = entry.type() == DossierEntryType.DECISION && SPOOR_2_STARTS.contains(entry.elementId());
            boolean engaged = (entry.type() == DossierEntryType.TASK_COMPLETED
                    || entry.type() == DossierEntryType.STEP_IMPORTED)
                    && REINTEGRATIEBUREAU_INSCHAKELEN.equals(entry.elementId());
            if (started || engaged) {
                LocalDate day = started ? milestoneStates.dayOfFact(entry) : milestoneStates.dayOf(entry);
                from = from == null || day.isBefore(from) ? day : from;
                lastEnded = null;
            } else if (entry.type() == DossierEntryType.TRAJECTORY_ENDED) {
                lastEnded = entry;
            }
        }
        if (from == null) {
            return Optional.empty();
        }
        LocalDate endedOn = lastEnded != null ? milestoneStates.dayOfFact(lastEnded) : closedOn;
        LocalDate to = endedOn != null && endedOn.isBefore(end) ? endedOn : end;
        if (to.isBefore(from)) {
            to = from;
        }
        return Optional.of(new Band(Kind.SPOOR_2, from, to, endedOn == null
                ? "Spoor 2 sinds " + TimelineSvg.dutch(from) : "Spoor 2"));
    }

    private static LocalDate dateOf(Map<String, Object> dates, MilestoneKey key) {
        Object date = dates.get(key.key());
        return date == null ? null : LocalDate.parse(date.toString());
    }
}
