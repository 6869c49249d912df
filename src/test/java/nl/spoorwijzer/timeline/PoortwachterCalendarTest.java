package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every expected date is a literal, computed by hand and checked with GNU {@code date -d}; none is derived from the
 * code under test.
 */
class PoortwachterCalendarTest {

    private final PoortwachterCalendar calendar = new PoortwachterCalendar(TimelineSettings.defaults());

    @Nested
    class StatutoryDatesWithoutGaps {

        @Test
        void sickReportOnMonday8January2024GivesEveryStatutoryDate() {
            Timeline timeline = calendar.compute(TimelineInput.of(date("2024-01-08")));

            assertThat(timeline.firstSickDay()).isEqualTo(date("2024-01-08"));
            assertThat(timeline.asDateMap()).containsExactlyEntriesOf(expected(
                    "2024-01-14",   // ziekmelding-bedrijfsarts: day 7
                    "2024-02-18",   // probleemanalyse: day 42
                    "2024-03-03",   // plan-van-aanpak: day 56
                    "2024-10-28",   // ziekmelding-uwv: day 295, a Monday
                    "2025-01-05",   // eerstejaarsevaluatie: day 364
                    "2025-02-16",   // spoor-2-start: EJE due + 42 = day 406
                    "2025-07-06",   // deskundigenoordeel: einde wachttijd - 182 days = day 546
                    "2025-10-05",   // eindevaluatie: day 637
                    "2025-10-19",   // wia-aanvraag: day 651, end of week 93
                    "2026-01-04")); // einde-wachttijd: day 728
            assertThat(timeline.get(MilestoneKey.EERSTEJAARSEVALUATIE).windowStart())
                    .isEqualTo(date("2024-11-18")); // day 316, start of week 46
        }

        @Test
        void centraleRaadVanBeroepExampleEndsWaitingPeriodOn22June2009() {
            Timeline timeline = calendar.compute(TimelineInput.of(date("2007-06-26")));

            assertThat(timeline.dateOf(MilestoneKey.EINDE_WACHTTIJD)).isEqualTo(date("2009-06-22"));
            assertThat(timeline.asDateMap()).containsExactlyEntriesOf(expected(
                    "2007-07-02", "2007-08-06", "2007-08-20",
                    "2008-04-15",   // day 295 is a Tuesday
                    "2008-06-23", "2008-08-04", "2008-12-22", "2009-03-23", "2009-04-06", "2009-06-22"));
            assertThat(timeline.get(MilestoneKey.EERSTEJAARSEVALUATIE).windowStart()).isEqualTo(date("2008-05-06"));
        }

        @Test
        void probleemanalyseAndPlanVanAanpakDeadlinesCount29February2024() {
            Timeline timeline = calendar.compute(TimelineInput.of(date("2024-01-25")));

            assertThat(timeline.asDateMap()).containsExactlyEntriesOf(expected(
                    "2024-01-31",
                    "2024-03-06",   // 41 days after 25 January, 29 February included
                    "2024-03-20",
                    "2024-11-14", "2025-01-22", "2025-03-05", "2025-07-23", "2025-10-22", "2025-11-05",
                    "2026-01-21"));
            assertThat(timeline.get(MilestoneKey.EERSTEJAARSEVALUATIE).windowStart()).isEqualTo(date("2024-12-05"));
        }

        @Test
        void eerstejaarsevaluatieWindowAndDueDateCount29February2024() {
            Timeline timeline = calendar.compute(TimelineInput.of(date("2023-05-01")));

            assertThat(timeline.asDateMap()).containsExactlyEntriesOf(expected(
                    "2023-05-07", "2023-06-11", "2023-06-25",
                    "2024-02-19",   // day 295, a Monday
                    "2024-04-28",   // day 364 with 29 February in between
                    "2024-06-09", "2024-10-27", "2025-01-26", "2025-02-09", "2025-04-27"));
            assertThat(timeline.get(MilestoneKey.EERSTEJAARSEVALUATIE).windowStart()).isEqualTo(date("2024-03-11"));
        }

        @Test
        void waitingPeriodStartedOn1March2022EndsOn26February2024() {
            Timeline timeline = calendar.compute(TimelineInput.of(date("2022-03-01")));

            assertThat(timeline.asDateMap()).containsExactlyEntriesOf(expected(
                    "2022-03-07", "2022-04-11", "2022-04-25", "2022-12-20", "2023-02-27", "2023-04-10",
                    "2023-08-28", "2023-11-27", "2023-12-11", "2024-02-26"));
        }

        @Test
        void onlyTheEerstejaarsevaluatieHasAWindowStart() {
            Timeline timeline = calendar.compute(TimelineInput.of(date("2024-01-08")));

            assertThat(timeline.milestones())
                    .filteredOn(milestone -> milestone.key() != MilestoneKey.EERSTEJAARSEVALUATIE)
                    .allSatisfy(milestone -> assertThat(milestone.windowStart()).isNull());
        }
    }

    @Nested
    class ZiekmeldingUwvInWeek42 {

        @Test
        void reportDueOnSaturdayMovesToMonday() {
            // Day 295 has the weekday of day 1 (294 = 42 × 7), so a Saturday first sick day gives a Saturday.
            assertThat(uwvReport("2023-05-06")).isEqualTo(date("2024-02-26")); // Sat 24 Feb 2024 -> Mon
            assertThat(uwvReport("2024-03-02")).isEqualTo(date("2024-12-23")); // Sat 21 Dec 2024 -> Mon
        }

        @Test
        void reportDueOnSundayMovesToMonday() {
            assertThat(uwvReport("2023-05-07")).isEqualTo(date("2024-02-26")); // Sun 25 Feb 2024 -> Mon
            assertThat(uwvReport("2023-10-01")).isEqualTo(date("2024-07-22")); // Sun 21 Jul 2024 -> Mon
        }

        @Test
        void reportDueOnWeekdayStays() {
            assertThat(uwvReport("2024-01-25")).isEqualTo(date("2024-11-14")); // Thursday
        }

        private LocalDate uwvReport(String firstSickDay) {
            return calendar.compute(TimelineInput.of(date(firstSickDay))).dateOf(MilestoneKey.ZIEKMELDING_UWV);
        }
    }

    /**
     * The 42e-weeksmelding moves past the algemeen erkende feestdagen of the Algemene termijnenwet art. 3 as it does
     * past a weekend. Day 295 has the weekday of day 1, so each first sick day below is the holiday minus 294 days.
     */
    @Nested
    class ZiekmeldingUwvMovesPastHolidays {

        @ParameterizedTest(name = "{2} {1} -> {3}")
        @CsvSource({
                "2024-07-01, 2025-04-21, Tweede Paasdag,         2025-04-22",
                "2025-07-07, 2026-04-27, Koningsdag,             2026-04-28",
                "2024-07-15, 2025-05-05, 5 mei (Bevrijdingsdag), 2025-05-06",
                "2025-07-15, 2026-05-05, 5 mei (Bevrijdingsdag), 2026-05-06",
                "2024-08-08, 2025-05-29, Hemelvaartsdag,         2025-05-30",
                "2025-07-24, 2026-05-14, Hemelvaartsdag,         2026-05-15",
                "2024-08-19, 2025-06-09, Tweede Pinksterdag,     2025-06-10",
                "2025-08-04, 2026-05-25, Tweede Pinksterdag,     2026-05-26",
                "2024-03-07, 2024-12-26, Tweede Kerstdag,        2024-12-27",
                "2025-03-13, 2026-01-01, Nieuwjaarsdag,          2026-01-02"})
        void reportDueOnAHolidayMovesToTheNextWorkingDay(String firstSickDay, String day295, String holiday,
                                                         String due) {
            Milestone report = uwvReport(calendar, firstSickDay);

            assertThat(report.date()).isEqualTo(date(due));
            assertThat(report.movedFrom()).isEqualTo(date(day295));
            assertThat(report.moved()).isTrue();
            assertThat(report.dateRule()).isEqualTo(DateRule.NEXT_WORKING_DAY);
            assertThat(report.dateRuleText())
                    .startsWith("Verschoven van ")
                    .contains("(" + holiday + ")")
                    .contains("de eerstvolgende werkdag")
                    .contains("Ziektewet art. 38 lid 1")
                    .contains("Algemene termijnenwet art. 3");
        }

        @Test
        void reportDueOnAHolidayBeforeAWeekendMovesPastBoth() {
            // Goede Vrijdag 18 April 2025, the weekend, Tweede Paasdag 21 April: Tuesday 22 April.
            assertThat(uwvReport(calendar, "2024-06-28").date()).isEqualTo(date("2025-04-22"));
            // Goede Vrijdag 3 April 2026 ... Tweede Paasdag 6 April: Tuesday 7 April.
            assertThat(uwvReport(calendar, "2025-06-13").date()).isEqualTo(date("2026-04-07"));
            // Eerste and Tweede Kerstdag 2025 (Thursday, Friday), then the weekend: Monday 29 December.
            Milestone christmas = uwvReport(calendar, "2025-03-06");
            assertThat(christmas.date()).isEqualTo(date("2025-12-29"));
            assertThat(christmas.dateRuleText()).startsWith(
                    "Verschoven van donderdag 25 december 2025 (Eerste Kerstdag) naar maandag 29 december 2025,");
            // Koningsdag on Saturday 26 April 2025 (27 April is a Sunday): Monday 28 April.
            assertThat(uwvReport(calendar, "2024-07-06").date()).isEqualTo(date("2025-04-28"));
        }

        @Test
        void reportDueOnAWeekendSaysItMovedWithoutNamingAHoliday() {
            Milestone report = uwvReport(calendar, "2023-05-06");

            assertThat(report.movedFrom()).isEqualTo(date("2024-02-24"));
            assertThat(report.dateRuleText()).startsWith(
                    "Verschoven van zaterdag 24 februari 2024 naar maandag 26 februari 2024, de eerstvolgende werkdag;");
        }

        @Test
        void reportDueOnAWorkingDayDoesNotMoveAndSaysWhy() {
            Milestone report = uwvReport(calendar, "2024-01-25");

            assertThat(report.date()).isEqualTo(date("2024-11-14"));
            assertThat(report.movedFrom()).isNull();
            assertThat(report.dateRuleText()).startsWith("Niet verschoven: valt op een werkdag;")
                    .contains("Ziektewet art. 38 lid 1");
        }

        @Test
        void aDayAddedByDecreeUnderArticle3Lid3MovesTheReportToo() {
            PoortwachterCalendar withDecree = new PoortwachterCalendar(TimelineSettings.defaults(),
                    new WorkingDays(new PublicHolidays(List.of(date("2024-11-14"), date("2025-04-22")))));

            Milestone ordinaryThursday = uwvReport(withDecree, "2024-01-25");
            assertThat(ordinaryThursday.date()).isEqualTo(date("2024-11-15"));
            assertThat(ordinaryThursday.dateRuleText()).contains("Algemene termijnenwet art. 3 lid 3");
            // Tweede Paasdag 2025 followed by a decreed day: Wednesday 23 April.
            assertThat(uwvReport(withDecree, "2024-07-01").date()).isEqualTo(date("2025-04-23"));
            assertThat(uwvReport(calendar, "2024-01-25").date()).isEqualTo(date("2024-11-14"));
        }

        @Test
        void reportIsDueOnTheFirstWorkingDayFromDay295ForEveryFirstSickDayFrom2023To2035() {
            WorkingDays workingDays = calendar.workingDays();
            for (LocalDate first = date("2023-01-01"); first.isBefore(date("2036-01-01")); first = first.plusDays(1)) {
                LocalDate day295 = first.plusDays(294);
                Milestone report = calendar.compute(TimelineInput.of(first)).get(MilestoneKey.ZIEKMELDING_UWV);

                assertThat(workingDays.isWorkingDay(report.date())).as("due for %s", first).isTrue();
                assertThat(report.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(report.date()).isAfterOrEqualTo(day295).isBefore(day295.plusDays(6));
                for (LocalDate skipped = day295; skipped.isBefore(report.date()); skipped = skipped.plusDays(1)) {
                    assertThat(workingDays.isWorkingDay(skipped)).as("skipped %s for %s", skipped, first).isFalse();
                }
                assertThat(report.movedFrom()).isEqualTo(report.date().equals(day295) ? null : day295);
            }
        }

        @Test
        void otherMilestonesStayOnAHolidayAndSayWhy() {
            // Day 42 of a case from 11 March 2025 is Tweede Paasdag 21 April 2025.
            Timeline fromMarch = calendar.compute(TimelineInput.of(date("2025-03-11")));
            Milestone probleemanalyse = fromMarch.get(MilestoneKey.PROBLEEMANALYSE);
            assertThat(probleemanalyse.date()).isEqualTo(date("2025-04-21"));
            assertThat(probleemanalyse.movedFrom()).isNull();
            assertThat(probleemanalyse.dateRule()).isEqualTo(DateRule.MINISTERIAL_REGULATION);
            assertThat(probleemanalyse.dateRuleText()).startsWith("Niet verschoven:").contains("Regeling procesgang");

            // Day 364 of a case from 27 December 2024 is Eerste Kerstdag 2025.
            Milestone eje = calendar.compute(TimelineInput.of(date("2024-12-27")))
                    .get(MilestoneKey.EERSTEJAARSEVALUATIE);
            assertThat(eje.date()).isEqualTo(date("2025-12-25"));
            assertThat(eje.movedFrom()).isNull();
            assertThat(eje.dateRuleText()).contains("meer dan 12 weken").contains("art. 4");

            assertThat(fromMarch.milestones()).filteredOn(m -> m.key() != MilestoneKey.ZIEKMELDING_UWV)
                    .allSatisfy(m -> {
                        assertThat(m.movedFrom()).isNull();
                        assertThat(m.dateRule().movesToWorkingDay()).isFalse();
                        assertThat(m.dateRuleText()).startsWith("Niet verschoven:");
                    });
            assertThat(fromMarch.get(MilestoneKey.WIA_AANVRAAG).dateRule()).isEqualTo(DateRule.COUNTED_BACK);
            assertThat(fromMarch.get(MilestoneKey.SPOOR_2_START).dateRule()).isEqualTo(DateRule.NO_STATUTORY_TERM);
        }

        private Milestone uwvReport(PoortwachterCalendar on, String firstSickDay) {
            return on.compute(TimelineInput.of(date(firstSickDay))).get(MilestoneKey.ZIEKMELDING_UWV);
        }
    }

    @Nested
    class SamentellingOfSicknessPeriods {

        private final LocalDate firstSickDay = date("2024-03-04");
        private final RecoveryGap twentyDays = gap("2024-03-20", "2024-04-08");
        private final RecoveryGap tenDays = gap("2024-06-01", "2024-06-10");

        @Test
        void recoveryGapOfTwentyDaysShiftsEveryLaterMilestone() {
            Timeline withoutGap = calendar.compute(TimelineInput.of(firstSickDay));
            Timeline withGap = calendar.compute(TimelineInput.of(firstSickDay).withGaps(List.of(twentyDays)));

            assertThat(withoutGap.asDateMap()).containsExactlyEntriesOf(expected(
                    "2024-03-10", "2024-04-14", "2024-04-28", "2024-12-23", "2025-03-02", "2025-04-13",
                    "2025-08-31", "2025-11-30", "2025-12-14", "2026-03-01"));
            assertThat(withGap.asDateMap()).containsExactlyEntriesOf(expected(
                    "2024-03-10",   // day 7 lies before the gap: unchanged
                    "2024-05-04",   // day 42: 2024-04-14 + 20
                    "2024-05-18",
                    "2025-01-13",   // day 295 = Sun 12 January 2025 -> Monday
                    "2025-03-22",
                    "2025-05-03",
                    "2025-09-20",
                    "2025-12-20",
                    "2026-01-03",
                    "2026-03-21")); // 2026-03-01 + 20
            assertThat(withGap.get(MilestoneKey.EERSTEJAARSEVALUATIE).windowStart()).isEqualTo(date("2025-02-02"));
        }

        @Test
        void twoRecoveryGapsShiftLaterMilestonesByTheirSum() {
            Timeline timeline = calendar.compute(
                    TimelineInput.of(firstSickDay).withGaps(List.of(twentyDays, tenDays)));

            assertThat(timeline.asDateMap()).containsExactlyEntriesOf(expected(
                    "2024-03-10",   // before the first gap: unchanged
                    "2024-05-04",   // between the gaps: shifted by 20 only
                    "2024-05-18",   // between the gaps: shifted by 20 only
                    "2025-01-22",   // after both gaps: 2024-12-23 + 30
                    "2025-04-01",
                    "2025-05-13",
                    "2025-09-30",
                    "2025-12-30",
                    "2026-01-13",
                    "2026-03-31")); // 2026-03-01 + 30
            assertThat(timeline.get(MilestoneKey.EERSTEJAARSEVALUATIE).windowStart()).isEqualTo(date("2025-02-12"));
        }

        @Test
        void gapOfTwentySevenDaysIsStillOneSicknessPeriod() {
            TimelineInput input = TimelineInput.of(date("2024-01-08"))
                    .withGaps(List.of(gap("2024-02-01", "2024-02-27")));

            // Day 728 = 2026-01-04 + 27 days.
            assertThat(calendar.compute(input).dateOf(MilestoneKey.EINDE_WACHTTIJD)).isEqualTo(date("2026-01-31"));
        }

        @Test
        void sickDayCountsOnlyDaysOfSickness() {
            TimelineInput input = TimelineInput.of(firstSickDay).withGaps(List.of(twentyDays, tenDays));

            assertThat(calendar.sickDay(input, 1)).isEqualTo(date("2024-03-04"));
            assertThat(calendar.sickDay(input, 16)).isEqualTo(date("2024-03-19")); // last day before the gap
            assertThat(calendar.sickDay(input, 17)).isEqualTo(date("2024-04-09")); // first day after the gap
            assertThat(calendar.sickDay(input, 69)).isEqualTo(date("2024-05-31")); // last day before the second gap
            assertThat(calendar.sickDay(input, 70)).isEqualTo(date("2024-06-11"));
        }

        @Test
        void plusSickDaysSkipsRecoveryGapDays() {
            TimelineInput input = TimelineInput.of(firstSickDay).withGaps(List.of(twentyDays));

            assertThat(calendar.plusSickDays(input, date("2024-03-15"), 14)).isEqualTo(date("2024-04-18"));
            assertThat(calendar.plusSickDays(input, date("2024-04-09"), 14)).isEqualTo(date("2024-04-23"));
            assertThat(calendar.plusSickDays(input, date("2024-03-19"), 1)).isEqualTo(date("2024-04-09"));
            assertThat(calendar.plusSickDays(input, date("2024-03-15"), 0)).isEqualTo(date("2024-03-15"));
        }
    }

    @Nested
    class PlanVanAanpak {

        @Test
        void planVanAanpakIsDueTwoWeeksAfterAnEarlyProbleemanalyse() {
            TimelineInput input = TimelineInput.of(date("2024-01-08")).withActualProbleemanalyse(date("2024-01-20"));

            assertThat(calendar.compute(input).dateOf(MilestoneKey.PLAN_VAN_AANPAK)).isEqualTo(date("2024-02-03"));
        }

        @Test
        void planVanAanpakStaysDueInWeekEightWhenProbleemanalyseIsLate() {
            TimelineInput onDay42 = TimelineInput.of(date("2024-01-08")).withActualProbleemanalyse(date("2024-02-18"));
            TimelineInput afterDay42 = TimelineInput.of(date("2024-01-08"))
                    .withActualProbleemanalyse(date("2024-02-25"));

            assertThat(calendar.compute(onDay42).dateOf(MilestoneKey.PLAN_VAN_AANPAK)).isEqualTo(date("2024-03-03"));
            assertThat(calendar.compute(afterDay42).dateOf(MilestoneKey.PLAN_VAN_AANPAK))
                    .isEqualTo(date("2024-03-03"));
        }

        @Test
        void twoWeeksAfterProbleemanalyseDoNotCountARecoveryGap() {
            TimelineInput input = TimelineInput.of(date("2024-03-04"))
                    .withGaps(List.of(gap("2024-03-20", "2024-04-08")))
                    .withActualProbleemanalyse(date("2024-03-15")); // sick day 12

            // Sick day 26 instead of day 56 (2024-05-18).
            assertThat(calendar.compute(input).dateOf(MilestoneKey.PLAN_VAN_AANPAK)).isEqualTo(date("2024-04-18"));
        }

        @Test
        void actualProbleemanalyseDoesNotMoveTheProbleemanalyseDeadline() {
            TimelineInput input = TimelineInput.of(date("2024-01-08")).withActualProbleemanalyse(date("2024-01-20"));

            assertThat(calendar.compute(input).dateOf(MilestoneKey.PROBLEEMANALYSE)).isEqualTo(date("2024-02-18"));
        }
    }

    @Nested
    class Spoor2 {

        @Test
        void actualEerstejaarsevaluatieMovesSpoor2Start() {
            TimelineInput input = TimelineInput.of(date("2024-01-08"))
                    .withActualEerstejaarsevaluatie(date("2024-11-15"));

            Timeline timeline = calendar.compute(input);
            assertThat(timeline.dateOf(MilestoneKey.SPOOR_2_START)).isEqualTo(date("2024-12-27"));
            assertThat(timeline.dateOf(MilestoneKey.EERSTEJAARSEVALUATIE)).isEqualTo(date("2025-01-05"));
        }

        @Test
        void aLateEerstejaarsevaluatieDoesNotMoveTheSpoor2DeadlineWhichCountsFromItsLegalDate() {
            TimelineInput onTime = TimelineInput.of(date("2024-01-08"));
            TimelineInput late = onTime.withActualEerstejaarsevaluatie(date("2025-02-20"));

            Timeline timeline = calendar.compute(late);
            assertThat(timeline.dateOf(MilestoneKey.EERSTEJAARSEVALUATIE)).isEqualTo(date("2025-01-05"));
            assertThat(timeline.dateOf(MilestoneKey.SPOOR_2_START)).isEqualTo(date("2025-02-16"))
                    .isEqualTo(calendar.compute(onTime).dateOf(MilestoneKey.SPOOR_2_START));
        }

        @Test
        void relapseAfterEerstejaarsevaluatiePostponesSpoor2Start() {
            TimelineInput input = TimelineInput.of(date("2024-01-08"))
                    .withGaps(List.of(gap("2025-01-06", "2025-01-15")))
                    .withActualEerstejaarsevaluatie(date("2024-12-20"));

            Timeline timeline = calendar.compute(input);
            assertThat(timeline.dateOf(MilestoneKey.SPOOR_2_START)).isEqualTo(date("2025-02-10")); // 12-20 + 42 + 10
            assertThat(timeline.dateOf(MilestoneKey.EERSTEJAARSEVALUATIE)).isEqualTo(date("2025-01-05"));
            assertThat(timeline.dateOf(MilestoneKey.EINDE_WACHTTIJD)).isEqualTo(date("2026-01-14"));
        }
    }

    @Nested
    class Extensions {

        private final TimelineInput base = TimelineInput.of(date("2024-01-08"));

        @Test
        void voluntaryExtensionOfThirteenWeeksMovesWiaAanvraagEindevaluatieAndEndOfWaitingPeriod() {
            Timeline timeline = calendar.compute(base.withVvlWeeks(13));

            assertThat(timeline.asDateMap()).containsExactlyEntriesOf(expected(
                    "2024-01-14", "2024-02-18", "2024-03-03", "2024-10-28", "2025-01-05", "2025-02-16",
                    "2025-10-05",   // deskundigenoordeel follows the end: 2025-07-06 + 91
                    "2026-01-04",   // eindevaluatie: 2025-10-05 + 91
                    "2026-01-18",   // wia-aanvraag: 2025-10-19 + 91
                    "2026-04-05")); // einde-wachttijd: 2026-01-04 + 91
        }

        @Test
        void loonsanctieOfFiftyTwoWeeksMovesOnlyEndOfWaitingPeriodAndDeskundigenoordeel() {
            Timeline timeline = calendar.compute(base.withSanctionWeeks(52));

            assertThat(timeline.asDateMap()).containsExactlyEntriesOf(expected(
                    "2024-01-14", "2024-02-18", "2024-03-03", "2024-10-28", "2025-01-05", "2025-02-16",
                    "2026-07-05",   // 2025-07-06 + 364
                    "2025-10-05",   // unchanged
                    "2025-10-19",   // unchanged: the application precedes the sanction
                    "2027-01-03")); // 2026-01-04 + 364
        }

        @Test
        void bekortingEndsTheSanctionSixWeeksAfterItWasGranted() {
            // 52 weeks of sanction from 2026-01-04; UWV grants the bekortingsverzoek on 2026-03-02 -> ends 2026-04-13
            Timeline timeline = calendar.compute(base.withSanctionWeeks(52).withSanctionEndsOn(date("2026-04-13")));

            assertThat(timeline.dateOf(MilestoneKey.EINDE_WACHTTIJD)).isEqualTo(date("2026-04-13"));
            assertThat(timeline.dateOf(MilestoneKey.WIA_AANVRAAG)).isEqualTo(date("2025-10-19"));
        }

        @Test
        void bekortingNeverEndsBeforeTheWaitingPeriodItExtends() {
            Timeline early = calendar.compute(base.withSanctionWeeks(52).withSanctionEndsOn(date("2025-12-01")));
            Timeline late = calendar.compute(base.withSanctionWeeks(4).withSanctionEndsOn(date("2026-06-01")));

            assertThat(early.dateOf(MilestoneKey.EINDE_WACHTTIJD)).isEqualTo(date("2026-01-04"));
            assertThat(late.dateOf(MilestoneKey.EINDE_WACHTTIJD)).isEqualTo(date("2026-02-01")); // the 4 weeks
        }

        @Test
        void bekortingWithoutSanctionIsRefused() {
            assertThatThrownBy(() -> calendar.compute(base.withSanctionEndsOn(date("2026-04-13"))))
                    .isInstanceOf(InvalidTimelineInputException.class)
                    .hasMessageContaining("sanctionEndsOn").hasMessageContaining("WIA art. 25 lid 9");
        }

        @Test
        void voluntaryExtensionAndLoonsanctieAddUp() {
            Timeline timeline = calendar.compute(base.withVvlWeeks(26).withSanctionWeeks(10));

            assertThat(timeline.dateOf(MilestoneKey.EINDE_WACHTTIJD)).isEqualTo(date("2026-09-13")); // + 36 weeks
            assertThat(timeline.dateOf(MilestoneKey.WIA_AANVRAAG)).isEqualTo(date("2026-04-19"));    // + 26 weeks
            assertThat(timeline.dateOf(MilestoneKey.EINDEVALUATIE)).isEqualTo(date("2026-04-05"));
            assertThat(timeline.dateOf(MilestoneKey.DESKUNDIGENOORDEEL_INSPANNINGEN)).isEqualTo(date("2026-03-15"));
        }
    }

    @Nested
    class ConfiguredValues {

        @Test
        void nonDefaultSettingsMoveTheConfigurableMilestones() {
            // ziekmelding day 4, evaluation every 4 weeks, pre-2013 WIA term of 13 weeks (week 91), EJE window from
            // week 47, spoor 2 four weeks after the EJE, deskundigenoordeel until 52 weeks before the end.
            TimelineSettings settings = new TimelineSettings(4, 28, 52, 13, 28, 323, 364, 14);
            PoortwachterCalendar custom = new PoortwachterCalendar(settings);

            Timeline timeline = custom.compute(TimelineInput.of(date("2024-01-08")));

            assertThat(custom.settings()).isSameAs(settings);
            assertThat(custom.settings().evaluationIntervalDays()).isEqualTo(28);
            assertThat(timeline.asDateMap()).containsExactlyEntriesOf(expected(
                    "2024-01-11",   // day 4
                    "2024-02-18", "2024-03-03", "2024-10-28", "2025-01-05",
                    "2025-02-02",   // EJE due + 28
                    "2025-01-05",   // einde - 364
                    "2025-09-21",   // wia-aanvraag - 14
                    "2025-10-05",   // einde - 13 weeks = day 637
                    "2026-01-04"));
            assertThat(timeline.get(MilestoneKey.EERSTEJAARSEVALUATIE).windowStart()).isEqualTo(date("2024-11-25"));
        }
    }

    @Nested
    class Validation {

        private final TimelineInput valid = TimelineInput.of(date("2024-03-04"));

        @Test
        void missingFirstSickDayIsRejected() {
            assertInvalid(TimelineInput.of(null), "firstSickDay", "BW 7:629");
        }

        @Test
        void recoveryGapWithoutDatesIsRejected() {
            assertInvalid(valid.withGaps(Arrays.asList((RecoveryGap) null)), "gap", "BW 7:629 lid 10");
            assertInvalid(valid.withGaps(List.of(new RecoveryGap(date("2024-03-10"), null))), "gap",
                    "BW 7:629 lid 10");
        }

        @Test
        void recoveryGapEndingBeforeItStartsIsRejected() {
            assertInvalid(valid.withGaps(List.of(gap("2024-03-20", "2024-03-19"))), "gap", "BW 7:629 lid 10");
        }

        @Test
        void recoveryGapOnOrBeforeFirstSickDayIsRejected() {
            assertInvalid(valid.withGaps(List.of(gap("2024-03-04", "2024-03-06"))), "gap", "BW 7:629 lid 10");
            assertInvalid(valid.withGaps(List.of(gap("2024-02-20", "2024-02-25"))), "gap", "BW 7:629 lid 10");
        }

        @Test
        void recoveryGapsOutOfOrderAreRejected() {
            assertInvalid(valid.withGaps(List.of(gap("2024-06-01", "2024-06-10"), gap("2024-03-20", "2024-04-08"))),
                    "gap", "BW 7:629 lid 10");
        }

        @Test
        void overlappingRecoveryGapsAreRejected() {
            assertInvalid(valid.withGaps(List.of(gap("2024-03-20", "2024-04-08"), gap("2024-04-08", "2024-04-12"))),
                    "gap", "BW 7:629 lid 10");
        }

        @Test
        void adjacentRecoveryGapsWithoutSickDayBetweenThemAreRejected() {
            assertInvalid(valid.withGaps(List.of(gap("2024-03-20", "2024-04-08"), gap("2024-04-09", "2024-04-12"))),
                    "gap", "BW 7:629 lid 10");
        }

        @Test
        void recoveryGapsSeparatedByOneSickDayAreAccepted() {
            TimelineInput input = valid.withGaps(
                    List.of(gap("2024-03-20", "2024-04-08"), gap("2024-04-10", "2024-04-12")));

            // Sick day 17 is the single sick day 9 April; day 18 follows the second gap.
            assertThat(calendar.sickDay(input, 17)).isEqualTo(date("2024-04-09"));
            assertThat(calendar.sickDay(input, 18)).isEqualTo(date("2024-04-13"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-04-16", "2024-05-01"}) // 28 and 43 healthy days from 20 March
        void recoveryOfTwentyEightDaysOrMoreStartsANewSicknessPeriod(String lastHealthyDay) {
            InvalidTimelineInputException exception = assertInvalid(
                    valid.withGaps(List.of(gap("2024-03-20", lastHealthyDay))), "gap", "BW 7:629 lid 10");

            assertThat(exception.rule()).contains("28 days");
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 1, 12})
        void voluntaryExtensionShorterThanThirteenWeeksIsRejected(int weeks) {
            assertInvalid(valid.withVvlWeeks(weeks), "vvlWeeks", "WIA art. 24");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 13, 52, 104})
        void voluntaryExtensionOfNoneOrThirteenWeeksOrMoreIsAccepted(int weeks) {
            assertThat(calendar.compute(valid.withVvlWeeks(weeks)).milestones()).hasSize(10);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 53})
        void loonsanctieOutsideZeroToFiftyTwoWeeksIsRejected(int weeks) {
            assertInvalid(valid.withSanctionWeeks(weeks), "sanctionWeeks", "WIA art. 25 lid 9");
        }

        @Test
        void probleemanalyseBeforeFirstSickDayIsRejected() {
            assertInvalid(valid.withActualProbleemanalyse(date("2024-03-03")), "actualProbleemanalyse",
                    "Regeling procesgang");
        }

        @Test
        void eerstejaarsevaluatieBeforeFirstSickDayIsRejected() {
            assertInvalid(valid.withActualEerstejaarsevaluatie(date("2024-03-03")), "actualEerstejaarsevaluatie",
                    "Regeling procesgang");
        }

        @Test
        void sickDayAndPlusSickDaysValidateTheInputToo() {
            TimelineInput invalid = valid.withGaps(List.of(gap("2024-03-20", "2024-04-30")));

            assertThatThrownBy(() -> calendar.sickDay(invalid, 1)).isInstanceOf(InvalidTimelineInputException.class);
            assertThatThrownBy(() -> calendar.plusSickDays(invalid, date("2024-03-04"), 1))
                    .isInstanceOf(InvalidTimelineInputException.class);
        }

        @Test
        void dayZeroAndNegativeSickDaysAreNotCounted() {
            assertThatThrownBy(() -> calendar.sickDay(valid, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.plusSickDays(valid, date("2024-03-04"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void firstSickDayInTheFutureIsLeftToTheCaller() {
            Timeline timeline = calendar.compute(TimelineInput.of(date("2099-01-05")));

            assertThat(timeline.dateOf(MilestoneKey.ZIEKMELDING_BEDRIJFSARTS)).isEqualTo(date("2099-01-11"));
        }

        @Test
        void exceptionMessageNamesFieldAndRule() {
            InvalidTimelineInputException exception = assertInvalid(valid.withSanctionWeeks(60), "sanctionWeeks",
                    "WIA art. 25 lid 9");

            assertThat(exception).hasMessage("sanctionWeeks: " + exception.rule());
        }

        private InvalidTimelineInputException assertInvalid(TimelineInput input, String field, String article) {
            InvalidTimelineInputException exception =
                    catchThrowableOfType(InvalidTimelineInputException.class, () -> calendar.compute(input));
            assertThat(exception).as("expected a rejection of %s", field).isNotNull();
            assertThat(exception.field()).isEqualTo(field);
            assertThat(exception.rule()).contains(article);
            return exception;
        }
    }

    /** The ten expected dates in milestone order, keyed like {@link Timeline#asDateMap()}. */
    private static Map<String, LocalDate> expected(String... isoDates) {
        MilestoneKey[] keys = MilestoneKey.values();
        assertThat(isoDates).hasSameSizeAs(keys);
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            dates.put(keys[i].key(), date(isoDates[i]));
        }
        return dates;
    }

    private static RecoveryGap gap(String firstHealthyDay, String lastHealthyDay) {
        return new RecoveryGap(date(firstHealthyDay), date(lastHealthyDay));
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
