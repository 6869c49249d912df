package nl.spoorwijzer.risks;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import nl.spoorwijzer.audit.CaseAccessRecorder;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.risks.CaseRisks.CaseAtRisk;
import nl.spoorwijzer.risks.CaseRisks.RiskCount;
import nl.spoorwijzer.risks.CaseRisks.RiskFilter;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases at risk of a loonsanctie for the overview. The cases themselves (id, phase, reasons, link) go to whoever
 * reads every case of his employers — the werkgever's case managers, the administrator; the number of cases per risk
 * also to management, which sees no case. The parties of single cases (bedrijfsarts, bureau, employee) get neither.
 */
@RestController
@RequestMapping("/api/overview/risks")
class RiskController {

    private final CaseRisks risks;
    private final CaseAccess access;
    private final CaseAccessRecorder recorder;
    private final IdentityService identityService;

    RiskController(CaseRisks risks, CaseAccess access, CaseAccessRecorder recorder, IdentityService identityService) {
        this.risks = risks;
        this.access = access;
        this.recorder = recorder;
        this.identityService = identityService;
    }

    @GetMapping
    @Operation(summary = "Open cases at risk of a loonsanctie, each with its reasons (processes/loonsanctie-risico.dmn)"
            + " and a link to its case screen: for the werkgever over his own employer's cases")
    List<CaseAtRisk> casesAtRisk(@RequestParam(required = false) String employer,
                                 @RequestParam(required = false) String phase,
                                 @RequestParam(required = false) String code) {
        if (!readsAllCasesOfEmployers()) {
            throw RuleViolationException.notAllowed("caseId", "your role sees no list of cases at risk; management"
                    + " sees the numbers at /api/overview/risks/counts");
        }
        List<CaseAtRisk> shown = risks.casesAtRisk(access.visibleEmployers(), new RiskFilter(employer, phase, code));
        if (!shown.isEmpty()) {
            recorder.record(access.callerId(), identityService.getCurrentAuthentication().getGroupIds(),
                    shown.stream().map(CaseAtRisk::caseId).toList(), "loonsanctierisico's");
        }
        return shown;
    }

    @GetMapping("/counts")
    @Operation(summary = "Per loonsanctie risk the number of open cases that run it, without case ids or names")
    List<RiskCount> countsPerRisk(@RequestParam(required = false) String employer,
                                  @RequestParam(required = false) String phase,
                                  @RequestParam(required = false) String code) {
        if (!readsAllCasesOfEmployers() && !access.callerActsAs(Role.MANAGEMENT)) {
            throw RuleViolationException.notAllowed("caseId", "your role sees no figures over all cases");
        }
        return risks.countsPerRisk(access.visibleEmployers(), new RiskFilter(employer, phase, code));
    }

    /** The engine grants the caller every case of his employers with its contents (not one case as a party). */
    private boolean readsAllCasesOfEmployers() {
        return access.visibleCases() == null && access.listsContents();
    }
}
