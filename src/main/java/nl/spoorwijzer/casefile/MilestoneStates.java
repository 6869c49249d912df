package nl.spoorwijzer.casefile;

import static nl.spoorwijzer.process.ProcessKeys.Tasks.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.springframework.stereotype.Component;

/**
 * The one computation of where each legal milestone of a case stands — done on time, late, missed, upcoming or not
 * (longer) needed — from the case's dossier alone, so a closed case answers as well as a running one. The timeline
 * picture (report/TimelinePictures) draws it and the deadline read model ({@link CaseDeadlines}) stores it.
 */
@Component
public class MilestoneStates {

    /** The steps whose completion fulfils a milestone; a milestone without steps is a date to know. */
    public static final Map<MilestoneKey, List<String>> STEPS = new EnumMap<>(Map.of(
            MilestoneKey.ZIEKMELDING_BEDRIJFSARTS, List.of(ZIEKMELDING_DOORGEVEN),
            MilestoneKey.PROBLEEMANALYSE, List.of(PROBLEEMANALYSE_OPSTELLEN),
            MilestoneKey.PLAN_VAN_AANPAK, List.of(PLAN_VAN_AANPAK_OPSTELLEN),
            MilestoneKey.ZIEKMELDING_UWV, List.of(ZIEKMELDING_UWV_DOEN),
            MilestoneKey.EERSTEJAARSEVALUATIE, List.of(EERSTEJAARSEVALUATIE_HOUDEN),
            MilestoneKey.SPOOR_2_START, List.of(REINTEGRATIEBUREAU_INSCHAKELEN),
            MilestoneKey.DESKUNDIGENOORDEEL_INSPANNINGEN, List.of(DESKUNDIGENOORDEEL_INSPANNINGEN_OVERWEGEN),
            MilestoneKey.EINDEVALUATIE, List.of(ACTUEEL_OORDEEL_OPSTELLEN, EINDEVALUATIE_HOUDEN),
            MilestoneKey.WIA_AANVRAAG, List.of(WIA_AANVRAAG_INDIENEN)));

    /** Who takes each step (its candidate group or assignee in poortwachter.bpmn). */
    private static final Map<String, Role> ROLES = Map.of(
            ZIEKMELDING_DOORGEVEN, Role.WERKGEVER,
            PROBLEEMANALYSE_OPSTELLEN, Role.BEDRIJFSARTS,
            PLAN_VAN_AANPAK_OPSTELLEN, Role.WERKGEVER,
            ZIEKMELDING_UWV_DOEN, Role.WERKGEVER,
            EERSTEJAARSEVALUATIE_HOUDEN, Role.WERKGEVER,
            REINTEGRATIEBUREAU_INSCHAKELEN, Role.WERKGEVER,
            DESKUNDIGENOORDEEL_INSPANNINGEN_OVERWEGEN, Role.WERKGEVER,
            ACTUEEL_OORDEEL_OPSTELLEN, Role.BEDRIJFSARTS,
            EINDEVALUATIE_HOUDEN, Role.WERKGEVER,
            WIA_AANVRAAG_INDIENEN, Role.WERKNEMER);

    private static final String SPOOR_2_DECISION_OUTCOME = "spoor2Inzetten";

    /**
     * One milestone of one case.
     *
     * @param date     the legal date as last computed
     * @param doneOn   the day its (last) step was taken, or null
     * @param daysLate how many days after its due date it was done, when done late; else null
     * @param role     who must take the step that is (or was last) due; null for a date without a step
     */
    public record MilestoneState(MilestoneKey key, LocalDate date, DeadlineState state, LocalDate doneOn,
                                 Integer daysLate, Role role) {

        public MilestoneState {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(state, "state");
        }

        /** The party of {@link #role()}, or null. */
        public DeadlineParty party() {
            return role == null ? null : DeadlineParty.of(role);
        }
    }

    private final LegalTime time;

    public MilestoneStates(LegalTime time) {
        this.time = time;
    }

    /** Every milestone with a computed date, in chronological order of the law. */
    public List<MilestoneState> of(CaseFile file, List<DossierEntry> entries, LocalDate today) {
        Map<String, Object> dates = DossierEntry.latestTimeline(entries);
        LocalDate endedOn = endedOn(file, entries);
        List<MilestoneState> states = new ArrayList<>();
        for (MilestoneKey key : MilestoneKey.values()) {
            Object date = dates.get(key.key());
            if (date != null) {
                states.add(stateOf(key, LocalDate.parse(date.toString()), entries, today, endedOn, file));
            }
        }
        return states;
    }

    private MilestoneState stateOf(MilestoneKey key, LocalDate date, List<DossierEntry> entries, LocalDate today,
                                   LocalDate endedOn, CaseFile file) {
        List<String> tasks = STEPS.get(key);
        if (tasks == null) {
            return new MilestoneState(key, date, DeadlineState.DATUM, null, null, null);
        }
        if (key == MilestoneKey.SPOOR_2_START && spoor2NotNeeded(entries)) {
            return new MilestoneState(key, date, DeadlineState.NIET_NODIG, null, null, ROLES.get(tasks.get(0)));
        }
        LocalDate doneOn = null;
        boolean late = false;
        int daysLate = 0;
        String due = null;
        for (String task : tasks) {
            DossierEntry done = firstCompletion(entries, task);
            if (done == null) {
                due = task;
                doneOn = null;
                late = false;
                break;
            }
            LocalDate day = dayOf(done);
            LocalDate dueDate = Objects.requireNonNullElse(done.dueDate(), date);
            doneOn = doneOn == null || day.isAfter(doneOn) ? day : doneOn;
            boolean stepLate = Boolean.FALSE.equals(done.deadlineMet())
                    || (done.deadlineMet() == null && day.isAfter(dueDate));
            late |= stepLate;
            if (stepLate) {
                daysLate = Math.max(daysLate, (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, day)));
            }
        }
        if (doneOn != null) {
            Role role = ROLES.get(tasks.get(tasks.size() - 1));
            return new MilestoneState(key, date, late ? DeadlineState.TE_LAAT : DeadlineState.OP_TIJD, doneOn,
                    late ? daysLate : null, role);
        }
        Role role = ROLES.get(due);
        boolean ended = endedOn != null || !CaseFile.OPEN.equals(file.status());
        if (ended && endedOn != null && !date.isBefore(endedOn)) {
            return new MilestoneState(key, date, DeadlineState.NIET_NODIG, null, null, role);
        }
        boolean missed = today.isAfter(date) || entries.stream().anyMatch(entry ->
                entry.type() == DossierEntryType.DEADLINE_MISSED && tasks.contains(entry.elementId()));
        return new MilestoneState(key, date, missed ? DeadlineState.GEMIST : DeadlineState.KOMEND, null, null, role);
    }

    /**
     * Whether an entry can change what {@link #of} answers (a legal step, a timeline, a miss, an end) or where a
     * report of the bureau stands ({@link BureauReportStates}).
     */
    public static boolean concerns(DossierEntry entry) {
        return switch (entry.type()) {
            case TIMELINE_COMPUTED, TIMELINE_UPDATED, DEADLINE_MISSED, CASE_CLOSED, RECOVERY, RELAPSE -> true;
            case TASK_COMPLETED -> ROLES.containsKey(entry.elementId()) || BureauReportStates.concerns(entry);
            case STEP_IMPORTED -> ROLES.containsKey(entry.elementId());
            case DECISION -> ProcessKeys.Elements.SPOOR_2_BESLUITEN.equals(entry.elementId());
            default -> false;
        };
    }

    private static DossierEntry firstCompletion(List<DossierEntry> entries, String task) {
        return entries.stream().filter(entry -> (entry.type() == DossierEntryType.TASK_COMPLETED
                        || entry.type() == DossierEntryType.STEP_IMPORTED) && task.equals(entry.elementId()))
                .findFirst().orElse(null);
    }

    /** The day a step was taken: for an imported step the day it was taken elsewhere, not the day of the import. */
    public LocalDate dayOf(DossierEntry entry) {
        Object taken = entry.type() == DossierEntryType.STEP_IMPORTED ? entry.content().get("datum") : null;
        return taken != null ? LocalDate.parse(taken.toString()) : time.dayOf(entry.recordedAt());
    }

    /** The day a closing fact names ({@code datum}), or the day it was recorded. */
    public LocalDate dayOfFact(DossierEntry entry) {
        Object day = entry.content().get("datum");
        return day != null ? LocalDate.parse(day.toString()) : time.dayOf(entry.recordedAt());
    }

    /** The day the case closed, as its dossier (or, without an entry, its row) says; null while it runs. */
    public LocalDate closedOn(CaseFile file, List<DossierEntry> entries) {
        return entries.stream().filter(entry -> entry.type() == DossierEntryType.CASE_CLOSED)
                .map(this::dayOfFact).reduce((first, second) -> second)
                .orElse(CaseFile.CLOSED.equals(file.status()) ? file.recoveredOn() : null);
    }

    /**
     * From when the case's steps are no longer needed: the day of recovery of a case that closed after its
     * herstelperiode (a step due in those 28 days was not missed), else the day it closed; the recovery day of a case
     * that waits in its herstelperiode; null while it runs.
     */
    private LocalDate endedOn(CaseFile file, List<DossierEntry> entries) {
        DossierEntry closing = entries.stream().filter(entry -> entry.type() == DossierEntryType.CASE_CLOSED)
                .reduce((first, second) -> second).orElse(null);
        if (closing != null) {
            Object recovered = closing.content().get(ProcessVariables.HERSTEL_DATUM);
            return recovered != null ? LocalDate.parse(recovered.toString()) : dayOfFact(closing);
        }
        return file.recoveredOn();
    }

    /** The eerstejaarsevaluatie's decision (DMN spoor-2-inzetten) said spoor 2 is not needed. */
    private static boolean spoor2NotNeeded(List<DossierEntry> entries) {
        return entries.stream().filter(entry -> entry.type() == DossierEntryType.DECISION
                        && ProcessKeys.Elements.SPOOR_2_BESLUITEN.equals(entry.elementId()))
                .reduce((first, second) -> second)
                .map(entry -> entry.content().get("uitkomst") instanceof Map<?, ?> outcome
                        && Boolean.FALSE.equals(outcome.get(SPOOR_2_DECISION_OUTCOME)))
                .orElse(false);
    }
}
