package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.spoorwijzer.timeline.FirstSickDayRule.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The law's rules outside the milestone table, each against its source. Expected dates are literals checked with
 * GNU {@code date -d}; none is derived from the code under test.
 */
class LegalRulesTest {

    private static final LocalDate TODAY = date("2026-01-29");
    private final PoortwachterCalendar calendar = new PoortwachterCalendar(TimelineSettings.defaults());

    /** BW 7:629 lid 1, WIA art. 23 lid 1: wage payment and the waiting period last 104 weeks. */
    @Nested
    class WaitingPeriodOf104Weeks {

        @Test
        void isSevenHundredTwentyEightDays() {
            assertThat(LegalTerms.WAITING_PERIOD_WEEKS).isEqualTo(104);
            assertThat(LegalTerms.WAITING_PERIOD_DAYS).isEqualTo(728);
        }

        @Test
        void aCaseCanStillOpenOnTheDayExactly104WeeksAfterTheFirstSickDay() {
            assertThat(FirstSickDayRule.earliestForNewCase(TODAY)).isEqualTo(date("2024-02-01"));
            assertThat(FirstSickDayRule.forNewCase(date("2024-02-01"), TODAY)).isEmpty();
        }

        @Test
        void aDayEarlierTheWaitingPeriodIsOver() {
            assertThat(FirstSickDayRule.forNewCase(date("2024-01-31"), TODAY))
                    .contains(Problem.WAITING_PERIOD_OVER);
        }

        @Test
        void theCalendarStillComputesAWaitingPeriodThatIsOver() {
            assertThat(FirstSickDayRule.forCalculation(date("2007-06-26"), TODAY)).isEmpty();
        }
    }

    /** A sick report is about sickness that has begun; the first sick day starts the waiting period (BW 7:629). */
    @Nested
    class FirstSickDay {

        @Test
        void todayIsAccepted() {
            assertThat(FirstSickDayRule.forNewCase(TODAY, TODAY)).isEmpty();
            assertThat(FirstSickDayRule.forCalculation(TODAY, TODAY)).isEmpty();
        }

        @Test
        void tomorrowIsRefusedForACaseAndForACalculation() {
            assertThat(FirstSickDayRule.forNewCase(date("2026-01-30"), TODAY)).contains(Problem.IN_THE_FUTURE);
            assertThat(FirstSickDayRule.forCalculation(date("2026-01-30"), TODAY)).contains(Problem.IN_THE_FUTURE);
        }

        @Test
        void aMissingDayIsRefused() {
            assertThat(FirstSickDayRule.forNewCase(null, TODAY)).contains(Problem.MISSING);
            assertThat(FirstSickDayRule.forCalculation(null, TODAY)).contains(Problem.MISSING);
        }

        @Test
        void theApiNamesTheRuleInEnglish() {
            assertThat(Problem.IN_THE_FUTURE.rule(TODAY)).isEqualTo("must not be in the future (today is 2026-01-29)");
            assertThat(Problem.WAITING_PERIOD_OVER.rule(TODAY)).contains("104 weeks").contains("BW 7:629");
            assertThat(Problem.MISSING.rule(TODAY)).contains("required").contains("BW 7:629 lid 1");
        }
    }

    /** WIA art. 25 lid 9: a loonsanctie extends the waiting period by at most 52 weeks. */
    @Nested
    class LoonsanctieBounds {

        @Test
        void areOneToFiftyTwoWeeks() {
            assertThat(LegalTerms.MIN_SANCTION_WEEKS).isEqualTo(1);
            assertThat(LegalTerms.MAX_SANCTION_WEEKS).isEqualTo(52);
        }

        @Test
        void theCalendarAcceptsFiftyTwoAndRefusesFiftyThreeWeeks() {
            TimelineInput input = TimelineInput.of(date("2024-01-08"));
            assertThat(calendar.compute(input.withSanctionWeeks(52)).dateOf(MilestoneKey.EINDE_WACHTTIJD))
                    .isEqualTo(date("2027-01-03"));
            assertThatThrownBy(() -> calendar.compute(input.withSanctionWeeks(53)))
                    .isInstanceOf(InvalidTimelineInputException.class).hasMessageContaining("sanctionWeeks");
        }
    }

    /** WIA art. 25 (bekorting, lid 12-15; domain reference §2.2): the sanction ends 6 weeks after UWV grants it. */
    @Nested
    class Bekorting {

        @Test
        void endsTheSanctionSixWeeksAfterTheDecision() {
            assertThat(LegalTerms.BEKORTING_WEEKS).isEqualTo(6);
            assertThat(PoortwachterCalendar.sanctionEndAfterBekorting(date("2026-03-02"))).isEqualTo(date("2026-04-13"));
        }
    }

    /** WIA art. 24 lid 1: a voluntary extension of wage payment (VVL) is at least 13 weeks. */
    @Nested
    class MinimumVvl {

        @Test
        void isThirteenWeeks() {
            TimelineInput input = TimelineInput.of(date("2024-01-08"));
            assertThat(LegalTerms.MIN_VVL_WEEKS).isEqualTo(13);
            assertThat(calendar.compute(input.withVvlWeeks(13)).dateOf(MilestoneKey.EINDE_WACHTTIJD))
                    .isEqualTo(date("2026-04-05"));
            assertThatThrownBy(() -> calendar.compute(input.withVvlWeeks(12)))
                    .isInstanceOf(InvalidTimelineInputException.class).hasMessageContaining("vvlWeeks");
        }
    }

    /** Regeling procesgang art. 2 lid 3 and art. 4 lid 1: a late probleemanalyse, a plan 14 days after it. */
    @Nested
    class LateProbleemanalyse {

        private final TimelineInput madeLate = TimelineInput.of(date("2024-01-08"))
                .withActualProbleemanalyse(date("2024-03-20"));

        @Test
        void isDueTheConfiguredDaysFromTodayAfterWeekSix() {
            assertThat(PoortwachterCalendar.lateProbleemanalyseDue(date("2024-02-18"), date("2024-03-01"), 7))
                    .isEqualTo(date("2024-03-08"));
        }

        @Test
        void isNeverDueBeforeTheRegularDayFortyTwo() {
            assertThat(PoortwachterCalendar.lateProbleemanalyseDue(date("2024-02-18"), date("2024-02-01"), 7))
                    .isEqualTo(date("2024-02-18"));
        }

        @Test
        void thePlanVanAanpakIsThenDueFourteenDaysAfterIt() {
            assertThat(LegalTerms.PLAN_VAN_AANPAK_DAYS_AFTER_PROBLEEMANALYSE).isEqualTo(14);
            assertThat(calendar.planVanAanpak(madeLate, true)).isEqualTo(date("2024-04-03"));
        }

        @Test
        void withoutTheLateFindingTheCalendarsWeekEightStands() {
            assertThat(calendar.planVanAanpak(madeLate, false)).isEqualTo(date("2024-03-03"));
        }

        @Test
        void theFourteenDaysDoNotCountARecoveryGap() {
            TimelineInput withGap = madeLate.withGaps(List.of(new RecoveryGap(date("2024-03-25"),
                    date("2024-03-29"))));
            assertThat(calendar.planVanAanpak(withGap, true)).isEqualTo(date("2024-04-08"));
        }
    }

    /** Regeling procesgang art. 4 lid 2 onder b ("periodiek"), UWV: at least every 6 weeks (a setting). */
    @Nested
    class NextPeriodicEvaluation {

        @Test
        void isDueOneIntervalAfterTheLast() {
            assertThat(calendar.nextPeriodicDue(date("2024-02-01"))).isEqualTo(date("2024-03-14"));
        }

        @Test
        void followsAConfiguredInterval() {
            PoortwachterCalendar everyFourWeeks = new PoortwachterCalendar(
                    new TimelineSettings(7, 28, 26, 11, 42, 316, 364, 14));
            assertThat(everyFourWeeks.nextPeriodicDue(date("2024-02-01"))).isEqualTo(date("2024-02-29"));
        }
    }

    /** BW 7:629 lid 10: sickness periods less than 4 weeks apart are added up. */
    @Nested
    class Samentelling {

        @Test
        void aRelapseAfterTwentySevenHealthyDaysContinuesTheCase() {
            assertThat(SicknessPeriods.continuesCase(date("2025-05-01"), date("2025-05-28"))).isTrue();
        }

        @Test
        void aRelapseAfterTwentyEightHealthyDaysIsANewCase() {
            assertThat(SicknessPeriods.continuesCase(date("2025-05-01"), date("2025-05-29"))).isFalse();
            assertThat(SicknessPeriods.recoveredForGoodOn(date("2025-05-01"))).isEqualTo(date("2025-05-29"));
        }

        @Test
        void theHealthyDaysBecomeAGapThatEndsTheDayBeforeTheRelapse() {
            assertThat(SicknessPeriods.healthyDays(date("2025-05-01"), date("2025-05-11"))).isEqualTo(10);
            assertThat(SicknessPeriods.gap(date("2025-05-01"), date("2025-05-11")))
                    .contains(new RecoveryGap(date("2025-05-01"), date("2025-05-10")));
        }

        @Test
        void sickAgainOnTheDayOfRecoveryAddsNoGap() {
            assertThat(SicknessPeriods.gap(date("2025-05-01"), date("2025-05-01"))).isEqualTo(Optional.empty());
        }

        @Test
        void theCurrentPeriodStartsAfterTheLastGap() {
            assertThat(SicknessPeriods.currentPeriodStart(date("2025-01-06"), List.of())).isEqualTo(date("2025-01-06"));
            assertThat(SicknessPeriods.currentPeriodStart(date("2025-01-06"), List.of(
                    new RecoveryGap(date("2025-02-01"), date("2025-02-10")),
                    new RecoveryGap(date("2025-05-01"), date("2025-05-10"))))).isEqualTo(date("2025-05-11"));
        }
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
