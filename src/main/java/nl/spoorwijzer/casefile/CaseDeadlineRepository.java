package nl.spoorwijzer.casefile;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.spoorwijzer.identity.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code case_deadline}: each case's legal milestones with a step and the bureau's reports (one row per
 * report and due date), rewritten as a whole per case.
 */
@Repository
public class CaseDeadlineRepository {

    /** A pending step: which and its date. */
    public record Pending(DeadlineStep step, LocalDate date) {
    }

    /**
     * One row: a step ({@link DeadlineStep#key()}) due on a date, who must take it and where it stands.
     *
     * @param daysLate how many days after its due date it was done, when done late; else null
     */
    public record Row(String step, LocalDate date, DeadlineState state, LocalDate doneOn, Integer daysLate,
                      Role role) {

        /** The party of {@link #role()}. */
        public DeadlineParty party() {
            return DeadlineParty.of(role);
        }
    }

    private final JdbcTemplate jdbc;

    public CaseDeadlineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the case's rows by these. */
    public void replace(String caseId, String employerId, boolean caseOpen, List<Row> steps) {
        jdbc.update("DELETE FROM case_deadline WHERE case_id = ?", caseId);
        List<Object[]> rows = steps.stream()
                .map(step -> new Object[] {caseId, step.step(), employerId, step.party().key(),
                        step.role().groupId(), Date.valueOf(step.date()),
                        step.doneOn() == null ? null : Date.valueOf(step.doneOn()), step.daysLate(),
                        step.state().name(), caseOpen})
                .toList();
        jdbc.batchUpdate("""
                INSERT INTO case_deadline (case_id, milestone, employer_id, party, role, due_date, done_on, days_late,
                    state, case_open)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The case's earliest step still to come (a missed one is not "next": its open task, if any, is). */
    public Optional<Pending> nextPending(String caseId) {
        return jdbc.query("""
                        SELECT milestone, due_date FROM case_deadline WHERE case_id = ? AND state = 'KOMEND'
                        AND done_on IS NULL ORDER BY due_date FETCH FIRST 1 ROWS ONLY""",
                (rs, row) -> new Pending(DeadlineStep.fromKey(rs.getString("milestone")),
                        rs.getObject("due_date", LocalDate.class)), caseId).stream().findFirst();
    }

    /**
     * Up to {@code limit} cases with a computed timeline but no rows yet (cases from before this table), in order of
     * their id and after {@code after} (null: from the first).
     */
    public List<String> casesWithoutDeadlines(String after, int limit) {
        return jdbc.queryForList("""
                SELECT DISTINCT e.case_id FROM dossier_entry e
                WHERE e.entry_type IN ('TIMELINE_COMPUTED', 'TIMELINE_UPDATED') AND e.case_id IS NOT NULL
                AND e.case_id > ?
                AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_id = e.case_id)
                ORDER BY e.case_id FETCH FIRST %d ROWS ONLY""".formatted(limit), String.class,
                after == null ? "" : after);
    }

    /**
     * Up to {@code limit} cases that may have reports of a re-integratiebureau but no row for one (cases from before
     * the bureau's reports were in this table): open cases in spoor 2 and cases whose dossier holds a report, in
     * order of their id and after {@code after} (null: from the first).
     */
    public List<String> casesWithoutBureauReports(String after, int limit) {
        String tasks = String.join(", ", java.util.Arrays.stream(BureauReport.values())
                .map(report -> "'" + report.task() + "'").toList());
        String keys = String.join(", ", java.util.Arrays.stream(BureauReport.values())
                .map(report -> "'" + report.key() + "'").toList());
        return jdbc.queryForList("""
                SELECT case_id FROM (
                    SELECT case_id FROM case_file WHERE status = ? AND phase = ?
                    UNION
                    SELECT case_id FROM dossier_entry WHERE entry_type IN ('TASK_COMPLETED', 'DEADLINE_MISSED')
                    AND element_id IN (%s) AND case_id IS NOT NULL
                ) bureau WHERE case_id > ?
                AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_id = bureau.case_id AND d.milestone IN (%s))
                ORDER BY case_id FETCH FIRST %d ROWS ONLY""".formatted(tasks, keys, limit), String.class,
                CaseFile.OPEN, CasePhase.SPOOR_2.name(), after == null ? "" : after);
    }
}
