package nl.spoorwijzer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.spoorwijzer.report.TimelinePicture.Band;
import nl.spoorwijzer.report.TimelinePicture.Kind;
import nl.spoorwijzer.report.TimelinePicture.Mark;
import nl.spoorwijzer.report.TimelinePicture.State;
import nl.spoorwijzer.report.TimelinePicture.WeekMark;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The timeline picture as drawn: parsed back with the JDK's XML parser, every milestone stands at the x its date
 * gives (proportional to the days since the first sick day), tells its state by class, shape and text, the bands and
 * today's line stand at their dates, and untrusted text is escaped.
 */
class TimelineSvgTest {

    static final LocalDate FIRST = LocalDate.of(2026, 1, 5);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    /** The last day the picture shows: the end of a 12-week loonsanctie after 104 weeks. */
    static final LocalDate LAST = FIRST.plusWeeks(116).minusDays(1);
    static final long AXIS_DAYS = ChronoUnit.DAYS.between(FIRST, LAST.plusDays(1));

    private static TimelinePicture picture(String caseId, String gapLabel) {
        List<WeekMark> weeks = new ArrayList<>();
        for (int week = 0; week <= 116; week++) {
            weeks.add(new WeekMark(week, FIRST.plusWeeks(week)));
        }
        List<Mark> marks = List.of(
                new Mark("probleemanalyse", "Probleemanalyse", "Probleemanalyse", FIRST.plusDays(41),
                        State.OP_TIJD, FIRST.plusDays(35)),
                new Mark("plan-van-aanpak", "Plan van aanpak", "Plan van aanpak", FIRST.plusDays(55), State.TE_LAAT,
                        FIRST.plusDays(60)),
                new Mark("ziekmelding-uwv", "42e-weeksmelding", "Ziekmelding bij UWV (42e week)",
                        FIRST.plusDays(293), State.GEMIST, null),
                new Mark("eerstejaarsevaluatie", "Eerstejaarsevaluatie", "Eerstejaarsevaluatie",
                        FIRST.plusDays(363), State.KOMEND, null),
                new Mark("spoor-2-start", "Start spoor 2", "Uiterste start spoor 2", FIRST.plusDays(405),
                        State.NIET_NODIG, null),
                new Mark("einde-wachttijd", "Einde wachttijd", "Einde wachttijd", LAST, State.DATUM, null));
        List<Band> bands = List.of(
                new Band(Kind.SPOOR_1, FIRST, LAST, "Spoor 1"),
                new Band(Kind.HERSTEL, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 11), gapLabel),
                new Band(Kind.LOONSANCTIE, FIRST.plusWeeks(104), LAST, "Loonsanctie 12 weken"));
        return new TimelinePicture(caseId, FIRST, TODAY, weeks, marks, bands);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The expected x of a day: proportional to its days since the first sick day. */
    private static double expectedX(LocalDate date) {
        return TimelineSvg.PLOT_LEFT + (TimelineSvg.PLOT_RIGHT - TimelineSvg.PLOT_LEFT)
                * ChronoUnit.DAYS.between(FIRST, date) / AXIS_DAYS;
    }

    private static List<Element> byClass(Document document, String tag, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        throw new AssertionError("no <" + tag + "> in " + parent.getAttribute("class"));
    }

    private static double markerX(Element milestone) {
        for (Element group : childGroups(milestone)) {
            if ("markering".equals(group.getAttribute("class"))) {
                Matcher translate = Pattern.compile("translate\\(([0-9.]+),([0-9.]+)\\)")
                        .matcher(group.getAttribute("transform"));
                assertThat(translate.matches()).isTrue();
                return Double.parseDouble(translate.group(1));
            }
        }
        throw new AssertionError("no marker");
    }

    private static List<Element> childGroups(Element parent) {
        List<Element> groups = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals("g")) {
                groups.add(element);
            }
        }
        return groups;
    }

    private static Map<String, Element> milestones(Document document) {
        Map<String, Element> milestones = new HashMap<>();
        for (Element element : byClass(document, "g", "mijlpaal")) {
            milestones.put(element.getAttribute("data-mijlpaal"), element);
        }
        return milestones;
    }

    @Test
    void eachMilestoneStandsAtTheXItsDateGives() throws Exception {
        Document svg = parse(TimelineSvg.render(picture("Z-1", "10 hersteldagen")));
        Map<String, Element> milestones = milestones(svg);

        assertThat(milestones).hasSize(6);
        for (Mark mark : picture("Z-1", "").milestones()) {
            assertThat(markerX(milestones.get(mark.key()))).as(mark.key())
                    .isCloseTo(expectedX(mark.date()), within(0.06));
        }
        // Proportional: day 294 lies 293/41 times as far from the first sick day as day 42.
        double start = TimelineSvg.PLOT_LEFT;
        double probleemanalyse = markerX(milestones.get("probleemanalyse")) - start;
        double uwv = markerX(milestones.get("ziekmelding-uwv")) - start;
        assertThat(uwv / probleemanalyse).isCloseTo(293.0 / 41.0, within(0.01));
        assertThat(markerX(milestones.get("einde-wachttijd"))).as("the last day sits at the end of the axis")
                .isCloseTo(TimelineSvg.PLOT_RIGHT - (TimelineSvg.PLOT_RIGHT - TimelineSvg.PLOT_LEFT) / AXIS_DAYS,
                        within(0.06));
        assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo("1100");
    }

    @Test
    void eachMilestoneTellsItsStateByClassShapeAndText() throws Exception {
        Document svg = parse(TimelineSvg.render(picture("Z-1", "")));
        Map<String, Element> milestones = milestones(svg);

        Map<String, String> expected = Map.of("probleemanalyse", "op-tijd", "plan-van-aanpak", "te-laat",
                "ziekmelding-uwv", "gemist", "eerstejaarsevaluatie", "komend", "spoor-2-start", "niet-nodig",
                "einde-wachttijd", "datum");
        expected.forEach((key, state) -> assertThat(milestones.get(key).getAttribute("class"))
                .isEqualTo("mijlpaal " + state));
        assertThat(milestones.get("probleemanalyse").getTextContent())
                .contains("15-02-2026 · op tijd")
                .contains("op tijd gedaan op 09-02-2026");
        assertThat(milestones.get("plan-van-aanpak").getTextContent()).contains("01-03-2026 · te laat (06-03-2026)");
        assertThat(milestones.get("ziekmelding-uwv").getTextContent()).contains("25-10-2026 · gemist");
        assertThat(milestones.get("eerstejaarsevaluatie").getTextContent()).contains("nog te doen");
        assertThat(child(milestones.get("ziekmelding-uwv"), "title").getTextContent())
                .isEqualTo("Ziekmelding bij UWV (42e week): termijn 25-10-2026 · termijn gemist");
        // Shapes differ, not only colours: a circle with a tick, a diamond, a circle with a cross, an open circle.
        assertThat(shape(milestones.get("probleemanalyse"))).isEqualTo("circle+path");
        assertThat(shape(milestones.get("plan-van-aanpak"))).startsWith("path+path");
        assertThat(shape(milestones.get("ziekmelding-uwv"))).isEqualTo("circle+path");
        assertThat(shape(milestones.get("eerstejaarsevaluatie"))).isEqualTo("circle");
        assertThat(shape(milestones.get("einde-wachttijd"))).isEqualTo("rect");
        assertThat(byClass(svg, "g", "legenda").get(0).getTextContent())
                .contains("op tijd gedaan", "te laat gedaan", "termijn gemist", "nog te doen", "wettelijke datum",
                        "Herstelperiode", "VVL", "Loonsanctie", "vandaag");
    }

    private static String shape(Element milestone) {
        Element marker = childGroups(milestone).stream().filter(group -> "markering".equals(group.getAttribute(
                "class"))).findFirst().orElseThrow();
        List<String> tags = new ArrayList<>();
        for (Node node = marker.getFirstChild(); node != null; node = node.getNextSibling()) {
            tags.add(node.getNodeName());
        }
        return String.join("+", tags);
    }

    @Test
    void recoveryGapsAndExtensionsAreBandsFromTheirFirstToTheirLastDay() throws Exception {
        Document svg = parse(TimelineSvg.render(picture("Z-1", "10 hersteldagen")));

        Element gap = byClass(svg, "g", "herstel").get(0);
        Element gapRect = child(gap, "rect");
        assertThat(Double.parseDouble(gapRect.getAttribute("x"))).isCloseTo(expectedX(LocalDate.of(2026, 3, 2)),
                within(0.06));
        assertThat(Double.parseDouble(gapRect.getAttribute("width")))
                .isCloseTo(expectedX(LocalDate.of(2026, 3, 12)) - expectedX(LocalDate.of(2026, 3, 2)), within(0.1));
        assertThat(child(gap, "title").getTextContent())
                .isEqualTo("Herstelperiode: 10 hersteldagen (02-03-2026 t/m 11-03-2026)");

        Element sanction = byClass(svg, "g", "loonsanctie").get(0);
        Element sanctionRect = child(sanction, "rect");
        assertThat(Double.parseDouble(sanctionRect.getAttribute("x")))
                .as("the loonsanctie starts after week 104").isCloseTo(expectedX(FIRST.plusWeeks(104)), within(0.06));
        assertThat(Double.parseDouble(sanctionRect.getAttribute("x"))
                + Double.parseDouble(sanctionRect.getAttribute("width")))
                .isCloseTo(TimelineSvg.PLOT_RIGHT, within(0.1));
        assertThat(sanction.getTextContent()).contains("Loonsanctie 12 weken");
        assertThat(Double.parseDouble(child(byClass(svg, "g", "spoor-1").get(0), "rect").getAttribute("y")))
                .as("spoor 1 in its own row").isEqualTo(TimelineSvg.ROW_Y[0]);

        List<Element> weekTicks = byClass(svg, "line", "week");
        assertThat(weekTicks).hasSize(117);
        Element week104 = weekTicks.stream().filter(tick -> "104".equals(tick.getAttribute("data-week")))
                .findFirst().orElseThrow();
        assertThat(Double.parseDouble(week104.getAttribute("x1"))).isCloseTo(expectedX(FIRST.plusWeeks(104)),
                within(0.06));
        assertThat(svg.getDocumentElement().getTextContent()).contains("wk 104", "wk 13", "jan", "dec", "2027");
    }

    @Test
    void todaysLineStandsAtToday() throws Exception {
        Document svg = parse(TimelineSvg.render(picture("Z-1", "")));

        Element today = byClass(svg, "line", "vandaag-lijn").get(0);
        assertThat(Double.parseDouble(today.getAttribute("x1"))).isCloseTo(expectedX(TODAY), within(0.06));
        assertThat(today.getAttribute("x2")).isEqualTo(today.getAttribute("x1"));
        assertThat(byClass(svg, "g", "vandaag").get(0).getTextContent()).contains("vandaag 05-12-2026");
    }

    @Test
    void todayOutsideTheWaitingPeriodDrawsNoLine() throws Exception {
        TimelinePicture later = picture("Z-1", "");
        TimelinePicture closedLongAgo = new TimelinePicture("Z-1", FIRST, LAST.plusYears(2), later.weeks(),
                later.milestones(), later.bands());

        assertThat(byClass(parse(TimelineSvg.render(closedLongAgo)), "line", "vandaag-lijn")).isEmpty();
    }

    @Test
    void untrustedTextIsEscaped() throws Exception {
        String script = "<script>alert('x')</script>";
        String svg = TimelineSvg.render(picture("Z-1\" onload=\"alert(1)" + script, script + " & co"));

        assertThat(svg).doesNotContain("<script", "\" onload=\"");
        Document document = parse(svg);
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        assertThat(document.getDocumentElement().hasAttribute("onload")).isFalse();
        assertThat(child(document.getDocumentElement(), "title").getTextContent())
                .as("the text survives as text").contains("Z-1\" onload=\"alert(1)" + script);
        assertThat(child(byClass(document, "g", "herstel").get(0), "title").getTextContent())
                .contains(script + " & co");
    }

    @Test
    void theSvgIsSelfContained() {
        String svg = TimelineSvg.render(picture("Z-1", ""));

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .doesNotContain("<script", "<style", "href", "url(", "@import", "<image", "<foreignObject");
    }
}
