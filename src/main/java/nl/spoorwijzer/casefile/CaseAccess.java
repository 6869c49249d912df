package nl.spoorwijzer.casefile;

import java.util.List;
import java.util.function.Supplier;
import nl.spoorwijzer.audit.CaseAccessRecorder;
import nl.spoorwijzer.identity.EmployerRights;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see which cases through {@code /api/cases}, by the same rules as Tasklist: the employers (tenants) a user
 * serves, and for an employee only his own case. Also answers directory questions (does this employer exist?) that
 * must not depend on what the caller may see.
 */
@Component
public class CaseAccess {

    static final String EMPLOYEE_GROUP = "werknemer";

    private final IdentityService identityService;
    private final CaseFileRepository cases;
    private final CaseAccessRecorder recorder;

    public CaseAccess(IdentityService identityService, CaseFileRepository cases, CaseAccessRecorder recorder) {
        this.identityService = identityService;
        this.cases = cases;
        this.recorder = recorder;
    }

    /**
     * The case, when the caller may see it: the one check every read and change of a case through the platform's API
     * passes. A case the caller may not see is answered as not found, so its existence is not revealed. The access
     * is recorded in the case's access log.
     */
    public CaseFile requireVisible(String caseId) {
        CaseFile file = cases.find(caseId).filter(this::maySee).orElseThrow(() ->
                RuleViolationException.notFound("caseId", "no case '" + caseId + "' that you may see"));
        recorder.record(callerId(), caller().getGroupIds(), List.of(caseId), null);
        return file;
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

    /** The employee id the caller is limited to (an employee sees only his own case), or null. */
    public String onlyEmployee() {
        List<String> groups = caller().getGroupIds();
        boolean employeeOnly = groups != null && !groups.isEmpty() && groups.stream().allMatch(EMPLOYEE_GROUP::equals);
        return employeeOnly ? callerId() : null;
    }

    public boolean maySee(CaseFile file) {
        String employee = onlyEmployee();
        return visibleEmployers().contains(file.employerId())
                && (employee == null || employee.equals(file.employeeId()));
    }

    public boolean mayReportFor(String employerId) {
        return EmployerRights.worksFor(caller(), employerId);
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
