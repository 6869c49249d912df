package nl.spoorwijzer.casefile;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.spoorwijzer.audit.CaseAccessRecorder;
import nl.spoorwijzer.identity.EmployerRights;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Who may see which cases through {@code /api/cases}: the engine decides, by the same authorizations and tenants as
 * Tasklist and {@code /engine-rest} — a case is visible with its contents when the caller may read its process
 * instance's history (the employer's case managers for all cases of their employer, each other party for the cases
 * it is a party of, see {@code process/CaseParties}), and visible by its status only when the caller may read the
 * running instance alone (management). Also answers directory questions (does this employer exist?) that must not
 * depend on what the caller may see.
 */
@Component
public class CaseAccess {

    /** More cases than an employee can have had (one open at a time, each relapse continues it). */
    private static final int FEW = 200;

    private final IdentityService identityService;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final AuthorizationService authorizationService;
    private final CaseFileRepository cases;
    private final CaseAccessRecorder recorder;

    public CaseAccess(IdentityService identityService, HistoryService historyService, RuntimeService runtimeService,
                      AuthorizationService authorizationService, CaseFileRepository cases,
                      CaseAccessRecorder recorder) {
        this.identityService = identityService;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.authorizationService = authorizationService;
        this.cases = cases;
        this.recorder = recorder;
    }

    /**
     * The case, when the caller may see it: the one check every read and change of a case through the platform's API
     * passes. A case the caller may not see is answered as not found, so its existence is not revealed. The access
     * is recorded in the case's access log.
     */
    public CaseFile requireVisible(String caseId) {
        return requireVisible(caseId, null);
    }

    /** As {@link #requireVisible(String)}, with what is read when the request path does not say it all. */
    public CaseFile requireVisible(String caseId, String what) {
        CaseFile file = cases.find(caseId).filter(this::maySee).orElseThrow(() ->
                RuleViolationException.notFound("caseId", "no case '" + caseId + "' that you may see"));
        recorder.record(callerId(), caller().getGroupIds(), List.of(caseId), what);
        return file;
    }

    /**
     * The case, when the caller may see it and read its contents (dossier, re-integratieverslag): management sees
     * case status only.
     */
    public CaseFile requireContents(String caseId) {
        return requireContents(caseId, null);
    }

    /** As {@link #requireContents(String)}, with what is read when the request path does not say it all. */
    public CaseFile requireContents(String caseId, String what) {
        CaseFile file = requireVisible(caseId, what);
        if (!mayReadContents(file)) {
            throw RuleViolationException.notAllowed("caseId", "your role sees the status of case '" + caseId
                    + "', not its contents");
        }
        return file;
    }

    /**
     * May the caller read the case's contents (dossier, re-integratieverslag, who it is about)? The engine answers:
     * its parties and the employer's case managers may read the case's history; management, which sees the running
     * cases only, may not.
     */
    public boolean mayReadContents(CaseFile file) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(file.processInstanceId())
                .count() > 0;
    }

    /**
     * Which cases the caller may see, asked of the engine for the cases a list shows (one query by instance ids);
     * null when the caller may read every case of its employers (a grant on the whole case model), so the list is
     * limited by employer only. A party of many cases is never asked for all of them (issue 23, BENCHMARKS §2).
     */
    public VisibleCases visibleCases() {
        Authentication caller = caller();
        if (callerIsAdmin() || authorizationService.isUserAuthorized(caller.getUserId(), caller.getGroupIds(),
                Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, ProcessKeys.POORTWACHTER)) {
            return null;
        }
        if (authorizationService.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), Permissions.READ_INSTANCE,
                Resources.PROCESS_DEFINITION, ProcessKeys.POORTWACHTER)) {
            // Management: the running cases, which it may see without their history.
            return instances -> runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(ProcessKeys.POORTWACHTER).processInstanceIds(new HashSet<>(instances)).list()
                    .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        }
        if (onlyEmployee(caller)) {
            // An employee is a party of his own cases only: the engine names them (his own grants, a handful), so
            // the list does not read through all his employer's cases to find them.
            return VisibleCases.named(historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(ProcessKeys.POORTWACHTER).listPage(0, FEW).stream()
                    .map(HistoricProcessInstance::getId).collect(Collectors.toSet()));
        }
        // Any other party (an organisation, maybe of most of its employers' cases) is asked per batch the list reads.
        return instances -> historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.POORTWACHTER).processInstanceIds(new HashSet<>(instances)).list()
                .stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    }

    private static boolean onlyEmployee(Authentication caller) {
        List<String> groups = caller.getGroupIds();
        return groups != null && !groups.isEmpty() && groups.stream().allMatch(Role.WERKNEMER.groupId()::equals);
    }

    /**
     * Does the caller read the contents of the cases a list shows (dossier, employee)? Not when it sees them by
     * management's grant on the running cases only.
     */
    public boolean listsContents() {
        Authentication caller = caller();
        return callerIsAdmin() || authorizationService.isUserAuthorized(caller.getUserId(), caller.getGroupIds(),
                Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, ProcessKeys.POORTWACHTER)
                || !authorizationService.isUserAuthorized(caller.getUserId(), caller.getGroupIds(),
                Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, ProcessKeys.POORTWACHTER);
    }

    /** Records that the caller was shown these cases in a list (their employee and dates are personal data). */
    public void recordListed(List<CaseFile> shown) {
        recorder.record(callerId(), caller().getGroupIds(), shown.stream().map(CaseFile::caseId).toList(), "lijst");
    }

    public String callerId() {
        return caller().getUserId();
    }

    public boolean callerIsAdmin() {
        return EmployerRights.isAdmin(caller());
    }

    /** The employers whose cases the caller may see. */
    public List<String> visibleEmployers() {
        if (callerIsAdmin()) {
            return asDirectory(() -> identityService.createTenantQuery().list().stream().map(Tenant::getId).toList());
        }
        List<String> tenants = caller().getTenantIds();
        return tenants == null ? List.of() : tenants;
    }

    /**
     * Asks the engine: may the caller read this case's process instance (authorizations and tenant)? Its history for
     * the parties, the running instance for management (which reads no history).
     */
    public boolean maySee(CaseFile file) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(file.processInstanceId())
                .count() > 0 || runtimeService.createProcessInstanceQuery()
                .processInstanceId(file.processInstanceId()).count() > 0;
    }

    /**
     * May the caller record facts for the employer's cases in one of these roles (sickness and recovery: the
     * werkgever; a UWV decision: the werkgever or the bedrijfsarts)? The administrator may for every employer.
     */
    public boolean mayReportFor(String employerId, Role... roles) {
        if (callerIsAdmin()) {
            return true;
        }
        List<String> groups = caller().getGroupIds();
        return EmployerRights.worksFor(caller(), employerId) && groups != null
                && Arrays.stream(roles).map(Role::groupId).anyMatch(groups::contains);
    }

    /** Is the caller a member of the role's group (whatever organisation or employer he works for)? */
    public boolean callerActsAs(Role role) {
        List<String> groups = caller().getGroupIds();
        return groups != null && groups.contains(role.groupId());
    }

    public boolean employerExists(String employerId) {
        return asDirectory(() -> identityService.createTenantQuery().tenantId(employerId).count() > 0);
    }

    public boolean isEmployeeOf(String employeeId, String employerId) {
        return asDirectory(() -> identityService.createUserQuery().userId(employeeId).memberOfTenant(employerId)
                .count() > 0);
    }

    /**
     * Runs a lookup as the platform itself: the answer (does this employer exist?) must be the same for every
     * caller, and the caller's authentication is restored afterwards.
     */
    public <T> T asDirectory(Supplier<T> lookup) {
        return withoutCaller(lookup);
    }

    /**
     * Runs engine work as the platform itself, after the caller's rights were checked by the caller of this
     * method (the engine's own grants do not know "may report recovery for this employer"). The dossier still
     * records the caller.
     */
    public <T> T withoutCaller(Supplier<T> work) {
        Authentication saved = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (saved != null) {
                identityService.setAuthentication(saved);
            }
        }
    }

    /** {@link #withoutCaller(Supplier)} for work without a result. */
    public void runWithoutCaller(Runnable work) {
        withoutCaller(() -> {
            work.run();
            return null;
        });
    }

    private Authentication caller() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("/api/cases is called without an authenticated user");
        }
        return authentication;
    }
}
