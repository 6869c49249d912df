package nl.spoorwijzer.risks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseFile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The overview's figure "cases at risk of a loonsanctie", read from {@code case_risk} (kept by {@link RiskEvaluation})
 * with one query each: the cases with their reasons, for whoever may read the cases of these employers, and the
 * number of cases per risk, for management. The caller decides which employers the asker may see.
 */
@Component
public class CaseRisks {

    private final NamedParameterJdbcTemplate jdbc;

    CaseRisks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Open cases of {@code employers} at risk, oldest risk first, each with every risk that fires and why. */
    public List<CaseAtRisk> casesAtRisk(Collection<String> employers, RiskFilter filter) {
        if (employers.isEmpty()) {
            return List.of();
        }
        Map<String, CaseAtRisk> cases = new LinkedHashMap<>();
        jdbc.query("""
                SELECT r.case_id, r.employer_id, c.phase, c.employee_id, r.code, r.label, r.reason, r.since
                FROM case_risk r JOIN case_file c ON c.case_id = r.case_id
                WHERE c.status = :open AND r.employer_id IN (:employers)""" + filter.where()
                + " ORDER BY r.since, r.case_id, r.code", filter.parameters(employers), rs -> {
            CaseAtRisk atRisk = cases.computeIfAbsent(rs.getString("case_id"), id -> {
                try {
                    return new CaseAtRisk(id, rs.getString("employer_id"), rs.getString("phase"), "/zaken/" + id,
                            new ArrayList<>(), rs.getString("employee_id"), null);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            atRisk.risks().add(new Risk(rs.getString("code"), rs.getString("label"), rs.getString("reason"),
                    rs.getObject("since", LocalDate.class)));
        });
        return List.copyOf(cases.values());
    }

    /** Per risk (code), how many open cases of {@code employers} run it: no case ids, names or reasons. */
    public List<RiskCount> countsPerRisk(Collection<String> employers, RiskFilter filter) {
        if (employers.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT r.code, MIN(r.label) AS label, COUNT(*) AS cases
                FROM case_risk r JOIN case_file c ON c.case_id = r.case_id
                WHERE c.status = :open AND r.employer_id IN (:employers)""" + filter.where()
                + " GROUP BY r.code ORDER BY r.code", filter.parameters(employers),
                (rs, row) -> new RiskCount(rs.getString("code"), rs.getString("label"), rs.getLong("cases")));
    }

    /** Optional narrowing: one employer, one phase ({@code casefile/CasePhase}), one risk code. */
    public record RiskFilter(String employer, String phase, String code) {

        public static final RiskFilter NONE = new RiskFilter(null, null, null);

        String where() {
            return (employer == null ? "" : " AND r.employer_id = :employer")
                    + (phase == null ? "" : " AND c.phase = :phase")
                    + (code == null ? "" : " AND r.code = :code");
        }

        MapSqlParameterSource parameters(Collection<String> employers) {
            return new MapSqlParameterSource("open", CaseFile.OPEN).addValue("employers", employers)
                    .addValue("employer", employer).addValue("phase", phase).addValue("code", code);
        }
    }

    /**
     * A case at risk, with the link to its case screen.
     *
     * @param employeeId   the case's employee, for looking his name up; not shown
     * @param employeeName his name, once looked up ({@link #named}); null before
     */
    public record CaseAtRisk(String caseId, String employerId, String phase, String link, List<Risk> risks,
                             @JsonIgnore String employeeId, String employeeName) {

        public CaseAtRisk named(String employeeName) {
            return new CaseAtRisk(caseId, employerId, phase, link, risks, employeeId, employeeName);
        }
    }

    /** One risk of a case: the table's code, its Dutch name, the reason for this case, the day first found. */
    public record Risk(String code, String label, String reason, LocalDate since) {
    }

    /** How many open cases run one risk. */
    public record RiskCount(String code, String label, long cases) {
    }
}
