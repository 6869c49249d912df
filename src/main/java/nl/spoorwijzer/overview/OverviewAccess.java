package nl.spoorwijzer.overview;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * The one gate for the overview's figures and lists (issue 27), used by the overview, deadlines and risks alike:
 * <ul>
 *   <li>figures that count cases ({@link #figures}): the werkgever over his own employers' cases, management over
 *       the employers it belongs to (aggregates only, {@link SmallCounts}), the administrator over every employer;</li>
 *   <li>lists of cases with names ({@link #caseLists}): the werkgever whom the engine grants every case of his
 *       employers with its contents, and the administrator; never management.</li>
 * </ul>
 * Everyone else gets 403 naming {@code caller}, with the refusal the endpoint words (system/DutchProblems has it in
 * Dutch). Then the {@code employer} filter: 400 when given but empty, 403 when not among the caller's employers.
 */
@Component
public class OverviewAccess {

    /** The refusal of the overview's own figures. */
    public static final String OVERVIEW = "the overview is for the werkgever and management";

    private final CaseAccess access;

    public OverviewAccess(CaseAccess access) {
        this.access = access;
    }

    /** The employers whose figures the caller may read; 403 for a caller who reads no overview. */
    public List<String> employers() {
        return figures(null, OVERVIEW).ids();
    }

    /** The scope of a figure with the caller's filters: 403 naming {@code employer}, 400 naming {@code phase}. */
    public OverviewScope scope(String employer, String phase) {
        return new OverviewScope(figures(employer, OVERVIEW).ids(), phase(phase));
    }

    /**
     * The gate for figures that count cases without naming them: the employers they may cover for the caller.
     *
     * @param employer the caller's employer filter, or null for all his employers
     * @param refusal  the rule a caller who reads no figures is told (403 naming {@code caller})
     */
    public Employers figures(String employer, String refusal) {
        if (!access.callerIsAdmin() && !access.callerActsAs(Role.WERKGEVER) && !access.callerActsAs(Role.MANAGEMENT)) {
            throw RuleViolationException.notAllowed("caller", refusal);
        }
        return chosen(employer);
    }

    /**
     * The gate for lists of cases with the employee's name: the employers they may cover for the caller. Both the
     * werkgever's group and the engine's grant on every case of his employers (with their contents) are required, so
     * management (running cases only) and the parties of single cases never get a list.
     *
     * @param employer the caller's employer filter, or null for all his employers
     * @param refusal  the rule a caller who gets no list is told (403 naming {@code caller})
     */
    public Employers caseLists(String employer, String refusal) {
        if (!access.callerIsAdmin() && !(access.callerActsAs(Role.WERKGEVER) && readsEveryCaseOfItsEmployers())) {
            throw RuleViolationException.notAllowed("caller", refusal);
        }
        return chosen(employer);
    }

    /** Management: counts only, small ones suppressed; the werkgever and the administrator see exact counts. */
    public boolean callerSeesAggregatesOnly() {
        return !access.callerIsAdmin() && !access.callerActsAs(Role.WERKGEVER);
    }

    private boolean readsEveryCaseOfItsEmployers() {
        return access.visibleCases() == null && access.listsContents();
    }

    private Employers chosen(String employer) {
        return new Employers(onlyOwn(access.visibleEmployers(), employer), employer == null && access.callerIsAdmin());
    }

    /**
     * The employers a figure or list covers.
     *
     * @param ids   the chosen employer, or every employer the caller may see
     * @param every the administrator without a filter: every employer of the platform, so a query may leave the
     *              employer out (and read a snapshot over all of them)
     */
    public record Employers(List<String> ids, boolean every) {

        public Employers {
            ids = List.copyOf(ids);
        }

        /** The ids, or null for every employer (the convention of deadlines/DeadlineFilter). */
        public List<String> idsOrNullForEvery() {
            return every ? null : ids;
        }
    }

    /** The employer chosen among the caller's own (403 for any other), or all of them when none is chosen. */
    public static List<String> onlyOwn(List<String> own, String employer) {
        if (employer == null) {
            return own;
        }
        requireEmployerId(employer);
        if (!own.contains(employer)) {
            throw RuleViolationException.notAllowed("employer", "only an employer whose cases you may see");
        }
        return List.of(employer);
    }

    /**
     * Refuses an {@code employer} parameter that is given but empty or blank ({@code ?employer=}): 400 naming it, not
     * the 403 of an employer the caller may not see. Leaving the parameter out means all of the caller's employers.
     */
    public static void requireEmployerId(String employer) {
        if (employer != null && employer.isBlank()) {
            throw RuleViolationException.invalid("employer", "an employer id; leave it out for all your employers");
        }
    }

    /** The phase a {@code phase} parameter names (a casefile/CasePhase key), null for none; 400 for anything else. */
    public static CasePhase phase(String phase) {
        if (phase == null) {
            return null;
        }
        return Arrays.stream(CasePhase.values()).filter(value -> value.name().equals(phase)).findFirst()
                .orElseThrow(() -> RuleViolationException.invalid("phase", "one of " + Arrays.stream(CasePhase.values())
                        .map(Enum::name).collect(Collectors.joining(", "))));
    }

    /** Refuses a {@code format} other than json or csv (csv has its own mapping). */
    public static void requireJsonFormat(String format) {
        if (format != null && !format.equals("json")) {
            throw RuleViolationException.invalid("format", "json (the default) or csv");
        }
    }
}
