package nl.spoorwijzer.deadlines;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.spoorwijzer.casefile.DeadlineParty;
import nl.spoorwijzer.casefile.DeadlineStep;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The overview's deadline figures, each ONE query over the deadline read model ({@code case_deadline}, kept by
 * casefile/CaseDeadlines): no per-case reads. The caller decides whose cases count ({@link DeadlineFilter}).
 * "This week" runs from today to Sunday; what was due before today and is not done is overdue. A step is a legal
 * milestone or a report of the re-integratiebureau (casefile/DeadlineStep); the field {@code milestone} names it as
 * before: {@code PLAN_VAN_AANPAK}, {@code VOORTGANGSRAPPORTAGE_BUREAU}.
 */
@Component
public class DeadlineFigures {

    /** At most this many rows in a list of deadlines. */
    static final int MAX_ROWS = 1000;

    /** The steps a timeliness figure counts: due in the year before today, or done in it (args: year ago, today ×2). */
    static final String IN_LAST_YEAR = "state <> 'NIET_NODIG'"
            + " AND ((due_date >= ? AND due_date < ?) OR (done_on >= ? AND done_on <= ?))";
    /** A counted step that was missed: recorded so, or still to come after its date (args: today). */
    static final String MISSED = "state = 'GEMIST' OR (state = 'KOMEND' AND due_date < ?)";

    private final JdbcTemplate jdbc;
    private final TimelinessSnapshot snapshot;
    private final int liveMaxEmployers;

    public DeadlineFigures(JdbcTemplate jdbc, TimelinessSnapshot snapshot,
                           @Value("${spoorwijzer.overview.timeliness-live-max-employers:50}") int liveMaxEmployers) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.liveMaxEmployers = liveMaxEmployers;
    }

    /**
     * Per role and party: legal steps of open cases due from today to Sunday, and those overdue; with the number of
     * distinct cases behind all of them, behind those due this week and behind those overdue (one case can have
     * several steps overdue: a threshold on small groups counts cases, not steps).
     */
    public record DeadlineCount(String role, DeadlineParty party, long dueThisWeek, long overdue, long cases,
                                long casesDueThisWeek, long casesOverdue) {
    }

    /**
     * One deadline due this week or overdue, for the werkgever's list (never for management).
     *
     * @param milestone    the step (casefile/DeadlineStep#name)
     * @param employeeId   the case's employee, for looking his name up; not shown
     * @param employeeName his name, once looked up ({@link #named}); null before
     */
    public record DueDeadline(String caseId, String milestone, String name, DeadlineParty party, String role,
                              LocalDate dueDate, boolean overdue, @JsonIgnore String employeeId,
                              String employeeName) {

        public DueDeadline named(String employeeName) {
            return new DueDeadline(caseId, milestone, name, party, role, dueDate, overdue, employeeId, employeeName);
        }
    }

    /**
     * Per legal step, employer and party over the last 12 months (steps due in that year before today, or done in
     * it): how many, how many on time, late and missed, the share on time and the median days late of the late ones.
     */
    public record StepTimeliness(String milestone, String name, String employerId, DeadlineParty party,
                                 long total, long onTime, long late, long missed, double shareOnTime,
                                 Double medianDaysLate, OffsetDateTime computedAt) {

        /**
         * @param computedAt when the figure was computed: null when just now (live), else the time of the snapshot
         */
        static StepTimeliness of(DeadlineStep step, String employerId, DeadlineParty party, long total,
                                 long onTime, long late, long missed, Double medianDaysLate,
                                 OffsetDateTime computedAt) {
            return new StepTimeliness(step.name(), step.label(), employerId, party, total, onTime, late, missed,
                    total == 0 ? 0 : Math.round(1000.0 * onTime / total) / 1000.0, medianDaysLate, computedAt);
        }
    }

    static final Comparator<StepTimeliness> TIMELINESS_ORDER = Comparator
            .comparingInt((StepTimeliness step) -> DeadlineStep.orderOfName(step.milestone()))
            .thenComparing(StepTimeliness::employerId).thenComparing(StepTimeliness::party);

    /**
     * Two ranges of ix_case_deadline_pending, read from the index alone, rather than one scan: the missed steps of
     * open cases, and the steps to come up to Sunday (a step to come whose date passed is overdue too).
     */
    public List<DeadlineCount> dueThisWeekAndOverdue(DeadlineFilter filter, LocalDate today) {
        Date from = Date.valueOf(today);
        List<Object> args = DeadlineFilter.args();
        String missed = filter.sql(args);
        args.addAll(List.of(from, from, Date.valueOf(today.with(DayOfWeek.SUNDAY))));
        String sql = """
                SELECT role, party, SUM(due_this_week) AS due_this_week, SUM(overdue) AS overdue,
                    COUNT(DISTINCT case_id) AS cases,
                    COUNT(DISTINCT CASE WHEN due_this_week = 1 THEN case_id END) AS cases_due_this_week,
                    COUNT(DISTINCT CASE WHEN overdue = 1 THEN case_id END) AS cases_overdue
                FROM (
                    SELECT case_id, role, party, 0 AS due_this_week, 1 AS overdue FROM case_deadline
                    WHERE case_open = TRUE AND state = 'GEMIST'%s
                    UNION ALL
                    SELECT case_id, role, party, CASE WHEN due_date >= ? THEN 1 ELSE 0 END,
                        CASE WHEN due_date < ? THEN 1 ELSE 0 END
                    FROM case_deadline WHERE case_open = TRUE AND state = 'KOMEND' AND due_date <= ?%s
                ) pending GROUP BY role, party ORDER BY party, role""".formatted(missed, filter.sql(args));
        return jdbc.query(sql, (rs, row) -> new DeadlineCount(rs.getString("role"),
                DeadlineParty.fromKey(rs.getString("party")), rs.getLong("due_this_week"), rs.getLong("overdue"),
                rs.getLong("cases"), rs.getLong("cases_due_this_week"), rs.getLong("cases_overdue")),
                args.toArray());
    }

    public List<DueDeadline> dueThisWeekOrOverdue(DeadlineFilter filter, LocalDate today) {
        List<Object> args = DeadlineFilter.args(Date.valueOf(today.with(DayOfWeek.SUNDAY)));
        String sql = """
                SELECT case_id, milestone, party, role, due_date, state,
                    (SELECT employee_id FROM case_file f WHERE f.case_id = case_deadline.case_id) AS employee_id
                FROM case_deadline WHERE case_open = TRUE AND (state = 'GEMIST' OR (state = 'KOMEND' AND due_date <= ?))"""
                + filter.sql(args) + " ORDER BY due_date, case_id, milestone FETCH FIRST " + MAX_ROWS + " ROWS ONLY";
        return jdbc.query(sql, (rs, row) -> {
            DeadlineStep step = DeadlineStep.fromKey(rs.getString("milestone"));
            LocalDate due = rs.getObject("due_date", LocalDate.class);
            return new DueDeadline(rs.getString("case_id"), step.name(), step.label(),
                    DeadlineParty.fromKey(rs.getString("party")), rs.getString("role"), due,
                    "GEMIST".equals(rs.getString("state")) || due.isBefore(today), rs.getString("employee_id"), null);
        }, args.toArray());
    }

    /**
     * Timeliness over a few employers (at most {@code spoorwijzer.overview.timeliness-live-max-employers}) is counted
     * live; over more, or every employer, it comes from today's snapshot ({@link TimelinessSnapshot}), the same
     * figures as of its last refresh, and live only while there is none for today.
     */
    public List<StepTimeliness> timeliness(DeadlineFilter filter, LocalDate today) {
        boolean wide = filter.employers() == null || filter.employers().size() > liveMaxEmployers;
        return (wide ? snapshot.timeliness(filter, today) : Optional.<List<StepTimeliness>>empty())
                .orElseGet(() -> liveTimeliness(filter, today));
    }

    List<StepTimeliness> liveTimeliness(DeadlineFilter filter, LocalDate today) {
        Date yearAgo = Date.valueOf(today.minusMonths(12));
        Date to = Date.valueOf(today);
        List<Object> args = DeadlineFilter.args(to, yearAgo, to, yearAgo, to);
        String sql = """
                SELECT milestone, employer_id, party, COUNT(*) AS total,
                    SUM(CASE WHEN state = 'OP_TIJD' THEN 1 ELSE 0 END) AS on_time,
                    SUM(CASE WHEN state = 'TE_LAAT' THEN 1 ELSE 0 END) AS late,
                    SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS missed,
                    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY days_late) AS median_days_late
                FROM case_deadline
                WHERE %s""".formatted(MISSED, IN_LAST_YEAR)
                + filter.sql(args) + " GROUP BY milestone, employer_id, party";
        return jdbc.query(sql, (rs, row) -> {
            Object median = rs.getObject("median_days_late");
            return StepTimeliness.of(DeadlineStep.fromKey(rs.getString("milestone")), rs.getString("employer_id"),
                    DeadlineParty.fromKey(rs.getString("party")), rs.getLong("total"), rs.getLong("on_time"),
                    rs.getLong("late"), rs.getLong("missed"),
                    median == null ? null : ((Number) median).doubleValue(), null);
        }, args.toArray()).stream().sorted(TIMELINESS_ORDER).toList();
    }
}
