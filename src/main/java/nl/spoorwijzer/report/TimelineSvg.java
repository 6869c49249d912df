package nl.spoorwijzer.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.spoorwijzer.report.TimelinePicture.Band;
import nl.spoorwijzer.report.TimelinePicture.Kind;
import nl.spoorwijzer.report.TimelinePicture.Mark;
import nl.spoorwijzer.report.TimelinePicture.State;
import nl.spoorwijzer.report.TimelinePicture.WeekMark;

/**
 * Draws a {@link TimelinePicture} as one self-contained SVG: no scripts, fonts, styles or links, only presentation
 * attributes, so it works inline in HTML, in a PDF (openhtmltopdf's Batik drawer) and as a file under the API's
 * {@code default-src 'none'} policy. Every text is escaped. The horizontal position of a day is proportional to its
 * distance from the first sick day; each milestone's state is told by shape, colour and text, and a legend explains
 * them (not colour alone).
 */
public final class TimelineSvg {

    static final int WIDTH = 1100;
    static final double PLOT_LEFT = 130;
    static final double PLOT_RIGHT = 1075;
    static final double AXIS_Y = 140;
    static final double[] ROW_Y = {58, 76, 94};
    static final double ROW_HEIGHT = 14;
    static final double FIRST_LANE_Y = 182;
    static final double LANE_HEIGHT = 32;
    static final int MAX_LANES = 8;

    static final String FONT = "Helvetica, Arial, sans-serif";
    static final String TEXT = "#263238";
    static final String MUTED = "#607d8b";
    static final String TODAY = "#d32f2f";

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String[] MONTHS = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
            "nov", "dec"};
    private static final String[] ROW_LABELS = {"Spoor 1", "Spoor 2", "Herstel / verlenging"};

    private final TimelinePicture picture;
    private final LocalDate axisStart;
    private final long axisDays;
    private final StringBuilder svg = new StringBuilder(16_384);

    private TimelineSvg(TimelinePicture picture) {
        this.picture = picture;
        this.axisStart = picture.firstSickDay();
        this.axisDays = Math.max(1, ChronoUnit.DAYS.between(axisStart, axisEnd(picture)));
    }

    /** The picture as an {@code <svg>} element (no XML declaration, so it can be put inline in HTML). */
    public static String render(TimelinePicture picture) {
        return new TimelineSvg(picture).draw();
    }

    /** dd-mm-jjjj, as Dutch readers write a date. */
    static String dutch(LocalDate date) {
        return date.format(DUTCH_DATE);
    }

    /** The day after the last day the picture must show: the end of the waiting period and any extension. */
    private static LocalDate axisEnd(TimelinePicture picture) {
        LocalDate end = picture.firstSickDay().plusWeeks(104);
        for (WeekMark week : picture.weeks()) {
            end = later(end, week.on());
        }
        for (Mark mark : picture.milestones()) {
            end = later(end, mark.date().plusDays(1));
        }
        for (Band band : picture.bands()) {
            end = later(end, band.to().plusDays(1));
        }
        return end;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b.isAfter(a) ? b : a;
    }

    /** The x position of the start of a day. */
    double x(LocalDate date) {
        double days = ChronoUnit.DAYS.between(axisStart, date);
        return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * days / axisDays;
    }

    private boolean onAxis(LocalDate date) {
        return !date.isBefore(axisStart) && ChronoUnit.DAYS.between(axisStart, date) <= axisDays;
    }

    private String draw() {
        List<Label> labels = layOut(picture.milestones());
        int lanes = labels.stream().mapToInt(Label::lane).max().orElse(0) + 1;
        double lanesBottom = FIRST_LANE_Y + lanes * LANE_HEIGHT;
        double legendY = lanesBottom + 14;
        int height = (int) Math.ceil(legendY + 46);

        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tijdlijn\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" font-family=\"").append(FONT).append("\">");
        element("title", "Tijdlijn van zaak " + picture.caseId() + ": 104 weken wachttijd vanaf "
                + dutch(picture.firstSickDay()));
        element("desc", description());
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        heading();
        rows();
        grid();
        for (Band band : picture.bands()) {
            band(band);
        }
        axis();
        today(lanesBottom);
        svg.append("<g class=\"verbindingslijnen\">");
        for (Label label : labels) {
            line(label.x(), AXIS_Y + 7, label.x(), FIRST_LANE_Y + label.lane() * LANE_HEIGHT - 10, "#b0bec5", 1,
                    "2 2", null);
        }
        svg.append("</g>");
        for (Label label : labels) {
            milestone(label);
        }
        legend(legendY);
        svg.append("</svg>");
        return svg.toString();
    }

    private String description() {
        StringBuilder text = new StringBuilder("Mijlpalen: ");
        List<String> parts = new ArrayList<>();
        for (Mark mark : picture.milestones()) {
            parts.add(mark.description() + " " + dutch(mark.date()) + " (" + mark.state().text() + ")");
        }
        text.append(String.join("; ", parts)).append(". Vandaag: ").append(dutch(picture.today())).append('.');
        return text.toString();
    }

    private void heading() {
        text(PLOT_LEFT - 120, 22, "Tijdlijn wachttijd · zaak " + picture.caseId(), 15, TEXT, "start", "bold", null);
        LocalDate end = picture.milestones().stream().filter(mark -> "einde-wachttijd".equals(mark.key()))
                .map(Mark::date).findFirst().orElse(null);
        String sub = "Eerste ziektedag " + dutch(picture.firstSickDay())
                + (end == null ? "" : " · einde wachttijd " + dutch(end))
                + " · vandaag " + dutch(picture.today());
        text(PLOT_LEFT - 120, 40, sub, 11, MUTED, "start", null, null);
    }

    private void rows() {
        for (int row = 0; row < ROW_Y.length; row++) {
            text(PLOT_LEFT - 8, ROW_Y[row] + 10.5, ROW_LABELS[row], 10, MUTED, "end", null, null);
            svg.append("<rect x=\"").append(n(PLOT_LEFT)).append("\" y=\"").append(n(ROW_Y[row]))
                    .append("\" width=\"").append(n(PLOT_RIGHT - PLOT_LEFT)).append("\" height=\"")
                    .append(n(ROW_HEIGHT)).append("\" fill=\"#f5f7f8\"/>");
        }
    }

    /** Faint vertical lines every 13 weeks, from the band rows down to the axis. */
    private void grid() {
        for (WeekMark week : picture.weeks()) {
            if (week.week() > 0 && week.week() % 13 == 0 && onAxis(week.on())) {
                line(x(week.on()), ROW_Y[0], x(week.on()), AXIS_Y, "#dfe4e7", 1, null, null);
            }
        }
    }

    private void band(Band band) {
        if (!onAxis(band.from())) {
            return;
        }
        double from = x(band.from());
        double to = Math.max(from + 2, x(band.to().plusDays(1)));
        double y = ROW_Y[band.kind().row()];
        String[] colours = colours(band.kind());
        svg.append("<g class=\"band ").append(band.kind().cssClass()).append("\" data-van=\"").append(band.from())
                .append("\" data-tot=\"").append(band.to()).append("\">");
        element("title", band.kind().text() + (band.label() == null || band.label().isBlank() ? ""
                : ": " + band.label()) + " (" + dutch(band.from()) + " t/m " + dutch(band.to()) + ")");
        svg.append("<rect x=\"").append(n(from)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(to - from)).append("\" height=\"").append(n(ROW_HEIGHT)).append("\" rx=\"3\" fill=\"")
                .append(colours[0]).append("\" stroke=\"").append(colours[1]).append("\" stroke-width=\"1\"/>");
        String label = band.label() == null ? band.kind().text() : band.label();
        if (textWidth(label, 9.5) + 8 <= to - from) {
            text(from + 4, y + 10.3, label, 9.5, colours[2], "start", null, null);
        } else if (band.kind() == Kind.HERSTEL && to + 4 + textWidth(label, 9.5) <= PLOT_RIGHT) {
            text(to + 4, y + 10.3, label, 9.5, colours[2], "start", null, null);
        }
        svg.append("</g>");
    }

    /** Fill, outline and text colour of a band. */
    private static String[] colours(Kind kind) {
        return switch (kind) {
            case SPOOR_1 -> new String[] {"#d6e6f5", "#8fb3d9", "#1f3b57"};
            case SPOOR_2 -> new String[] {"#fde2bf", "#e0a050", "#6b3d00"};
            case HERSTEL -> new String[] {"#d4ecd6", "#5fa866", "#1e4d23"};
            case VVL -> new String[] {"#e4dcf3", "#8a6cc8", "#3b2370"};
            case LOONSANCTIE -> new String[] {"#f9d4d7", "#c9474f", "#6e1016"};
        };
    }

    private void axis() {
        svg.append("<g class=\"as\">");
        line(PLOT_LEFT, AXIS_Y, PLOT_RIGHT, AXIS_Y, "#455a64", 1.5, null, null);
        for (WeekMark week : picture.weeks()) {
            if (!onAxis(week.on())) {
                continue;
            }
            boolean major = week.week() % 13 == 0;
            double x = x(week.on());
            svg.append("<line class=\"week\" data-week=\"").append(week.week()).append("\" x1=\"").append(n(x))
                    .append("\" y1=\"").append(n(AXIS_Y)).append("\" x2=\"").append(n(x)).append("\" y2=\"")
                    .append(n(AXIS_Y + (major ? 8 : 4))).append("\" stroke=\"#78909c\" stroke-width=\"1\"/>");
            if (major && week.week() > 0) {
                text(x, AXIS_Y + 19, "wk " + week.week(), 9.5, MUTED, "middle", week.week() == 104 ? "bold" : null,
                        null);
            }
        }
        months();
        svg.append("</g>");
    }

    /** A tick and a Dutch month name at the first of every month; the year above January (and the first month). */
    private void months() {
        LocalDate month = axisStart.withDayOfMonth(1);
        boolean first = true;
        while (onAxis(month) || month.isBefore(axisStart)) {
            LocalDate labelDay = month.isBefore(axisStart) ? axisStart : month;
            double x = x(labelDay);
            if (!month.isBefore(axisStart)) {
                line(x, AXIS_Y - 5, x, AXIS_Y, "#90a4ae", 1, null, null);
            }
            LocalDate next = month.plusMonths(1);
            double room = x(onAxis(next) ? next : axisStart.plusDays(axisDays)) - x;
            if (room >= textWidth(MONTHS[month.getMonthValue() - 1], 9.5) + 2) {
                text(x + 2, AXIS_Y - 7, MONTHS[month.getMonthValue() - 1], 9.5, MUTED, "start", null, null);
            }
            if ((month.getMonthValue() == 1 || first) && x + 2 + textWidth("2000", 10) <= WIDTH - 4) {
                text(x + 2, AXIS_Y - 19, String.valueOf(month.getYear()), 10, TEXT, "start", "bold", null);
            }
            first = false;
            month = next;
        }
    }

    private void today(double bottom) {
        LocalDate today = picture.today();
        if (!onAxis(today)) {
            return;
        }
        double x = x(today);
        svg.append("<g class=\"vandaag\" data-datum=\"").append(today).append("\">");
        element("title", "Vandaag, " + dutch(today));
        line(x, ROW_Y[0] - 4, x, bottom - 6, TODAY, 1.5, "4 3", "vandaag-lijn");
        boolean right = x + 90 > PLOT_RIGHT;
        text(right ? x - 4 : x + 4, ROW_Y[0] - 6, "vandaag " + dutch(today), 10, TODAY, right ? "end" : "start",
                "bold", null);
        svg.append("</g>");
    }

    /** A milestone's label, placed in the first lane where it overlaps no other. */
    record Label(Mark mark, double x, int lane, boolean leftOfMarker) {
    }

    List<Label> layOut(List<Mark> marks) {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparing(Mark::date));
        List<Double> laneEnds = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (Mark mark : sorted) {
            if (!onAxis(mark.date())) {
                continue;
            }
            double x = x(mark.date());
            double width = labelWidth(mark) + 4;
            boolean left = x + width > WIDTH - 8;
            double start = left ? x - width : x;
            double end = left ? x : x + width;
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane) > start - 10) {
                lane++;
            }
            if (lane >= MAX_LANES) {
                lane = MAX_LANES - 1;
            }
            if (lane == laneEnds.size()) {
                laneEnds.add(end);
            } else {
                laneEnds.set(lane, Math.max(laneEnds.get(lane), end));
            }
            labels.add(new Label(mark, x, lane, left));
        }
        return labels;
    }

    /** The estimated width of a milestone's label: its bold name or its detail line. */
    private static double labelWidth(Mark mark) {
        return Math.max(textWidth(mark.name(), 11) * 1.08, textWidth(detail(mark), 10));
    }

    /** The label's second line: the date and, where it says more than the shape, the state. */
    static String detail(Mark mark) {
        String date = dutch(mark.date());
        return switch (mark.state()) {
            case OP_TIJD -> date + " · op tijd";
            case TE_LAAT -> date + " · te laat" + (mark.doneOn() == null ? "" : " (" + dutch(mark.doneOn()) + ")");
            case GEMIST -> date + " · gemist";
            case KOMEND -> date + " · nog te doen";
            case DATUM -> date;
            case NIET_NODIG -> date + " · niet nodig";
        };
    }

    private void milestone(Label label) {
        Mark mark = label.mark();
        double x = label.x();
        double nameY = FIRST_LANE_Y + label.lane() * LANE_HEIGHT;
        String colour = colour(mark.state());
        svg.append("<g class=\"mijlpaal ").append(mark.state().cssClass()).append("\" data-mijlpaal=\"")
                .append(escape(mark.key())).append("\" data-datum=\"").append(mark.date()).append("\">");
        element("title", mark.description() + ": termijn " + dutch(mark.date()) + " · " + mark.state().text()
                + (mark.doneOn() == null ? "" : " op " + dutch(mark.doneOn())));
        marker(mark.state(), x, AXIS_Y);
        String anchor = label.leftOfMarker() ? "end" : "start";
        double textX = label.leftOfMarker() ? x + 3 : x - 3;
        // A white ground keeps the text readable where another milestone's line or today's line passes.
        double width = labelWidth(mark);
        svg.append("<rect x=\"").append(n(label.leftOfMarker() ? textX - width : textX - 2)).append("\" y=\"")
                .append(n(nameY - 11)).append("\" width=\"").append(n(width + 2)).append("\" height=\"27\""
                        + " fill=\"#ffffff\"/>");
        text(textX, nameY, mark.name(), 11, TEXT, anchor, "bold", null);
        text(textX, nameY + 13, detail(mark), 10, colour, anchor, null, null);
        svg.append("</g>");
    }

    static String colour(State state) {
        return switch (state) {
            case OP_TIJD -> "#2e7d32";
            case TE_LAAT -> "#e65100";
            case GEMIST -> "#c62828";
            case KOMEND -> "#1565c0";
            case DATUM -> "#37474f";
            case NIET_NODIG -> "#9e9e9e";
        };
    }

    /** The marker of a state, centred on (x, y): a different shape per state, not only a different colour. */
    private void marker(State state, double x, double y) {
        String colour = colour(state);
        svg.append("<g class=\"markering\" transform=\"translate(").append(n(x)).append(',').append(n(y))
                .append(")\">");
        switch (state) {
            case OP_TIJD -> svg.append("<circle r=\"6.5\" fill=\"").append(colour)
                    .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/><path d=\"M-3,0.2 L-0.8,2.6 L3.2,-2.4\""
                            + " fill=\"none\" stroke=\"#ffffff\" stroke-width=\"1.8\"/>");
            case TE_LAAT -> svg.append("<path d=\"M0,-7.5 L7.5,0 L0,7.5 L-7.5,0 Z\" fill=\"").append(colour)
                    .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/><path d=\"M0,-3.6 L0,1\" stroke=\"#ffffff\""
                            + " stroke-width=\"1.8\"/><circle cy=\"3.2\" r=\"1\" fill=\"#ffffff\"/>");
            case GEMIST -> svg.append("<circle r=\"7\" fill=\"").append(colour)
                    .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/><path d=\"M-3,-3 L3,3 M3,-3 L-3,3\""
                            + " stroke=\"#ffffff\" stroke-width=\"1.8\"/>");
            case KOMEND -> svg.append("<circle r=\"5.5\" fill=\"#ffffff\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"/>");
            case DATUM -> svg.append("<rect x=\"-5.5\" y=\"-5.5\" width=\"11\" height=\"11\" fill=\"").append(colour)
                    .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
            case NIET_NODIG -> svg.append("<circle r=\"5\" fill=\"#ffffff\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"1.5\" stroke-dasharray=\"2 2\"/>");
        }
        svg.append("</g>");
    }

    private void legend(double y) {
        svg.append("<g class=\"legenda\">");
        text(PLOT_LEFT - 120, y + 4, "Mijlpalen:", 10, TEXT, "start", "bold", null);
        double x = PLOT_LEFT - 40;
        for (State state : State.values()) {
            marker(state, x, y);
            text(x + 11, y + 3.5, state.text(), 10, TEXT, "start", null, null);
            x += textWidth(state.text(), 10) + 34;
        }
        double y2 = y + 24;
        text(PLOT_LEFT - 120, y2 + 4, "Periodes:", 10, TEXT, "start", "bold", null);
        x = PLOT_LEFT - 40;
        for (Kind kind : Kind.values()) {
            String[] colours = colours(kind);
            svg.append("<rect x=\"").append(n(x - 7)).append("\" y=\"").append(n(y2 - 5)).append("\" width=\"16\""
                    + " height=\"10\" rx=\"2\" fill=\"").append(colours[0]).append("\" stroke=\"").append(colours[1])
                    .append("\" stroke-width=\"1\"/>");
            String text = legendText(kind);
            text(x + 14, y2 + 3.5, text, 10, TEXT, "start", null, null);
            x += textWidth(text, 10) + 38;
        }
        line(x - 7, y2 - 7, x - 7, y2 + 7, TODAY, 1.5, "4 3", null);
        text(x + 2, y2 + 3.5, "vandaag", 10, TEXT, "start", null, null);
        svg.append("</g>");
    }

    private static String legendText(Kind kind) {
        return switch (kind) {
            case SPOOR_1 -> "Spoor 1 (eigen werkgever)";
            case SPOOR_2 -> "Spoor 2 (andere werkgever)";
            case HERSTEL -> "Herstelperiode (telt niet mee)";
            case VVL -> "VVL (verlengde loondoorbetaling)";
            case LOONSANCTIE -> "Loonsanctie";
        };
    }

    /** An estimate of a Helvetica text's width: enough to keep labels apart. */
    static double textWidth(String text, double size) {
        return text.length() * size * 0.56;
    }

    private void line(double x1, double y1, double x2, double y2, String stroke, double width, String dashes,
                      String cssClass) {
        svg.append("<line");
        if (cssClass != null) {
            svg.append(" class=\"").append(cssClass).append('"');
        }
        svg.append(" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(width)).append('"');
        if (dashes != null) {
            svg.append(" stroke-dasharray=\"").append(dashes).append('"');
        }
        svg.append("/>");
    }

    private void text(double x, double y, String content, double size, String fill, String anchor, String weight,
                      String cssClass) {
        svg.append("<text");
        if (cssClass != null) {
            svg.append(" class=\"").append(cssClass).append('"');
        }
        svg.append(" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" fill=\"").append(fill).append('"');
        if (!"start".equals(anchor)) {
            svg.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (weight != null) {
            svg.append(" font-weight=\"").append(weight).append('"');
        }
        svg.append('>').append(escape(content)).append("</text>");
    }

    private void element(String name, String content) {
        svg.append('<').append(name).append('>').append(escape(content)).append("</").append(name).append('>');
    }

    /** Escapes a text for XML content and attribute values: case data is untrusted. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // Characters XML 1.0 does not allow would make the whole picture unreadable.
                    if ((c >= 0x20 && c != 0xFFFE && c != 0xFFFF) || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
