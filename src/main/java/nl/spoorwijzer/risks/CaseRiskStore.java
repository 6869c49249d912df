package nl.spoorwijzer.risks;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.risks.LoonsanctieRiskTable.RiskFinding;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code case_risk}: for a batch of cases, the rows that no longer fire go, new ones come with today as their
 * first day, and a risk that still fires keeps the day it was first found (its reason is brought up to date).
 */
@Repository
class CaseRiskStore {

    private final NamedParameterJdbcTemplate jdbc;

    CaseRiskStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the cases' rows of the read model for the short transaction that writes their risks, so the sweep and
     * a re-judgement after a change of the same case write one after another (never while evaluating).
     */
    void lockCases(Collection<String> caseIds) {
        jdbc.queryForList("SELECT case_id FROM case_file WHERE case_id IN (:ids) FOR UPDATE",
                new MapSqlParameterSource("ids", caseIds), String.class);
    }

    /**
     * What the facts of each case were read from: its status, phase and the number and last id of its dossier
     * entries. Read before the facts; when it differs at writing time, the case changed meanwhile and the
     * re-judgement that change queued after its commit has (or will have) the newer facts. The count catches an entry
     * committed late with a lower id.
     */
    Map<String, String> stamps(Collection<String> caseIds) {
        Map<String, String> stamps = new HashMap<>();
        if (caseIds.isEmpty()) {
            return stamps;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", caseIds);
        jdbc.query("SELECT case_id, status, phase FROM case_file WHERE case_id IN (:ids)", ids, rs -> {
            stamps.put(rs.getString("case_id"), rs.getString("status") + "|" + rs.getString("phase"));
        });
        jdbc.query("""
                SELECT case_id, COUNT(*) AS entries, MAX(id) AS last_id FROM dossier_entry
                WHERE case_id IN (:ids) GROUP BY case_id""", ids, rs -> {
            String entries = "|" + rs.getLong("entries") + "|" + rs.getLong("last_id");
            stamps.computeIfPresent(rs.getString("case_id"), (id, stamp) -> stamp + entries);
        });
        return stamps;
    }

    /** Replaces the risks of these cases (all of them: a case without findings loses its rows). */
    void replace(Map<String, CaseFindings> findings, LocalDate today) {
        if (findings.isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> stored = new HashMap<>();
        jdbc.query("SELECT case_id, code, reason FROM case_risk WHERE case_id IN (:ids)",
                new MapSqlParameterSource("ids", findings.keySet()), rs -> {
                    stored.computeIfAbsent(rs.getString("case_id"), id -> new HashMap<>())
                            .put(rs.getString("code"), rs.getString("reason"));
                });
        List<SqlParameterSource> gone = new ArrayList<>();
        List<SqlParameterSource> added = new ArrayList<>();
        List<SqlParameterSource> changed = new ArrayList<>();
        findings.forEach((caseId, found) -> {
            Map<String, String> before = stored.getOrDefault(caseId, Map.of());
            Map<String, RiskFinding> now = new HashMap<>();
            found.findings().forEach(finding -> now.putIfAbsent(finding.code(), finding));
            before.keySet().stream().filter(code -> !now.containsKey(code)).forEach(code ->
                    gone.add(new MapSqlParameterSource("caseId", caseId).addValue("code", code)));
            now.values().forEach(finding -> {
                MapSqlParameterSource row = new MapSqlParameterSource("caseId", caseId)
                        .addValue("code", finding.code()).addValue("employer", found.employerId())
                        .addValue("label", cut(finding.label(), 200)).addValue("reason", cut(finding.reason(), 1000))
                        .addValue("since", Date.valueOf(today));
                if (!before.containsKey(finding.code())) {
                    added.add(row);
                } else if (!cut(finding.reason(), 1000).equals(before.get(finding.code()))) {
                    changed.add(row);
                }
            });
        });
        if (!gone.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM case_risk WHERE case_id = :caseId AND code = :code",
                    gone.toArray(SqlParameterSource[]::new));
        }
        if (!changed.isEmpty()) {
            jdbc.batchUpdate("UPDATE case_risk SET reason = :reason, label = :label WHERE case_id = :caseId"
                    + " AND code = :code", changed.toArray(SqlParameterSource[]::new));
        }
        if (!added.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO case_risk (case_id, code, employer_id, label, reason, since)
                    VALUES (:caseId, :code, :employer, :label, :reason, :since)""",
                    added.toArray(SqlParameterSource[]::new));
        }
    }

    /** Removes the risks of one case that is no longer open. */
    void removeCase(String caseId) {
        jdbc.update("DELETE FROM case_risk WHERE case_id = :id", new MapSqlParameterSource("id", caseId));
    }

    /** Removes the risks of every case that is no longer open (recovered, closed, deleted); returns how many rows. */
    int removeClosedCases() {
        return jdbc.update("DELETE FROM case_risk WHERE case_id NOT IN (SELECT case_id FROM case_file"
                + " WHERE status = :open)", new MapSqlParameterSource("open", CaseFile.OPEN));
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** What the table found for one case. */
    record CaseFindings(String employerId, List<RiskFinding> findings) {
    }
}
