package nl.spoorwijzer.deadlines;

import java.util.ArrayList;
import java.util.List;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.casefile.DeadlineParty;

/**
 * Which deadlines a figure counts.
 *
 * @param employers the employers whose cases count; null for every employer (management, the administrator)
 * @param party     only this party's steps, or null
 * @param role      only steps of this role (a group id such as {@code bedrijfsarts}), or null
 * @param phase     only steps of cases in this phase (casefile/CasePhase; a closed case's last phase), or null
 */
public record DeadlineFilter(List<String> employers, DeadlineParty party, String role, CasePhase phase) {

    public DeadlineFilter {
        employers = employers == null ? null : List.copyOf(employers);
    }

    public DeadlineFilter(List<String> employers, DeadlineParty party, String role) {
        this(employers, party, role, null);
    }

    /** The filter as SQL conditions ({@code AND ...}) over {@code case_deadline}, its values added to {@code args}. */
    String sql(List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (employers != null) {
            sql.append(" AND employer_id IN (").append(employers.isEmpty() ? "NULL"
                    : String.join(", ", employers.stream().map(employer -> "?").toList())).append(')');
            args.addAll(employers);
        }
        if (party != null) {
            sql.append(" AND party = ?");
            args.add(party.key());
        }
        if (role != null) {
            sql.append(" AND role = ?");
            args.add(role);
        }
        if (phase != null) {
            // the phase is kept in case_file only (a case changes phase without its deadlines being rewritten): by
            // its key, whatever alias a query gives case_deadline; the phase's cases come from ix_case_file_phase
            sql.append(" AND case_id IN (SELECT case_id FROM case_file WHERE phase = ?)");
            args.add(phase.name());
        }
        return sql.toString();
    }

    static List<Object> args(Object... first) {
        return new ArrayList<>(List.of(first));
    }
}
