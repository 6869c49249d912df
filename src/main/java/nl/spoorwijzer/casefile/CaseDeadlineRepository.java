package nl.spoorwijzer.casefile;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.spoorwijzer.casefile.MilestoneStates.MilestoneState;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code case_deadline}: each case's legal milestones with a step, rewritten as a whole per case. */
@Repository
public class CaseDeadlineRepository {

    /** A pending milestone: its key and legal date. */
    public record Pending(MilestoneKey key, LocalDate date) {
    }

    private final JdbcTemplate jdbc;

    public CaseDeadlineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the case's rows by these milestones (those without a step are dates to know, not deadlines). */
    public void replace(String caseId, String employerId, boolean caseOpen, List<MilestoneState> milestones) {
        jdbc.update("DELETE FROM case_deadline WHERE case_id = ?", caseId);
        List<Object[]> rows = milestones.stream().filter(milestone -> milestone.role() != null)
                .map(milestone -> new Object[] {caseId, milestone.key().key(), employerId, milestone.party().key(),
                        milestone.role().groupId(), Date.valueOf(milestone.date()),
                        milestone.doneOn() == null ? null : Date.valueOf(milestone.doneOn()), milestone.daysLate(),
                        milestone.state().name(), caseOpen})
                .toList();
        jdbc.batchUpdate("""
                INSERT INTO case_deadline (case_id, milestone, employer_id, party, role, due_date, done_on, days_late,
                    state, case_open)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The case's earliest milestone still to come (a missed one is not "next": its open task, if any, is). */
    public Optional<Pending> nextPending(String caseId) {
        return jdbc.query("""
                        SELECT milestone, due_date FROM case_deadline WHERE case_id = ? AND state = 'KOMEND'
                        AND done_on IS NULL ORDER BY due_date FETCH FIRST 1 ROWS ONLY""",
                (rs, row) -> new Pending(MilestoneKey.fromKey(rs.getString("milestone")),
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
}
