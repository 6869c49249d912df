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
 * Who may read the overview and over which employers: the werkgever his own employers' cases, management the
 * employers it belongs to (aggregates only), the administrator every employer; everyone else gets 403. The
 * {@code employer} and {@code phase} filters are checked here for every overview figure.
 */
@Component
public class OverviewAccess {

    private final CaseAccess access;

    public OverviewAccess(CaseAccess access) {
        this.access = access;
    }

    /** The employers whose figures the caller may read; 403 for a caller who reads no overview. */
    public List<String> employers() {
        if (!access.callerIsAdmin() && !access.callerActsAs(Role.WERKGEVER) && !access.callerActsAs(Role.MANAGEMENT)) {
            throw RuleViolationException.notAllowed("caller", "the overview is for the werkgever and management");
        }
        return access.visibleEmployers();
    }

    /** The scope of a figure with the caller's filters: 403 naming {@code employer}, 400 naming {@code phase}. */
    public OverviewScope scope(String employer, String phase) {
        List<String> own = employers();
        return new OverviewScope(onlyOwn(own, employer), phase(phase));
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
