package nl.spoorwijzer.timeline;

import static nl.spoorwijzer.timeline.LegalTerms.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes every legal date of a Poortwachter case from its first sick day.
 *
 * <p>"Sick day N" is the date on which the case reaches its N-th day of sickness. Recovery gaps of fewer than 28 days
 * are added up into one sickness period (samentelling, BW 7:629 lid 10): the healthy days do not count, so every later
 * sick day moves by the length of the gap. Extensions (VVL, loonsanctie) are counted in calendar weeks after the
 * 104th week. The law's fixed numbers are {@link LegalTerms}; the disputed ones {@link TimelineSettings}. Each
 * milestone says whether its date moves past Saturdays, Sundays and algemeen erkende feestdagen ({@link DateRule},
 * {@link WorkingDays}); only the 42e-weeksmelding does.
 *
 * <p>Pure and stateless; "first sick day in the future" is checked by the caller, which owns the clock.
 */
public final class PoortwachterCalendar {

    private final TimelineSettings settings;
    private final WorkingDays workingDays;

    /** A calendar with the holidays of the Algemene termijnenwet art. 3 lid 1 and 2 only. */
    public PoortwachterCalendar(TimelineSettings settings) {
        this(settings, WorkingDays.statutory());
    }

    public PoortwachterCalendar(TimelineSettings settings, WorkingDays workingDays) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
    }

    public TimelineSettings settings() {
        return settings;
    }

    /** The working days (and holidays) this calendar moves dates to. */
    public WorkingDays workingDays() {
        return workingDays;
    }

    /**
     * Validates the input and computes all milestones, in the order of {@link MilestoneKey}.
     *
     * @throws InvalidTimelineInputException when the input breaks a legal rule
     */
    public Timeline compute(TimelineInput input) {
        validate(input);

        LocalDate endWithoutExtensions = day(input, WAITING_PERIOD_DAYS);
        // VVL postpones the WIA application (WIA art. 24/64); a loonsanctie does not, it is imposed after the
        // application (WIA art. 25 lid 9).
        LocalDate wiaAanvraag = endWithoutExtensions.plusWeeks(input.vvlWeeks())
                .minusWeeks(settings.wiaApplicationWeeksBeforeEnd());
        LocalDate eindeWachttijd = endOfWaitingPeriod(input, endWithoutExtensions.plusWeeks(input.vvlWeeks()));
        LocalDate ejeDue = day(input, settings.ejeDueDay());
        LocalDate eje = spoor2Anchor(input.actualEerstejaarsevaluatie(), ejeDue);

        List<Milestone> milestones = new ArrayList<>();
        milestones.add(milestone(MilestoneKey.ZIEKMELDING_BEDRIJFSARTS,
                day(input, settings.ziekmeldingBedrijfsartsDay())));
        milestones.add(milestone(MilestoneKey.PROBLEEMANALYSE, day(input, PROBLEEMANALYSE_DAY)));
        milestones.add(milestone(MilestoneKey.PLAN_VAN_AANPAK, planVanAanpak(input)));
        milestones.add(onWorkingDay(MilestoneKey.ZIEKMELDING_UWV, day(input, ZIEKMELDING_UWV_DAY)));
        milestones.add(new Milestone(MilestoneKey.EERSTEJAARSEVALUATIE, ejeDue,
                day(input, settings.ejeWindowStartDay())));
        milestones.add(milestone(MilestoneKey.SPOOR_2_START,
                advance(input, eje, settings.spoor2StartDaysAfterEje())));
        milestones.add(milestone(MilestoneKey.DESKUNDIGENOORDEEL_INSPANNINGEN,
                eindeWachttijd.minusWeeks(settings.deskundigenoordeelWeeksBeforeEnd())));
        milestones.add(milestone(MilestoneKey.EINDEVALUATIE,
                wiaAanvraag.minusDays(settings.eindevaluatieDaysBeforeWiaApplication())));
        milestones.add(milestone(MilestoneKey.WIA_AANVRAAG, wiaAanvraag));
        milestones.add(milestone(MilestoneKey.EINDE_WACHTTIJD, eindeWachttijd));
        return new Timeline(input.firstSickDay(), milestones);
    }

    /**
     * The date on which the case reaches its n-th day of sickness (day 1 = first sick day), skipping recovery gaps.
     *
     * @throws InvalidTimelineInputException when the input breaks a legal rule
     * @throws IllegalArgumentException      when n is below 1
     */
    public LocalDate sickDay(TimelineInput input, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Sick days are counted from 1, got " + n);
        }
        validate(input);
        return day(input, n);
    }

    /**
     * Advances the given number of sick days from a date; days inside a recovery gap are not counted.
     *
     * @throws InvalidTimelineInputException when the input breaks a legal rule
     * @throws IllegalArgumentException      when days is negative
     */
    public LocalDate plusSickDays(TimelineInput input, LocalDate from, int days) {
        Objects.requireNonNull(from, "from");
        if (days < 0) {
            throw new IllegalArgumentException("Cannot advance a negative number of sick days: " + days);
        }
        validate(input);
        return advance(input, from, days);
    }

    /**
     * The plan van aanpak's deadline when threatening long-term absence only became clear after week 6, so the
     * probleemanalyse was rightly made late (Regeling procesgang art. 2 lid 3): day 56 may already have passed, and
     * the plan is due 2 weeks after the probleemanalyse (art. 4 lid 1). Otherwise, or while the probleemanalyse is
     * not made yet, the calendar's date.
     *
     * @throws InvalidTimelineInputException when the input breaks a legal rule
     */
    public LocalDate planVanAanpak(TimelineInput input, boolean probleemanalyseMadeLate) {
        validate(input);
        if (probleemanalyseMadeLate && input.actualProbleemanalyse() != null) {
            return advance(input, input.actualProbleemanalyse(), PLAN_VAN_AANPAK_DAYS_AFTER_PROBLEEMANALYSE);
        }
        return planVanAanpak(input);
    }

    /**
     * When threatening long-term absence only becomes clear after week 6, the probleemanalyse is asked for without
     * delay (Regeling procesgang art. 2 lid 3): due the given days from today ("onverwijld" is a setting), never
     * before its regular date.
     */
    public static LocalDate lateProbleemanalyseDue(LocalDate regularDue, LocalDate today, int daysToMakeIt) {
        LocalDate late = today.plusDays(daysToMakeIt);
        return late.isAfter(regularDue) ? late : regularDue;
    }

    /**
     * The next periodic evaluation (and bureau report) is due one evaluation interval after the last one, or after
     * the plan van aanpak: "periodiek" (Regeling procesgang art. 4 lid 2 onder b), at least every 6 weeks by UWV's
     * advice ({@link TimelineSettings#evaluationIntervalDays()}).
     */
    public LocalDate nextPeriodicDue(LocalDate last) {
        return last.plusDays(settings.evaluationIntervalDays());
    }

    /** A granted bekortingsverzoek ends the loonsanctie 6 weeks after UWV's decision (WIA art. 25; domain §2.2). */
    public static LocalDate sanctionEndAfterBekorting(LocalDate grantedOn) {
        return grantedOn.plusWeeks(BEKORTING_WEEKS);
    }

    /**
     * Spoor 2 starts within 6 weeks after the eerstejaarsevaluatie (Werkwijzer Poortwachter): after the one held, or
     * after its legal date when it was held late or not yet — a late evaluation is a miss of its own and does not buy
     * spoor 2 more time.
     */
    private static LocalDate spoor2Anchor(LocalDate held, LocalDate due) {
        return held != null && !held.isAfter(due) ? held : due;
    }

    /**
     * A loonsanctie extends the waiting period after any VVL; when UWV grants a bekortingsverzoek the sanction ends
     * 6 weeks after that decision, but never before the period it extends (WIA art. 25 lid 9).
     */
    private static LocalDate endOfWaitingPeriod(TimelineInput input, LocalDate endWithVvl) {
        LocalDate end = endWithVvl.plusWeeks(input.sanctionWeeks());
        LocalDate shortened = input.sanctionEndsOn();
        if (shortened != null && shortened.isBefore(end)) {
            end = shortened.isAfter(endWithVvl) ? shortened : endWithVvl;
        }
        return end;
    }

    private LocalDate planVanAanpak(TimelineInput input) {
        LocalDate latest = day(input, PLAN_VAN_AANPAK_DAY);
        if (input.actualProbleemanalyse() == null) {
            return latest;
        }
        LocalDate afterProbleemanalyse = advance(input, input.actualProbleemanalyse(),
                PLAN_VAN_AANPAK_DAYS_AFTER_PROBLEEMANALYSE);
        return afterProbleemanalyse.isBefore(latest) ? afterProbleemanalyse : latest;
    }

    /** Unvalidated sick-day lookup; gaps are sorted and separated, so one pass suffices. */
    private static LocalDate day(TimelineInput input, int n) {
        LocalDate date = input.firstSickDay().plusDays(n - 1L);
        for (RecoveryGap gap : input.gaps()) {
            if (!gap.firstHealthyDay().isAfter(date)) {
                date = date.plusDays(gap.days());
            }
        }
        return date;
    }

    private static LocalDate advance(TimelineInput input, LocalDate from, int days) {
        LocalDate date = from;
        int remaining = days;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (!inGap(input, date)) {
                remaining--;
            }
        }
        return date;
    }

    private static boolean inGap(TimelineInput input, LocalDate date) {
        return input.gaps().stream().anyMatch(gap -> gap.contains(date));
    }

    /**
     * A milestone whose own rule says "working day" ({@link DateRule#NEXT_WORKING_DAY}): a date on a Saturday,
     * Sunday or algemeen erkende feestdag moves to the next working day, and the milestone says from where and why.
     */
    private Milestone onWorkingDay(MilestoneKey key, LocalDate date) {
        LocalDate workingDay = workingDays.onOrAfter(date);
        if (workingDay.equals(date)) {
            return milestone(key, date);
        }
        String why = workingDays.whyNoWorkingDay(date).orElseThrow();
        return new Milestone(key, workingDay, null, date,
                DateRule.of(key).explanationOfMove(date, why, workingDay));
    }

    private static Milestone milestone(MilestoneKey key, LocalDate date) {
        return new Milestone(key, date, null);
    }

    private static void validate(TimelineInput input) {
        Objects.requireNonNull(input, "input");
        LocalDate firstSickDay = input.firstSickDay();
        if (firstSickDay == null) {
            throw new InvalidTimelineInputException("firstSickDay",
                    FirstSickDayRule.Problem.MISSING.rule(null));
        }
        validateGaps(firstSickDay, input.gaps());
        int vvlWeeks = input.vvlWeeks();
        if (vvlWeeks < 0 || (vvlWeeks > 0 && vvlWeeks < MIN_VVL_WEEKS)) {
            throw new InvalidTimelineInputException("vvlWeeks",
                    "a voluntary extension of wage payment (VVL) is 0 (none) or at least 13 weeks (WIA art. 24)");
        }
        int sanctionWeeks = input.sanctionWeeks();
        if (sanctionWeeks < 0 || sanctionWeeks > MAX_SANCTION_WEEKS) {
            throw new InvalidTimelineInputException("sanctionWeeks",
                    "a loonsanctie extends the waiting period by 0 to 52 weeks (WIA art. 25 lid 9)");
        }
        if (input.sanctionEndsOn() != null && sanctionWeeks == 0) {
            throw new InvalidTimelineInputException("sanctionEndsOn",
                    "only a loonsanctie can be shortened by a bekorting (WIA art. 25 lid 9)");
        }
        if (isBefore(input.actualProbleemanalyse(), firstSickDay)) {
            throw new InvalidTimelineInputException("actualProbleemanalyse",
                    "the probleemanalyse cannot be made before the first sick day"
                            + " (Regeling procesgang eerste en tweede ziektejaar)");
        }
        if (isBefore(input.actualEerstejaarsevaluatie(), firstSickDay)) {
            throw new InvalidTimelineInputException("actualEerstejaarsevaluatie",
                    "the eerstejaarsevaluatie cannot be held before the first sick day"
                            + " (Regeling procesgang eerste en tweede ziektejaar)");
        }
    }

    private static void validateGaps(LocalDate firstSickDay, List<RecoveryGap> gaps) {
        // The day after the previous gap must be a sick day, so the next gap starts two days later at the earliest.
        LocalDate earliestStart = firstSickDay.plusDays(1);
        for (RecoveryGap gap : gaps) {
            if (gap == null || gap.firstHealthyDay() == null || gap.lastHealthyDay() == null) {
                throw new InvalidTimelineInputException("gap",
                        "a recovery gap needs its first and last healthy day (BW 7:629 lid 10)");
            }
            if (gap.lastHealthyDay().isBefore(gap.firstHealthyDay())) {
                throw new InvalidTimelineInputException("gap",
                        "a recovery gap cannot end before it starts (BW 7:629 lid 10)");
            }
            if (gap.days() >= NEW_PERIOD_GAP_DAYS) {
                throw new InvalidTimelineInputException("gap",
                        "a recovery of 28 days or more starts a new sickness period (BW 7:629 lid 10)");
            }
            if (!gap.firstHealthyDay().isAfter(firstSickDay)) {
                throw new InvalidTimelineInputException("gap",
                        "a recovery gap must start after the first sick day (BW 7:629 lid 10)");
            }
            if (gap.firstHealthyDay().isBefore(earliestStart)) {
                throw new InvalidTimelineInputException("gap",
                        "recovery gaps must be in chronological order, not overlap and be separated by at least"
                                + " one sick day (BW 7:629 lid 10)");
            }
            earliestStart = gap.lastHealthyDay().plusDays(2);
        }
    }

    private static boolean isBefore(LocalDate date, LocalDate reference) {
        return date != null && date.isBefore(reference);
    }
}
