package nl.spoorwijzer.deadlines;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.spoorwijzer.casefile.DeadlineParty;
import nl.spoorwijzer.deadlines.DeadlineFigures.StepTimeliness;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.system.ScheduledRuns;
import nl.spoorwijzer.timeline.MilestoneKey;
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
 * The snapshot holds, for one day, the number of steps per legal step, employer, party, role, phase, outcome (on
 * time, late, missed, other) and days late, so every filter of the figure still applies and the median days late
 * comes from the days-late counts. It is refreshed every quarter of an hour (also just after midnight, when the
 * day's window moves), and at start-up when it is not today's, by one node (its lease in {@code scheduled_run}):
 * one statement that replaces the whole snapshot in one transaction, so readers see the old or the new one.
 */
@Component
public class TimelinessSnapshot {

    static final String NAME = "deadline-timeliness";
    private static final Logger LOG = LoggerFactory.getLogger(TimelinessSnapshot.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ScheduledRuns runs;
    private final LegalTime time;
    private final Clock clock;
    private final int lockMinutes;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    TimelinessSnapshot(JdbcTemplate jdbc, PlatformTransactionManager transactions, ScheduledRuns runs, LegalTime time,
                       Clock clock, @Value("${spoorwijzer.overview.timeliness-lock-minutes:10}") int lockMinutes) {
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

    /** At start-up: a snapshot that is missing or not today's is made now rather than at the next quarter. */
    @EventListener(ApplicationReadyEvent.class)
    void refreshWhenStale() {
        try {
            if (!existsFor(time.today())) {
                refresh();
            }
        } catch (RuntimeException e) { // the figure is then counted live until the next refresh
            LOG.warn("Tijdigheid: momentopname bij het starten mislukt", e);
        }
    }

    /** Replaces the snapshot with the figures of {@code today}, as computed at {@code now}; the rows written. */
    int refresh(LocalDate today, OffsetDateTime now) {
        Date to = Date.valueOf(today);
        Date yearAgo = Date.valueOf(today.minusMonths(12));
        String sql = """
                INSERT INTO deadline_timeliness (computed_for, computed_at, milestone, employer_id, party, role, phase,
                    outcome, days_late, cases)
                SELECT CAST(? AS DATE), CAST(? AS TIMESTAMP WITH TIME ZONE), g.milestone, g.employer_id, g.party,
                    g.role, g.phase, g.outcome, g.days_late, g.cases
                FROM (
                    SELECT d.milestone, d.employer_id, d.party, d.role, f.phase, d.outcome, d.days_late,
                        COUNT(*) AS cases
                    FROM (
                        SELECT case_id, milestone, employer_id, party, role, days_late,
                            CASE WHEN state = 'OP_TIJD' THEN 'OP_TIJD' WHEN state = 'TE_LAAT' THEN 'TE_LAAT'
                                WHEN %s THEN 'GEMIST' ELSE 'OVERIG' END AS outcome
                        FROM case_deadline WHERE %s
                    ) d LEFT JOIN case_file f ON f.case_id = d.case_id
                    GROUP BY d.milestone, d.employer_id, d.party, d.role, f.phase, d.outcome, d.days_late
                ) g""".formatted(DeadlineFigures.MISSED, DeadlineFigures.IN_LAST_YEAR);
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
     * The figure from today's snapshot, by one query: the counts per step, employer, party, outcome and days late
     * over the filter; the median days late from those counts (as PERCENTILE_CONT(0.5) takes it). Empty when there
     * is no snapshot for today.
     */
    Optional<List<StepTimeliness>> timeliness(DeadlineFilter filter, LocalDate today) {
        List<Object> args = DeadlineFilter.args(Date.valueOf(today));
        String sql = """
                SELECT milestone, employer_id, party, outcome, days_late, SUM(cases) AS cases,
                    MAX(computed_at) AS computed_at
                FROM deadline_timeliness WHERE computed_for = ?"""
                + filter.sqlWithPhaseColumn(args) + " GROUP BY milestone, employer_id, party, outcome, days_late";
        Map<List<String>, Step> steps = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            List<String> key = List.of(rs.getString("milestone"), rs.getString("employer_id"), rs.getString("party"));
            Step step = steps.get(key);
            if (step == null) {
                step = new Step(rs.getObject("computed_at", OffsetDateTime.class));
                steps.put(key, step);
            }
            step.add(rs.getString("outcome"), rs.getObject("days_late", Integer.class), rs.getLong("cases"));
        }, args.toArray());
        if (steps.isEmpty() && !existsFor(today)) {
            return Optional.empty();
        }
        List<StepTimeliness> figures = new ArrayList<>(steps.size());
        steps.forEach((key, step) -> figures.add(StepTimeliness.of(MilestoneKey.fromKey(key.get(0)), key.get(1),
                DeadlineParty.fromKey(key.get(2)), step.total, step.onTime, step.late, step.missed, step.median(),
                step.computedAt)));
        figures.sort(DeadlineFigures.TIMELINESS_ORDER);
        return Optional.of(figures);
    }

    /** One step's counts over the snapshot's rows. */
    private static final class Step {
        final OffsetDateTime computedAt;
        final TreeMap<Integer, Long> daysLate = new TreeMap<>();
        long total;
        long onTime;
        long late;
        long missed;

        Step(OffsetDateTime computedAt) {
            this.computedAt = computedAt;
        }

        void add(String outcome, Integer days, long cases) {
            total += cases;
            switch (outcome) {
                case "OP_TIJD" -> onTime += cases;
                case "TE_LAAT" -> late += cases;
                case "GEMIST" -> missed += cases;
                default -> { }
            }
            if (days != null) {
                daysLate.merge(days, cases, Long::sum);
            }
        }

        /** The middle value of the days late, or the mean of the middle two (PERCENTILE_CONT(0.5)); null if none. */
        Double median() {
            long count = daysLate.values().stream().mapToLong(Long::longValue).sum();
            if (count == 0) {
                return null;
            }
            long lower = (count - 1) / 2;
            long upper = count / 2;
            Integer lowerValue = null;
            long seen = 0;
            for (Map.Entry<Integer, Long> entry : daysLate.entrySet()) {
                seen += entry.getValue();
                if (lowerValue == null && seen > lower) {
                    lowerValue = entry.getKey();
                }
                if (seen > upper) {
                    return (lowerValue + entry.getKey()) / 2.0;
                }
            }
            throw new IllegalStateException("counted " + count + " days late but found fewer");
        }
    }
}
