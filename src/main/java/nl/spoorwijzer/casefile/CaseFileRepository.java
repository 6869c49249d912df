package nl.spoorwijzer.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The case read model, written in the engine's transaction (same DataSource) and read by the case API. */
@Repository
public class CaseFileRepository {

    /** The most cases whose visibility is asked of the engine at once (an IN list of ids). */
    static final int MAX_INSTANCES_PER_QUERY = 1000;
    private static final int FIRST_BATCH = 100;

    private final JdbcTemplate jdbc;

    public CaseFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a newly opened case.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the employee already has an open case
     */
    public void open(CaseFile file) {
        jdbc.update("""
                INSERT INTO case_file (case_id, process_instance_id, employer_id, employee_id, first_sick_day, status,
                    phase, open_case_key, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                file.caseId(), file.processInstanceId(), file.employerId(), file.employeeId(), file.firstSickDay(),
                CaseFile.OPEN, file.phase().name(), openCaseKey(file.employerId(), file.employeeId()),
                file.openedAt());
    }

    public void updateProgress(String caseId, CasePhase phase, LocalDate nextDeadline, String nextDeadlineTask) {
        jdbc.update("UPDATE case_file SET phase = ?, next_deadline = ?, next_deadline_task = ? WHERE case_id = ?",
                phase.name(), nextDeadline, nextDeadlineTask, caseId);
    }

    /** The case ended on the legal day {@code closedOn} (the overview counts its closing in that month). */
    public void close(String caseId, String reason, LocalDate closedOn) {
        jdbc.update("""
                UPDATE case_file SET status = ?, closed_reason = ?, closed_on = ?, open_case_key = NULL,
                    next_deadline = NULL, next_deadline_task = NULL WHERE case_id = ?""",
                CaseFile.CLOSED, reason, closedOn, caseId);
    }

    /**
     * The herstelperiode passed without relapse: the case reads as closed with the reason, but keeps its open-case
     * key and recovery date while a late report of a relapse within the 28 days may still reopen it
     * ({@link #release} ends that).
     */
    public void closeAfterRecovery(String caseId, String reason, LocalDate closedOn) {
        jdbc.update("""
                UPDATE case_file SET status = ?, closed_reason = ?, closed_on = ?, next_deadline = NULL,
                    next_deadline_task = NULL WHERE case_id = ?""", CaseFile.CLOSED, reason, closedOn, caseId);
    }

    /** The case's process ended: a new sick report for the employee no longer reaches it. */
    public void release(String caseId) {
        jdbc.update("UPDATE case_file SET open_case_key = NULL WHERE case_id = ?", caseId);
    }

    /** Full recovery: the case keeps its open-case key (a relapse continues it) but has no running deadline. */
    public void recovered(String caseId, LocalDate recoveredOn) {
        jdbc.update("""
                UPDATE case_file SET status = ?, recovered_on = ?, partial_recovery_percentage = NULL,
                    next_deadline = NULL, next_deadline_task = NULL WHERE case_id = ?""",
                CaseFile.RECOVERED, recoveredOn, caseId);
    }

    /** A relapse within 28 days of the recovery: the case runs again, also when it read as closed. */
    public void resumed(String caseId) {
        jdbc.update("""
                UPDATE case_file SET status = ?, recovered_on = NULL, closed_reason = NULL, closed_on = NULL
                WHERE case_id = ?""", CaseFile.OPEN, caseId);
    }

    public void partiallyRecovered(String caseId, int percentage) {
        jdbc.update("UPDATE case_file SET partial_recovery_percentage = ? WHERE case_id = ?", percentage, caseId);
    }

    public Optional<CaseFile> find(String caseId) {
        return jdbc.query("SELECT * FROM case_file WHERE case_id = ?", this::map, caseId).stream().findFirst();
    }

    /**
     * The case's row, locked until the calling transaction ends ({@code SELECT ... FOR UPDATE}): a change that first
     * checks "not yet" or "one of each kind" and then stores takes this lock before the check, so two requests at
     * the same moment run one after the other and the second sees what the first stored. Empty for an unknown case.
     */
    public Optional<CaseFile> lockForChange(String caseId) {
        return jdbc.query("SELECT * FROM case_file WHERE case_id = ? FOR UPDATE", this::map, caseId).stream()
                .findFirst();
    }

    public Optional<CaseFile> findOpen(String employerId, String employeeId) {
        return jdbc.query("SELECT * FROM case_file WHERE open_case_key = ?", this::map,
                openCaseKey(employerId, employeeId)).stream().findFirst();
    }

    /** The employee's case that ended for good most recently after a recovery, if any. */
    public Optional<CaseFile> findLastRecovered(String employerId, String employeeId) {
        return jdbc.query("""
                SELECT * FROM case_file WHERE employee_id = ? AND employer_id = ? AND status = ?
                    AND recovered_on IS NOT NULL AND open_case_key IS NULL
                ORDER BY recovered_on DESC LIMIT 1""", this::map, employeeId, employerId, CaseFile.CLOSED)
                .stream().findFirst();
    }

    /**
     * Cases of the given employers, soonest deadline first (cases without one last), one page; when {@code visible}
     * is not null only the cases it lets the caller see (a party of some of the employers' cases). Those are read
     * in the list's order in growing batches, each filtered by one question to the engine, until the page is full:
     * the cost follows the page and the share of cases the caller sees, not how many cases it is a party of.
     */
    public List<CaseFile> list(CaseQuery query, Collection<String> employers, VisibleCases visible,
                               LocalDate today) {
        if (employers.isEmpty()) {
            return List.of();
        }
        if (visible == null || visible.all() != null) {
            Collection<String> named = visible == null ? null : visible.all();
            return named != null && named.isEmpty() ? List.of()
                    : page(query, employers, named, today, (long) query.page() * query.size(), query.size());
        }
        long skip = (long) query.page() * query.size();
        List<CaseFile> shown = new ArrayList<>();
        long offset = 0;
        int batch = (int) Math.min(MAX_INSTANCES_PER_QUERY, Math.max(FIRST_BATCH, 2 * (skip + query.size())));
        while (shown.size() < query.size()) {
            List<CaseFile> candidates = page(query, employers, null, today, offset, batch);
            if (candidates.isEmpty()) {
                break;
            }
            Set<String> seen = visible.among(candidates.stream().map(CaseFile::processInstanceId).toList());
            for (CaseFile candidate : candidates) {
                if (!seen.contains(candidate.processInstanceId())) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                } else if (shown.size() < query.size()) {
                    shown.add(candidate);
                }
            }
            if (candidates.size() < batch) {
                break;
            }
            offset += batch;
            batch = Math.min(MAX_INSTANCES_PER_QUERY, batch * 2);
        }
        return shown;
    }

    private List<CaseFile> page(CaseQuery query, Collection<String> employers, Collection<String> instances,
                                LocalDate today, long offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM case_file WHERE employer_id IN (")
                .append(String.join(",", employers.stream().map(e -> "?").toList())).append(")");
        List<Object> args = new ArrayList<>(employers);
        if (instances != null) {
            sql.append(" AND process_instance_id IN (")
                    .append(String.join(",", instances.stream().map(e -> "?").toList())).append(")");
            args.addAll(instances);
        }
        if (query.employer() != null) {
            sql.append(" AND employer_id = ?");
            args.add(query.employer());
        }
        if (query.phase() != null) {
            sql.append(" AND phase = ?");
            args.add(query.phase().name());
        }
        if (Boolean.TRUE.equals(query.overdue())) {
            sql.append(" AND next_deadline < ?");
            args.add(today);
        }
        if (query.dueWithinDays() != null) {
            sql.append(" AND next_deadline <= ?");
            args.add(today.plusDays(query.dueWithinDays()));
        }
        // In the order of the list indexes (changeset 4-case-file-list-indexes), so a page is read, not sorted.
        sql.append(" ORDER BY next_deadline ASC NULLS LAST, case_id")
                .append(" LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    private static String openCaseKey(String employerId, String employeeId) {
        return employerId + "/" + employeeId;
    }

    private CaseFile map(ResultSet rs, int row) throws SQLException {
        return new CaseFile(rs.getString("case_id"), rs.getString("process_instance_id"),
                rs.getString("employer_id"), rs.getString("employee_id"),
                rs.getObject("first_sick_day", LocalDate.class), rs.getString("status"),
                CasePhase.valueOf(rs.getString("phase")), rs.getObject("next_deadline", LocalDate.class),
                rs.getString("next_deadline_task"), rs.getString("closed_reason"),
                rs.getObject("opened_at", OffsetDateTime.class), rs.getObject("recovered_on", LocalDate.class),
                (Integer) rs.getObject("partial_recovery_percentage"));
    }
}
