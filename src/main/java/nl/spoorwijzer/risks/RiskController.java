package nl.spoorwijzer.risks;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.spoorwijzer.audit.CaseAccessRecorder;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.identity.PartyNames;
import nl.spoorwijzer.overview.OverviewAccess;
import nl.spoorwijzer.overview.OverviewCsv;
import nl.spoorwijzer.overview.SmallCounts.Suppression;
import nl.spoorwijzer.overview.SmallCounts;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.risks.CaseRisks.CaseAtRisk;
import nl.spoorwijzer.risks.CaseRisks.RiskCount;
import nl.spoorwijzer.risks.CaseRisks.RiskFilter;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases at risk of a loonsanctie for the overview. The cases themselves (id, phase, reasons, link) go to whoever
 * reads every case of his employers — the werkgever's case managers, the administrator; the number of cases per risk
 * also to management, which sees no case (small counts suppressed, overview/SmallCounts). The parties of single cases
 * (bedrijfsarts, bureau, employee) get neither. Both also as CSV ({@code ?format=csv}), one row per risk of a case.
 */
@RestController
@RequestMapping("/api/overview/risks")
class RiskController {

    /**
     * What a risk code looks like. Checked by its form rather than against the codes of the deployed table: a process
     * owner may change the table, and cases keep the codes of the version that judged them until they are re-judged.
     */
    private static final Pattern RISK_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private final CaseRisks risks;
    private final CaseAccess access;
    private final CaseAccessRecorder recorder;
    private final IdentityService identityService;
    private final SmallCounts smallCounts;
    private final LegalTime time;
    private final NightlyRiskSweep sweep;
    private final LoonsanctieRiskTable table;
    private final PartyNames names;
    private final OverviewAccess overviewAccess;

    RiskController(CaseRisks risks, CaseAccess access, CaseAccessRecorder recorder, IdentityService identityService,
                   SmallCounts smallCounts, LegalTime time, NightlyRiskSweep sweep, LoonsanctieRiskTable table,
                   PartyNames names, OverviewAccess overviewAccess) {
        this.overviewAccess = overviewAccess;
        this.sweep = sweep;
        this.table = table;
        this.names = names;
        this.risks = risks;
        this.access = access;
        this.recorder = recorder;
        this.identityService = identityService;
        this.smallCounts = smallCounts;
        this.time = time;
    }

    @GetMapping
    @Operation(summary = "Open cases at risk of a loonsanctie, each with its reasons (processes/loonsanctie-risico.dmn)"
            + " and a link to its case screen, with the employee's name: for the werkgever over his own employer's cases")
    List<CaseAtRisk> casesAtRisk(@RequestParam(required = false) String employer,
                                 @RequestParam(required = false) String phase,
                                 @RequestParam(required = false) String code,
                                 @Parameter(description = OverviewCsv.FORMAT_DOC)
                                 @RequestParam(required = false) String format) {
        OverviewAccess.requireJsonFormat(format);
        List<String> employers = overviewAccess.caseLists(employer, "your role sees no list of cases at risk;"
                + " management sees the numbers at /api/overview/risks/counts").ids();
        List<CaseAtRisk> shown = risks.casesAtRisk(employers, filter(employer, phase, code));
        if (shown.isEmpty()) {
            return shown;
        }
        recorder.record(access.callerId(), identityService.getCurrentAuthentication().getGroupIds(),
                shown.stream().map(CaseAtRisk::caseId).toList(), "loonsanctierisico's");
        Map<String, String> employees = names.employees(shown.stream().map(CaseAtRisk::employeeId).toList());
        return shown.stream().map(atRisk -> atRisk.named(employees.get(atRisk.employeeId()))).toList();
    }

    @Hidden // documented by the JSON operation's format parameter
    @GetMapping(params = OverviewCsv.FORMAT)
    ResponseEntity<byte[]> casesAtRiskCsv(@RequestParam(required = false) String employer,
                                          @RequestParam(required = false) String phase,
                                          @RequestParam(required = false) String code) {
        List<Map.Entry<CaseAtRisk, CaseRisks.Risk>> rows = casesAtRisk(employer, phase, code, null).stream()
                .flatMap(atRisk -> atRisk.risks().stream().map(risk -> Map.entry(atRisk, risk))).toList();
        return OverviewCsv.of(rows, SmallCounts.of(1))
                .column("Zaak", row -> row.getKey().caseId()).column("Werknemer", row -> row.getKey().employeeName())
                .column("Werkgever", row -> row.getKey().employerId())
                .column("Fase", row -> row.getKey().phase()).column("Risico", row -> row.getValue().label())
                .column("Reden", row -> row.getValue().reason()).column("Sinds", row -> row.getValue().since())
                .download("loonsanctierisicos", time.today());
    }

    @GetMapping("/counts")
    @Operation(summary = "Per loonsanctie risk the number of open cases that run it, without case ids or names")
    List<ShownRiskCount> countsPerRisk(@RequestParam(required = false) String employer,
                                       @RequestParam(required = false) String phase,
                                       @RequestParam(required = false) String code,
                                       @Parameter(description = OverviewCsv.FORMAT_DOC)
                                       @RequestParam(required = false) String format) {
        OverviewAccess.requireJsonFormat(format);
        List<String> employers = figures(employer).ids();
        Suppression suppression = smallCounts.forCaller();
        return risks.countsPerRisk(employers, filter(employer, phase, code)).stream()
                .map(count -> new ShownRiskCount(count.code(), count.label(), suppression.shown(count.cases()),
                        suppression.hides(count.cases()), suppression.rounds()))
                .toList();
    }

    @Hidden // documented by the JSON operation's format parameter
    @GetMapping(value = "/counts", params = OverviewCsv.FORMAT)
    ResponseEntity<byte[]> countsPerRiskCsv(@RequestParam(required = false) String employer,
                                            @RequestParam(required = false) String phase,
                                            @RequestParam(required = false) String code) {
        return OverviewCsv.of(countsPerRisk(employer, phase, code, null), smallCounts.forCaller())
                .column("Risico", ShownRiskCount::label).column("Code", ShownRiskCount::code)
                .count("Zaken", ShownRiskCount::cases, ShownRiskCount::suppressed)
                .download("loonsanctierisicos-aantallen", time.today());
    }

    @GetMapping("/status")
    @Operation(summary = "When the risks were last judged for every open case (the nightly sweep), the version of"
            + " the risk table that judges, and a newer version refused because it holds more than FEEL (or null)")
    RiskStatus status(@Parameter(description = "an employer the caller may see (the page's filter); the status is"
            + " the same for all") @RequestParam(required = false) String employer) {
        figures(employer);
        LoonsanctieRiskTable.TableStatus version = table.status();
        return new RiskStatus(sweep.lastJudged().orElse(null), version.version(), version.refusedVersion());
    }

    /** The risk judgement's state: judgedAt null when no sweep finished yet. */
    record RiskStatus(OffsetDateTime judgedAt, Integer tableVersion, Integer refusedVersion) {
    }

    private OverviewAccess.Employers figures(String employer) {
        return overviewAccess.figures(employer, "your role sees no figures over all cases");
    }

    /**
     * The caller's filters, checked after the gate (overview/OverviewAccess, which checks the employer): a phase of
     * casefile/CasePhase (400) and a risk code as the decision table writes them (400).
     */
    private RiskFilter filter(String employer, String phase, String code) {
        OverviewAccess.phase(phase);
        if (code != null && !RISK_CODE.matcher(code).matches()) {
            throw RuleViolationException.invalid("code", "a risk code of the loonsanctie table such as"
                    + " wettelijkeStapGemist: a letter, then up to 63 letters, digits, '-', '_' or '.'");
        }
        return new RiskFilter(employer, phase, code);
    }

    /**
     * {@link RiskCount} as the caller may see it: the number null where suppressed, rounded to a multiple of the
     * group size for management (overview/SmallCounts).
     */
    record ShownRiskCount(String code, String label, Long cases, boolean suppressed, boolean rounded) {
    }
}
