package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When the plan van aanpak is evaluated next: at least every {@link TimelineSettings#evaluationIntervalDays()} days
 * (6 weeks, Regeling procesgang art. 4 lid 2), and every {@link OwnWorkSettings#evaluationIntervalDays()} days (two
 * weeks) while the employee expands his own work step by step by an opbouwschema (seed 000: "regelmatige evaluaties
 * (voorstel om de twee weken)").
 */
public class OwnWorkCadence {

    /** The days an opbouwschema runs: from the first day of its first period to the last day of its last. */
    public record Span(LocalDate from, LocalDate to) {
        public Span {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        boolean endsBefore(LocalDate day) {
            return to.isBefore(day);
        }
    }

    private final TimelineSettings timeline;
    private final OwnWorkSettings ownWork;

    public OwnWorkCadence(TimelineSettings timeline, OwnWorkSettings ownWork) {
        this.timeline = timeline;
        this.ownWork = ownWork;
    }

    /**
     * The next evaluation after one held (or a plan that came into force) on {@code last}: one opbouw interval after
     * the day opbouw runs from (today, or the schedule's later start), never later than the 6-week maximum.
     *
     * @param opbouw the opbouwschema, or null when there is none
     */
    public LocalDate nextDue(LocalDate last, Span opbouw) {
        LocalDate latest = last.plusDays(timeline.evaluationIntervalDays());
        if (opbouw == null || opbouw.endsBefore(last)) {
            return latest;
        }
        LocalDate from = opbouw.from().isAfter(last) ? opbouw.from() : last;
        LocalDate often = from.plusDays(ownWork.evaluationIntervalDays());
        return often.isBefore(latest) ? often : latest;
    }

    /**
     * An opbouwschema was set while the next evaluation waits (planned after {@code last}, due {@code currentDue}):
     * the evaluation moves forward to one opbouw interval after the last evaluation or the schedule's start,
     * whichever is later — today when that day has passed already. It never moves later.
     */
    public LocalDate replannedDue(LocalDate currentDue, LocalDate last, Span opbouw, LocalDate today) {
        if (opbouw.endsBefore(today)) {
            return currentDue;
        }
        LocalDate from = opbouw.from().isAfter(last) ? opbouw.from() : last;
        LocalDate due = from.plusDays(ownWork.evaluationIntervalDays());
        if (due.isBefore(today)) {
            due = today;
        }
        return due.isBefore(currentDue) ? due : currentDue;
    }

    /** Days the task of an evaluation with this interval appears before its due date: half the interval at most. */
    public static int leadDays(int configuredLeadDays, long intervalDays) {
        return (int) Math.max(0, Math.min(configuredLeadDays, intervalDays / 2));
    }

    public OwnWorkSettings settings() {
        return ownWork;
    }
}
