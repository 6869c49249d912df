package nl.spoorwijzer.deadlines;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.spoorwijzer.casefile.DeadlineParty;
import nl.spoorwijzer.casefile.DeadlineStep;
import nl.spoorwijzer.deadlines.DeadlineFigures.StepTimeliness;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.system.AfterStart;
import nl.spoorwijzer.system.ScheduledRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timeliness over many employers, counted ahead ({@code deadline_timeliness}): counting it live reads some 40% of
 * every deadline row and sorts the days late per group, well over a second at 100,000 open cases (BENCHMARKS.md).
 * The snapshot holds, for one day, the figure's rows (per legal step, employer and party: the counts and the median
 * days late) for every role and phase filter: per role or over every role ({@value #EVERY}), per phase or over every
 * phase. A median cannot be added up, so each combination is counted on its own; the figure is then one indexed
 * read of its rows, as many as it shows, whatever the number of cases. It is refreshed every quarter of an hour (also just after midnight, when the
 * day's window moves), and at start-up when it is not today's, by one node (its lease in {@code scheduled_run}):
 * one statement that replaces the whole snapshot in one transaction, so readers see the old or the new one.
 */
@Component
public class TimelinessSnapshot {

    static final String NAME = "deadline-timeliness";
    /** The role or phase of a snapshot row that counts every role or every phase. */
    static final String EVERY = "*";
    private static final Logger LOG = LoggerFactory.getLogger(TimelinessSnapshot.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ScheduledRuns runs;
    private final LegalTime time;
    private final Clock clock;
    private final int lockMinutes;
    private final AfterStart afterStart;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    TimelinessSnapshot(JdbcTemplate jdbc, PlatformTransactionManager transactions, ScheduledRuns runs, LegalTime time,
                       Clock clock, @Value("${spoorwijzer.overview.timeliness-lock-minutes:10}") int lockMinutes,
                       AfterStart afterStart) {
        this.afterStart = afterStart;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.runs = runs;
        this.time = time;
        this.clock = clock;
        this.lockMinutes = lockMinutes;
    }

    /** Refreshes the snapshot for today when no other node does; the rows written, or -1 when another node runs. */
    @Scheduled(cron = "${spoorwijzer.overview.timeliness-refresh-cron:0 */15 * * * *}",
            zone = "${spoorwijzer.zone:Europe/Amsterdam}")
    public int refresh() {
        OffsetDateTime start = OffsetDateTime.now(clock);
        if (!runs.takeLease(NAME, node, start, start.plusMinutes(lockMinutes))) {
            LOG.info("Tijdigheid: een andere node werkt de momentopname bij");
            return -1;
        }
        long began = System.nanoTime();
        int rows = 0;
        try {
            rows = refresh(time.today(), start);
            return rows;
        } finally {
            long millis = (System.nanoTime() - began) / 1_000_000;
            runs.releaseLease(NAME, node, OffsetDateTime.now(clock), rows, millis);
            LOG.info("Tijdigheid: momentopname van {} rijen in {} ms", rows, millis);
        }
    }

    /**
     * At start-up: a snapshot that is missing or not today's is made just after the platform is ready rather than at
     * the next quarter (in the background; until then, and when it fails, the figure is counted live).
     */
    @EventListener(ApplicationReadyEvent.class)
    void refreshWhenStale() {
        afterStart.run("momentopname tijdigheid", () -> {
            if (!existsFor(time.today())) {
                refresh();
            }
        });
    }

    /** Replaces the snapshot with the figures of {@code today}, as computed at {@code now}; the rows written. */
    int refresh(LocalDate today, OffsetDateTime now) {
        Date to = Date.valueOf(today);
        Date yearAgo = Date.valueOf(today.minusMonths(12));
        // each step counted four times: per role or over every role, per phase or over every phase; written in the
        // order of the index so that a filter's rows lie together (some hundred pages rather than thousands)
        String sql = """
                INSERT INTO deadline_timeliness (computed_for, computed_at, milestone, employer_id, party, role, phase,
                    total, on_time, late, missed, median_days_late)
                SELECT CAST(? AS DATE), CAST(? AS TIMESTAMP WITH TIME ZONE), g.milestone, g.employer_id, g.party,
                    g.role, g.phase, g.total, g.on_time, g.late, g.missed, g.median_days_late
                FROM (
                    SELECT d.milestone, d.employer_id, d.party,
                        CASE WHEN s.by_role = 1 THEN d.role ELSE '%1$s' END AS role,
                        CASE WHEN s.by_phase = 1 THEN f.phase ELSE '%1$s' END AS phase,
                        COUNT(*) AS total, SUM(d.on_time) AS on_time, SUM(d.late) AS late, SUM(d.missed) AS missed,
                        PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY d.days_late) AS median_days_late
                    FROM (
                        SELECT case_id, milestone, employer_id, party, role, days_late,
                            CASE WHEN state = 'OP_TIJD' THEN 1 ELSE 0 END AS on_time,
                            CASE WHEN state = 'TE_LAAT' THEN 1 ELSE 0 END AS late,
                            CASE WHEN %2$s THEN 1 ELSE 0 END AS missed
                        FROM case_deadline WHERE %3$s
                    ) d
                    LEFT JOIN case_file f ON f.case_id = d.case_id
                    CROSS JOIN (VALUES (0, 0), (1, 0), (0, 1), (1, 1)) AS s (by_role, by_phase)
                    GROUP BY d.milestone, d.employer_id, d.party, CASE WHEN s.by_role = 1 THEN d.role ELSE '%1$s' END,
                        CASE WHEN s.by_phase = 1 THEN f.phase ELSE '%1$s' END
                ) g
                ORDER BY g.role, g.phase, g.employer_id""".formatted(EVERY, DeadlineFigures.MISSED, DeadlineFigures.IN_LAST_YEAR);
        Integer rows = transaction.execute(status -> {
            jdbc.update("DELETE FROM deadline_timeliness");
            return jdbc.update(sql, to, now, to, yearAgo, to, yearAgo, to);
        });
        return rows == null ? 0 : rows;
    }

    boolean existsFor(LocalDate today) {
        return !jdbc.queryForList("SELECT 1 FROM deadline_timeliness WHERE computed_for = ? FETCH FIRST 1 ROWS ONLY",
                Integer.class, Date.valueOf(today)).isEmpty();
    }

    /**
     * The figure from today's snapshot: its rows for the filter's role and phase (or those over every role, every
     * phase) and employers and party, as they are. Empty when there is no snapshot for today.
     */
    Optional<List<StepTimeliness>> timeliness(DeadlineFilter filter, LocalDate today) {
        List<Object> args = DeadlineFilter.args(Date.valueOf(today), filter.role() == null ? EVERY : filter.role(),
                filter.phase() == null ? EVERY : filter.phase().name());
        String sql = """
                SELECT milestone, employer_id, party, total, on_time, late, missed, median_days_late, computed_at
                FROM deadline_timeliness WHERE computed_for = ? AND role = ? AND phase = ?"""
                + new DeadlineFilter(filter.employers(), filter.party(), null).sql(args);
        List<StepTimeliness> figures = new ArrayList<>(jdbc.query(sql, (rs, row) -> {
            Object median = rs.getObject("median_days_late");
            return StepTimeliness.of(DeadlineStep.fromKey(rs.getString("milestone")), rs.getString("employer_id"),
                    DeadlineParty.fromKey(rs.getString("party")), rs.getLong("total"), rs.getLong("on_time"),
                    rs.getLong("late"), rs.getLong("missed"), median == null ? null : ((Number) median).doubleValue(),
                    rs.getObject("computed_at", OffsetDateTime.class));
        }, args.toArray()));
        if (figures.isEmpty() && !existsFor(today)) {
            return Optional.empty();
        }
        figures.sort(DeadlineFigures.TIMELINESS_ORDER);
        return Optional.of(figures);
    }
}
