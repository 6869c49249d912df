package nl.spoorwijzer.report;

import static nl.spoorwijzer.process.ProcessKeys.Tasks.REINTEGRATIEBUREAU_INSCHAKELEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.report.TimelinePicture.Band;
import nl.spoorwijzer.report.TimelinePicture.Kind;
import nl.spoorwijzer.report.TimelinePicture.Mark;
import nl.spoorwijzer.report.TimelinePicture.State;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.junit.jupiter.api.Test;

/** What the timeline picture shows of a case, gathered from its dossier (no engine, no Spring). */
class TimelinePicturesTest {

    private final TimelineDemoCase demo = new TimelineDemoCase();

    private Map<String, Mark> marks(TimelinePicture picture) {
        return picture.milestones().stream().collect(Collectors.toMap(Mark::key, Function.identity()));
    }

    @Test
    void eachMilestoneHasItsLegalDateAndTheStateTheDossierRecords() throws IOException {
        TimelinePicture picture = demo.picture(true);
        Map<String, Mark> marks = marks(picture);

        assertThat(marks).hasSize(MilestoneKey.values().length);
        for (MilestoneKey key : MilestoneKey.values()) {
            assertThat(marks.get(key.key()).date()).as(key.key()).isEqualTo(demo.timeline.dateOf(key));
        }
        assertThat(marks.get("probleemanalyse").state()).isEqualTo(State.OP_TIJD);
        assertThat(marks.get("probleemanalyse").doneOn())
                .isEqualTo(demo.timeline.dateOf(MilestoneKey.PROBLEEMANALYSE).minusDays(3));
        assertThat(marks.get("plan-van-aanpak").state()).isEqualTo(State.TE_LAAT);
        assertThat(marks.get("spoor-2-start").state()).isEqualTo(State.TE_LAAT);
        assertThat(marks.get("deskundigenoordeel-inspanningen").state()).isEqualTo(State.GEMIST);
        assertThat(marks.get("eindevaluatie").state()).as("the actueel oordeel alone does not make it done")
                .isEqualTo(State.KOMEND);
        assertThat(marks.get("wia-aanvraag").state()).isEqualTo(State.KOMEND);
        assertThat(marks.get("einde-wachttijd").state()).isEqualTo(State.DATUM);

        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/tijdlijn-demo.svg"), TimelineSvg.render(picture), StandardCharsets.UTF_8);
    }

    @Test
    void theRecoveryGapAndTheVvlAreBandsAndTheWeeksSkipTheHealthyDays() {
        TimelinePicture picture = demo.picture(true);

        assertThat(picture.bands()).extracting(Band::kind)
                .containsExactlyInAnyOrder(Kind.SPOOR_1, Kind.SPOOR_2, Kind.HERSTEL, Kind.VVL);
        Band gap = band(picture, Kind.HERSTEL);
        assertThat(gap.from()).isEqualTo(TimelineDemoCase.RECOVERED_ON);
        assertThat(gap.to()).isEqualTo(TimelineDemoCase.RELAPSE_ON.minusDays(1));
        Band vvl = band(picture, Kind.VVL);
        LocalDate end = demo.timeline.dateOf(MilestoneKey.EINDE_WACHTTIJD);
        assertThat(vvl.to()).as("the VVL ends with the waiting period").isEqualTo(end);
        assertThat(vvl.from()).isEqualTo(end.minusWeeks(TimelineDemoCase.VVL_WEEKS).plusDays(1));
        assertThat(vvl.label()).isEqualTo("VVL 13 weken");
        assertThat(band(picture, Kind.SPOOR_2).to()).as("a running spoor 2 runs to the end of the waiting period")
                .isEqualTo(end);

        // The 7 healthy days fall where week 11 would begin: it begins after them. Week 104 ends where the VVL begins.
        assertThat(picture.weeks().get(10).on()).isEqualTo(TimelineDemoCase.RELAPSE_ON);
        assertThat(picture.weeks().get(11).on()).isEqualTo(TimelineDemoCase.FIRST_SICK_DAY.plusWeeks(12));
        assertThat(picture.weeks().stream().filter(week -> week.week() == 104).findFirst().orElseThrow().on())
                .isEqualTo(vvl.from());
    }

    @Test
    void aCallerWhoSeesTheStatusOnlyGetsTheDatesWithoutWhatWasDone() {
        TimelinePicture picture = demo.picture(false);

        assertThat(picture.milestones()).allSatisfy(mark -> {
            assertThat(mark.state()).isEqualTo(State.DATUM);
            assertThat(mark.doneOn()).isNull();
        });
        String svg = TimelineSvg.render(picture);
        assertThat(svg.substring(0, svg.indexOf("<g class=\"legenda\">")))
                .doesNotContain("te laat", "gemist", "op tijd", "nog te doen");
    }

    @Test
    void noSpoor2WhenTheEvaluationDecidedItIsNotNeededAndStepsAfterTheCaseClosedAreNotNeeded() {
        demo.entries.removeIf(entry -> entry.elementId() != null && entry.elementId().startsWith("reintegratiebureau"));
        demo.entries.replaceAll(entry -> entry.type() == DossierEntryType.DECISION
                ? new DossierEntry(entry.id(), entry.caseId(), entry.processInstanceId(),
                entry.tenantId(), entry.type(), entry.subject(), entry.elementId(), entry.recordedBy(), entry.role(),
                entry.recordedAt(), null, null, Map.of("uitkomst", Map.of("spoor2Inzetten", false)))
                : entry);
        demo.entries.add(new DossierEntry(99L, "Z-2025-0042", "pi-1", "acme-bouw",
                DossierEntryType.CASE_CLOSED, "Zaak afgesloten: hersteld", null, "systeem", null,
                TimelineDemoCase.TODAY.atStartOfDay(TimelineDemoCase.AMSTERDAM).toOffsetDateTime(), null, null,
                Map.of("datum", "2026-11-30")));

        Map<String, Mark> marks = marks(demo.picture(true));

        assertThat(marks.get("spoor-2-start").state()).isEqualTo(State.NIET_NODIG);
        assertThat(marks.get("wia-aanvraag").state()).isEqualTo(State.NIET_NODIG);
        assertThat(marks.get("plan-van-aanpak").state()).as("what was done stays done").isEqualTo(State.TE_LAAT);
        assertThat(band(demo.picture(true), Kind.SPOOR_1).to()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void aLoonsanctieExtendsTheWaitingPeriodAfterTheVvlAsABandUntilItsShortenedEnd() {
        LocalDate endWithVvl = demo.timeline.dateOf(MilestoneKey.EINDE_WACHTTIJD);
        LocalDate shortenedEnd = endWithVvl.plusWeeks(7);
        Map<String, Object> sanction = new LinkedHashMap<>();
        sanction.put("type", "LOONSANCTIE");
        sanction.put("weken", 12);
        demo.entries.add(entry(DossierEntryType.UWV_DECISION, sanction));
        demo.entries.add(entry(DossierEntryType.UWV_DECISION,
                Map.of("type", "BEKORTING", "loonsanctieEinde", shortenedEnd.toString())));
        Map<String, Object> dates = new LinkedHashMap<>();
        demo.calendar.compute(demo.input.withSanctionWeeks(12).withSanctionEndsOn(shortenedEnd)).asDateMap()
                .forEach((key, date) -> dates.put(key, date.toString()));
        demo.entries.add(entry(DossierEntryType.TIMELINE_UPDATED,
                Map.of(DossierEntry.TIMELINE, dates)));

        TimelinePicture picture = demo.picture(true);

        Band loonsanctie = band(picture, Kind.LOONSANCTIE);
        assertThat(loonsanctie.from()).isEqualTo(endWithVvl.plusDays(1));
        assertThat(loonsanctie.to()).isEqualTo(shortenedEnd);
        assertThat(loonsanctie.label()).isEqualTo("Loonsanctie (bekort)");
        assertThat(band(picture, Kind.VVL).to()).isEqualTo(endWithVvl);
        assertThat(marks(picture).get("einde-wachttijd").date()).isEqualTo(shortenedEnd);
        assertThat(picture.weeks().get(picture.weeks().size() - 1).on()).as("week ticks run on through the extension")
                .isAfter(shortenedEnd);
    }

    @Test
    void spoor2StartedEarlyIsABandFromItsRealStartNotFromTheEerstejaarsevaluatie() {
        // seed 004: "Eerder mag dus ook": the werkgever's later choice of a bureau does not move the start.
        LocalDate early = TimelineDemoCase.FIRST_SICK_DAY.plusWeeks(20);
        demo.entries.removeIf(entry -> entry.type() == DossierEntryType.DECISION);
        demo.entries.add(3, decision("spoor2StartVastleggen", early));
        LocalDate end = demo.timeline.dateOf(MilestoneKey.EINDE_WACHTTIJD);

        Band spoor2 = band(demo.picture(true), Kind.SPOOR_2);

        assertThat(spoor2.from()).isEqualTo(early).isBefore(demo.timeline.dateOf(MilestoneKey.EERSTEJAARSEVALUATIE));
        assertThat(spoor2.to()).isEqualTo(end);
        assertThat(spoor2.label()).isEqualTo("Spoor 2 sinds " + TimelineSvg.dutch(early));
        assertThat(TimelineSvg.render(demo.picture(true))).contains("Spoor 2 sinds " + TimelineSvg.dutch(early));
    }

    @Test
    void aRestartAfterAnEndedTrajectoryRunsOnAndAnEndWithoutARestartEndsTheBand() {
        LocalDate early = TimelineDemoCase.FIRST_SICK_DAY.plusWeeks(20);
        LocalDate failed = early.plusWeeks(10);
        demo.entries.removeIf(entry -> entry.type() == DossierEntryType.DECISION
                || REINTEGRATIEBUREAU_INSCHAKELEN.equals(entry.elementId()));
        demo.entries.add(decision("spoor2StartVastleggen", early));
        demo.entries.add(entry(DossierEntryType.TRAJECTORY_ENDED, Map.of("datum", failed.toString())));

        assertThat(band(demo.picture(true), Kind.SPOOR_2).to()).as("ended, not restarted").isEqualTo(failed);

        demo.entries.add(decision("spoor2StartVastleggen", failed)); // the restart on the same day
        Band spoor2 = band(demo.picture(true), Kind.SPOOR_2);
        assertThat(spoor2.from()).isEqualTo(early);
        assertThat(spoor2.to()).as("the new trajectory runs on")
                .isEqualTo(demo.timeline.dateOf(MilestoneKey.EINDE_WACHTTIJD));
    }

    private static DossierEntry decision(String elementId, LocalDate on) {
        return new DossierEntry(60L, "Z-2025-0042", "pi-1", "acme-bouw", DossierEntryType.DECISION,
                "Spoor 2 ingezet: vroeg ingezet op conclusie van bedrijfsarts of arbeidsdeskundige", elementId, "anna",
                "werkgever", on.atTime(10, 0).atZone(TimelineDemoCase.AMSTERDAM).toOffsetDateTime(), null, null,
                Map.of("aanleiding", "VROEG", "datum", on.toString()));
    }

    private static DossierEntry entry(DossierEntryType type,
                                                             Map<String, Object> content) {
        return new DossierEntry(50L, "Z-2025-0042", "pi-1", "acme-bouw", type, type.name(),
                null, "anna", "werkgever",
                TimelineDemoCase.TODAY.atStartOfDay(TimelineDemoCase.AMSTERDAM).toOffsetDateTime(), null, null,
                content);
    }

    private static Band band(TimelinePicture picture, Kind kind) {
        return picture.bands().stream().filter(band -> band.kind() == kind).findFirst().orElseThrow();
    }
}
