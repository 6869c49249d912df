package nl.spoorwijzer.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the 104-week timeline picture of one case shows, gathered by {@link TimelinePictures} and drawn by
 * {@link TimelineSvg}: plain data, so the drawing is tested without Spring or an engine.
 *
 * @param caseId       the case, named in the picture's title
 * @param firstSickDay day 1 of the waiting period: the left end of the axis
 * @param today        where today's line stands
 * @param weeks        the sickness weeks' boundaries (week 0 = the first sick day), recovery gaps skipped; after week
 *                     104 the weeks of any extension
 * @param milestones   the legal milestones with their dates and states
 * @param bands        periods: spoor 1, spoor 2, recovery gaps, VVL and loonsanctie
 */
public record TimelinePicture(String caseId, LocalDate firstSickDay, LocalDate today, List<WeekMark> weeks,
                              List<Mark> milestones, List<Band> bands) {

    public TimelinePicture {
        Objects.requireNonNull(firstSickDay, "firstSickDay");
        Objects.requireNonNull(today, "today");
        weeks = List.copyOf(weeks);
        milestones = List.copyOf(milestones);
        bands = List.copyOf(bands);
    }

    /** The boundary after {@code week} completed weeks of sickness: the first day of the next one. */
    public record WeekMark(int week, LocalDate on) {
    }

    /**
     * One legal milestone.
     *
     * @param key         the timeline's key (e.g. {@code probleemanalyse})
     * @param name        a short Dutch name for the label
     * @param description the full Dutch name, for the tooltip
     * @param date        the legal date
     * @param state       done on time, late, missed, upcoming, a date without a step, or not needed
     * @param doneOn      when the step was done, or null
     */
    public record Mark(String key, String name, String description, LocalDate date, State state, LocalDate doneOn) {

        public Mark {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(state, "state");
        }
    }

    /** A milestone's state; {@link #cssClass()} names it in the SVG, {@link #text()} says it in Dutch. */
    public enum State {
        OP_TIJD("op-tijd", "op tijd gedaan"),
        TE_LAAT("te-laat", "te laat gedaan"),
        GEMIST("gemist", "termijn gemist"),
        KOMEND("komend", "nog te doen"),
        /** A date to know rather than a step to take (the end of the waiting period), or a date only. */
        DATUM("datum", "wettelijke datum"),
        /** The case ended before it, or the step was decided not to be needed (no spoor 2). */
        NIET_NODIG("niet-nodig", "niet (meer) nodig");

        private final String cssClass;
        private final String text;

        State(String cssClass, String text) {
            this.cssClass = cssClass;
            this.text = text;
        }

        public String cssClass() {
            return cssClass;
        }

        public String text() {
            return text;
        }
    }

    /**
     * A period drawn as a band, both days inclusive.
     *
     * @param label a Dutch text inside the band when it fits (the tooltip always has it)
     */
    public record Band(Kind kind, LocalDate from, LocalDate to, String label) {

        public Band {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The kinds of band, each in its own row of the picture. */
    public enum Kind {
        SPOOR_1("spoor-1", "Spoor 1", 0),
        SPOOR_2("spoor-2", "Spoor 2", 1),
        HERSTEL("herstel", "Herstelperiode", 2),
        VVL("vvl", "VVL", 2),
        LOONSANCTIE("loonsanctie", "Loonsanctie", 2);

        private final String cssClass;
        private final String text;
        private final int row;

        Kind(String cssClass, String text, int row) {
            this.cssClass = cssClass;
            this.text = text;
            this.row = row;
        }

        public String cssClass() {
            return cssClass;
        }

        public String text() {
            return text;
        }

        int row() {
            return row;
        }
    }
}
