package nl.spoorwijzer.cases;

import static nl.spoorwijzer.system.RequestValues.isoDate;
import static nl.spoorwijzer.system.RequestValues.required;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casedetails.CaseDetails;
import nl.spoorwijzer.casedetails.CaseDetailsRecords;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.casefile.OpenCaseExistsException;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseIds;
import nl.spoorwijzer.process.EmployerProtocol;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.RunningCaseImport;
import nl.spoorwijzer.process.RunningCaseImport.TakenStep;
import nl.spoorwijzer.system.PlatformInput;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.FirstSickDayRule;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case from a sick report: checks every field and the caller's right to report for the employer, then
 * starts the case process (which computes the legal dates). A running case moved into the platform comes with the
 * steps already taken elsewhere ({@link IntakeRequest#steps()}): they are checked together ({@link ImportedSteps})
 * and the case starts where they left it ({@link RunningCaseImport}); importing it again finds the employee's open
 * imported case for the same first sick day and creates nothing, while an import onto an open case that was reported
 * here (not imported) is refused: its steps are not merged into it. All checks happen before anything is written; the
 * one-open-case-per-employee rule is also enforced by the database, so concurrent reports open one case.
 */
@Service
public class CaseIntake {

    static final int MAX_NOTE_LENGTH = 2000;

    private final CaseFileRepository cases;
    private final CaseAccess access;
    private final Relapses relapses;
    private final RunningCaseImport runningCaseImport;
    private final Clock clock;
    private final CaseDetailsRecords caseDetails;
    private final EmployerProtocol protocol;

    public CaseIntake(CaseFileRepository cases, CaseAccess access,
                      Relapses relapses, RunningCaseImport runningCaseImport, Clock clock,
                      CaseDetailsRecords caseDetails, EmployerProtocol protocol) {
        this.protocol = protocol;
        this.caseDetails = caseDetails;
        this.runningCaseImport = runningCaseImport;
        this.relapses = relapses;
        this.cases = cases;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The case a sick report opened, or — for a relapse within 28 days of full recovery — the case it continued.
     */
    public record Opened(String caseId, boolean continued, boolean alreadyImported) {

        Opened(String caseId, boolean continued) {
            this(caseId, continued, false);
        }
    }

    /**
     * Opens a case, or continues the recovered case of the employee when the new first sick day falls within 28
     * days of the recovery (BW 7:629 lid 10), also when the report comes after the herstelperiode closed the case
     * (within spoorwijzer.recovery.late-relapse-report-days); a later relapse ends that case as hersteld and opens
     * a new one, in the same transaction.
     */
    @Transactional
    public Opened open(IntakeRequest request) {
        String employee = required("employeeId", request.employeeId(), null);
        String employer = required("employerId", request.employerId(), null);
        LocalDate today = LocalDate.now(clock);
        LocalDate firstSickDay = isoDate("firstSickDay", request.firstSickDay(), null);
        FirstSickDayRule.forNewCase(firstSickDay, today).ifPresent(problem -> {
            throw RuleViolationException.invalid("firstSickDay", problem.rule(today));
        });
        LocalDate contractEnd = request.contractEndDate() == null || request.contractEndDate().isBlank() ? null
                : isoDate("contractEndDate", request.contractEndDate(), null);
        if (contractEnd != null && contractEnd.isBefore(firstSickDay)) {
            throw RuleViolationException.invalid("contractEndDate", "must not be before the first sick day");
        }
        if (request.note() != null && request.note().length() > MAX_NOTE_LENGTH) {
            throw RuleViolationException.invalid("note", "must be at most " + MAX_NOTE_LENGTH + " characters");
        }
        if (!access.employerExists(employer)) {
            throw RuleViolationException.invalid("employerId", "unknown employer '" + employer + "'");
        }
        if (!access.mayReportFor(employer, Role.WERKGEVER)) {
            throw RuleViolationException.notAllowed("employerId", "you may not report sickness for employer '"
                    + employer + "'");
        }
        if (!access.isEmployeeOf(employee, employer)) {
            throw RuleViolationException.invalid("employeeId", "unknown employee '" + employee + "' at employer '"
                    + employer + "'");
        }
        // Details given with the report are recorded with a new case (a continued case keeps its own).
        CaseDetails details = request.details() == null ? null
                : caseDetails.checkAtIntake(request.details(), firstSickDay);
        List<TakenStep> steps = request.isImport() ? ImportedSteps.check(request.steps(), firstSickDay, today,
                runningCaseImport.finalPhase(firstSickDay)) : List.of();
        // The employee's case that a sick report is judged against: open, recovered (its herstelperiode runs) or
        // closed as recovered while a late relapse report may still reopen it.
        CaseFile open = cases.findOpen(employer, employee).orElse(null);
        if (open != null && request.isImport()) {
            if (!runningCaseImport.wasImported(open.caseId())) {
                throw RuleViolationException.conflict("employeeId", "employee '" + employee + "' has an open case ("
                        + open.caseId() + ") that was not imported; the steps are not merged into it: record them"
                        + " on that case");
            }
            if (open.firstSickDay().equals(firstSickDay)) {
                return new Opened(open.caseId(), false, true); // imported before: importing twice creates nothing
            }
            throw duplicate(employee, open.caseId());
        }
        if (open != null && !CaseFile.OPEN.equals(open.status())) {
            if (relapses.continueRecovered(open, firstSickDay)) {
                return new Opened(open.caseId(), true);
            }
        } else if (open != null) {
            throw duplicate(employee, open.caseId());
        } else {
            relapses.refuseRelapseOfEndedCase(employer, employee, firstSickDay);
        }
        String caseId = CaseIds.newCaseId(firstSickDay);
        Map<String, Object> variables = new HashMap<>();
        variables.put("werknemerId", employee);
        variables.put("werkgeverId", employer);
        variables.put("eersteZiektedag", firstSickDay.toString());
        if (contractEnd != null) {
            variables.put("contractEinddatum", contractEnd.toString());
        }
        if (request.note() != null && !request.note().isBlank()) {
            variables.put("toelichting", request.note());
        }
        variables.putAll(RunningCaseImport.startVariables(steps));
        ProcessInstance started;
        try {
            // The sick report's own rules were checked above; the start form's (a name, an expected duration) are
            // for people starting a case in Tasklist. The employer's own protocol when it has one (issue 28).
            started = PlatformInput.trusted(() -> protocol.start(ProcessKeys.POORTWACHTER, employer, caseId,
                    variables));
        } catch (AuthorizationException e) {
            throw RuleViolationException.notAllowed("employerId", "you may not start cases");
        } catch (RuntimeException e) {
            if (causedBy(e, DuplicateKeyException.class) || causedBy(e, OpenCaseExistsException.class)) {
                // A concurrent report opened the case first (committed before or during this start). The
                // transaction is aborted (PostgreSQL refuses further statements in it), so the other case's id
                // cannot be looked up here.
                throw RuleViolationException.conflict("employeeId", "employee '" + employee + "' already has an open"
                        + " case, opened by a report at the same moment; report a relapse or recovery on that case");
            }
            throw e;
        }
        if (request.isImport()) {
            runningCaseImport.apply(started.getId(), steps, access.callerId());
        }
        if (details != null) {
            caseDetails.recordAtIntake(caseId, started.getId(), employer, details);
        }
        return new Opened(caseId, false);
    }

    private static RuleViolationException duplicate(String employee, String openCase) {
        return RuleViolationException.conflict("employeeId", "employee '" + employee + "' already has an open case ("
                + openCase + "); report a relapse or recovery on that case");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
