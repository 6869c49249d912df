package nl.spoorwijzer.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.DeadlineParty;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal deadlines of the overview (issue 27): counts for the werkgever over his own employer's cases and for
 * management over all (aggregates only: no case ids, no names); the list of deadlines for the werkgever only.
 */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

    private final DeadlineFigures figures;
    private final CaseAccess access;
    private final LegalTime time;

    DeadlineController(DeadlineFigures figures, CaseAccess access, LegalTime time) {
        this.figures = figures;
        this.access = access;
        this.time = time;
    }

    @GetMapping("/summary")
    @Operation(summary = "Legal steps of open cases due this week (today to Sunday) and overdue, per role and party")
    List<DeadlineFigures.DeadlineCount> summary(@RequestParam(required = false) String employer,
                                               @RequestParam(required = false) String party,
                                               @RequestParam(required = false) String role) {
        return figures.dueThisWeekAndOverdue(filter(employer, party, role, true), time.today());
    }

    @GetMapping
    @Operation(summary = "The werkgever's legal steps due this week or overdue, soonest first (at most 1000)")
    List<DeadlineFigures.DueDeadline> list(@RequestParam(required = false) String employer,
                                          @RequestParam(required = false) String party,
                                          @RequestParam(required = false) String role) {
        return figures.dueThisWeekOrOverdue(filter(employer, party, role, false), time.today());
    }

    @GetMapping("/timeliness")
    @Operation(summary = "Per legal step, employer and party over the last 12 months: share on time, median days late")
    List<DeadlineFigures.StepTimeliness> timeliness(@RequestParam(required = false) String employer,
                                                   @RequestParam(required = false) String party,
                                                   @RequestParam(required = false) String role) {
        return figures.timeliness(filter(employer, party, role, true), time.today());
    }

    /**
     * Whose cases the caller may count: the werkgever and management their own employers', the administrator every
     * employer's; only the werkgever (and the administrator) may list the cases themselves.
     */
    private DeadlineFilter filter(String employer, String party, String role, boolean aggregate) {
        DeadlineParty onlyParty = null;
        if (party != null) {
            try {
                onlyParty = DeadlineParty.fromKey(party);
            } catch (IllegalArgumentException e) {
                throw RuleViolationException.invalid("party", "one of werkgever, arbodienst, bureau, werknemer");
            }
        }
        if (role != null && Role.ofGroup(role).isEmpty()) {
            throw RuleViolationException.invalid("role", "a role such as werkgever, bedrijfsarts or re-integratiebureau");
        }
        List<String> employers;
        if (access.callerIsAdmin()) {
            employers = employer == null ? null : List.of(employer);
        } else if (access.callerActsAs(Role.WERKGEVER) || (aggregate && access.callerActsAs(Role.MANAGEMENT))) {
            // management counts over the employers it belongs to, as Cockpit and the case list show it; no others
            List<String> own = access.visibleEmployers();
            if (employer != null && !own.contains(employer)) {
                throw RuleViolationException.notAllowed("employer", "only the employers you work for");
            }
            employers = employer == null ? own : List.of(employer);
        } else {
            throw RuleViolationException.notAllowed("caller", aggregate
                    ? "deadline figures are for the werkgever and management"
                    : "the list of deadlines is for the werkgever");
        }
        return new DeadlineFilter(employers, onlyParty, role);
    }
}
