package nl.spoorwijzer.ownwork;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;

/**
 * The rules of an opbouwschema, every violation named at once (field and index, e.g. {@code periods[1].from}) so
 * nothing is half-written: periods in order, contiguous and not overlapping, each with a first day before its last,
 * none before the first sick day and none ending after the end of the waiting period (opbouw in own work is
 * re-integration during it; after it the employee is no longer sick under the Poortwachter rules); hours per week from 0 to the contract hours (or the configured maximum); tasks in
 * functional terms.
 */
final class ScheduleRules {

    static final int MAX_PERIODS = 52;
    static final int MAX_TASKS_LENGTH = 1000;

    private ScheduleRules() {
    }

    static List<Schedule.Period> check(ScheduleRequest request, LocalDate firstSickDay, LocalDate waitingPeriodEnd,
                                       LocalDate today, BigDecimal maxHours, String hoursLimitName) {
        List<Violation> violations = new ArrayList<>();
        LocalDate advice = date(violations, "bedrijfsartsAdviceOn", request.bedrijfsartsAdviceOn(),
                "the day of the bedrijfsarts's advice the schedule follows");
        if (advice != null && advice.isAfter(today)) {
            violations.add(new Violation("bedrijfsartsAdviceOn", "must not be in the future (today is " + today
                    + ")"));
        } else if (advice != null && advice.isBefore(firstSickDay)) {
            violations.add(new Violation("bedrijfsartsAdviceOn", "must not be before the first sick day "
                    + firstSickDay));
        }
        List<ScheduleRequest.PeriodRequest> given = request.periods();
        if (given == null || given.isEmpty()) {
            violations.add(new Violation("periods", "is required: at least one period"));
        } else if (given.size() > MAX_PERIODS) {
            violations.add(new Violation("periods", "must have at most " + MAX_PERIODS + " periods"));
        }
        List<Schedule.Period> periods = new ArrayList<>();
        LocalDate previousEnd = null;
        for (int i = 0; given != null && i < given.size() && i < MAX_PERIODS; i++) {
            String at = "periods[" + i + "]";
            ScheduleRequest.PeriodRequest period = given.get(i);
            if (period == null) {
                violations.add(new Violation(at, "is required"));
                previousEnd = null;
                continue;
            }
            LocalDate from = date(violations, at + ".from", period.from(), "the first day of the period");
            LocalDate to = date(violations, at + ".to", period.to(), "the last day of the period");
            if (from != null && from.isBefore(firstSickDay)) {
                violations.add(new Violation(at + ".from", "must not be before the first sick day " + firstSickDay));
            }
            if (to != null && waitingPeriodEnd != null && to.isAfter(waitingPeriodEnd)) {
                violations.add(new Violation(at + ".to", "must not be after the end of the waiting period "
                        + waitingPeriodEnd));
            }
            if (from != null && to != null && !from.isBefore(to)) {
                violations.add(new Violation(at + ".to", "must be after " + at + ".from (" + from + ")"));
            }
            if (from != null && previousEnd != null && !from.equals(previousEnd.plusDays(1))) {
                violations.add(new Violation(at + ".from", (from.isAfter(previousEnd) ? "leaves a gap: " : "overlaps: ")
                        + "must be the day after periods[" + (i - 1) + "].to, " + previousEnd.plusDays(1)
                        + " (periods follow each other without gaps or overlaps)"));
            }
            BigDecimal hours = period.hoursPerWeek();
            if (hours == null) {
                violations.add(new Violation(at + ".hoursPerWeek", "is required"));
            } else if (hours.signum() < 0 || hours.compareTo(maxHours) > 0) {
                violations.add(new Violation(at + ".hoursPerWeek", "must be from 0 to " + maxHours.toPlainString()
                        + " (" + hoursLimitName + ")"));
            }
            if (hours != null && hours.stripTrailingZeros().scale() > 2) {
                violations.add(new Violation(at + ".hoursPerWeek", "must have at most 2 decimals"));
            }
            String tasks = period.tasks() == null ? null : period.tasks().trim();
            if (tasks == null || tasks.isEmpty()) {
                violations.add(new Violation(at + ".tasks", "is required: the tasks of this period, in functional"
                        + " terms (no diagnosis, symptoms or treatment)"));
            } else if (tasks.length() > MAX_TASKS_LENGTH) {
                violations.add(new Violation(at + ".tasks", "must be at most " + MAX_TASKS_LENGTH + " characters"));
            }
            if (from != null && to != null && hours != null && tasks != null) {
                periods.add(new Schedule.Period(from, to, hours, tasks));
            }
            previousEnd = to;
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return periods;
    }

    private static LocalDate date(List<Violation> violations, String field, String value, String why) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required: " + why));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date in ISO format YYYY-MM-DD (got '" + value + "')"));
            return null;
        }
    }
}
