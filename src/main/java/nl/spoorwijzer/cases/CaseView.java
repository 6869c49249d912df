package nl.spoorwijzer.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.dossier.DossierEntry;

/**
 * A case as the API shows it. {@code placements} and {@code jobApplications}: the dossier entries of the loonwaarde
 * and proefplaatsingen and of the job applications recorded on the case, oldest first. {@code
 * openExpertOpinionRequests}: the deskundigenoordeel requests UWV has not answered yet; {@code expertOpinions}: UWV's
 * deskundigenoordelen with what follows from each ({@code gevolg} in their content); {@code consequence}: in the answer to
 * a UWV decision, what follows from it (Dutch). {@code cooperationMeasures}: the measures for non-cooperation in
 * force (contents: not in the status-only view). {@code workResumption}: the opbouw in own work — the period
 * that runs, the hours planned and worked ({@link WorkResumptionSummary}). {@code spoor2}: the spoor 2
 * trajectory started last — why, who runs it and since when ({@link Spoor2View}; not in the status-only view).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
        String caseId,
        String employerId,
        String employeeId,
        LocalDate firstSickDay,
        String status,
        CasePhase phase,
        LocalDate nextDeadline,
        String nextDeadlineTask,
        boolean overdue,
        String closedReason,
        LocalDate recoveredOn,
        Integer partialRecoveryPercentage,
        List<OpenTask> openTasks,
        String spoor2Status,
        Integer jobApplicationCount,
        Object timeline,
        Object reintegrationReport,
        List<DossierEntry> placements,
        List<DossierEntry> jobApplications,
        String employeeName,
        String employerName,
        List<String> actions,
        List<DossierEntry> openExpertOpinionRequests,
        List<DossierEntry> expertOpinions,
        String consequence,
        List<CooperationMeasureView> cooperationMeasures,
        Object workResumption,
        Spoor2View spoor2) {

    /** What the caller may do on the case screen ({@link #actions}); the API still decides each request. */
    public static final String RECOVERY = "recovery";
    public static final String UWV_DECISION = "uwvDecision";
    public static final String PLACEMENT = "placement";
    public static final String DOCUMENT_UPLOAD = "documentUpload";
    public static final String REINTEGRATION_REPORT = "reintegrationReport";
    public static final String ACCESS_LOG = "accessLog";
    /** The case's werkgever or werknemer records a deskundigenoordeel request (POST .../expert-opinion-requests). */
    public static final String EXPERT_OPINION_REQUEST = "expertOpinionRequest";
    /** A found job or placement reported in spoor 2 (POST .../spoor2/placement-reports). */
    public static final String SPOOR_2_PLACEMENT_REPORT = "spoor2PlacementReport";
    /** The employee refuses an offer as not suitable (POST .../spoor2/offer-refusals). */
    public static final String SPOOR_2_OFFER_REFUSAL = "spoor2OfferRefusal";
    /** The executor of spoor 2 records a session, training or agency registration (POST .../spoor2/activities). */
    public static final String SPOOR_2_ACTIVITY = "spoor2Activity";
    /** The case's werkgever takes and ends measures for non-cooperation (POST .../cooperation-measures, .../end). */
    public static final String COOPERATION_MEASURE = "cooperationMeasure";
    /** The case's werkgever records a vaststellingsovereenkomst (POST .../settlement), which ends the case. */
    public static final String SETTLEMENT = "settlement";
    /** The werkgever sets or changes the opbouwschema (PUT .../work-resumption-schedule). */
    public static final String WORK_RESUMPTION_SCHEDULE = "workResumptionSchedule";
    /** The werkgever or the employee himself records hours worked (POST .../work-resumption-hours). */
    public static final String WORK_RESUMPTION_HOURS = "workResumptionHours";
    /** The werkgever reports any change for spoor 1 (POST .../spoor1-changes). */
    public static final String SPOOR1_CHANGE = "spoor1Change";
    /** The bedrijfsarts reports a changed belastbaarheid only (POST .../spoor1-changes, kind BELASTBAARHEID). */
    public static final String SPOOR1_CAPACITY_CHANGE = "spoor1CapacityChange";
    /** Start spoor 2 now, early or as a restart (POST .../spoor2). */
    public static final String SPOOR_2_START = "spoor2Start";

    /** An open step of the case: what, for which role (or the employee), by when; its Tasklist task. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OpenTask(String name, String role, String assignee, LocalDate dueDate, String taskId) {
    }

    /** The employee's and the employer's names (Camunda user first and last name; tenant name). */
    CaseView withNames(String employee, String employer) {
        return new CaseView(caseId, employerId, employeeId, firstSickDay, status, phase, nextDeadline,
                nextDeadlineTask, overdue, closedReason, recoveredOn, partialRecoveryPercentage, openTasks,
                spoor2Status, jobApplicationCount, timeline, reintegrationReport, placements, jobApplications, employee,
                employer, actions, openExpertOpinionRequests, expertOpinions, consequence,
                cooperationMeasures, workResumption, spoor2);
    }

    CaseView withActions(List<String> allowed) {
        return new CaseView(caseId, employerId, employeeId, firstSickDay, status, phase, nextDeadline,
                nextDeadlineTask, overdue, closedReason, recoveredOn, partialRecoveryPercentage, openTasks,
                spoor2Status, jobApplicationCount, timeline, reintegrationReport, placements, jobApplications,
                employeeName, employerName, allowed, openExpertOpinionRequests, expertOpinions, consequence,
                cooperationMeasures, workResumption, spoor2);
    }

    /** The view as the answer to a UWV decision: with what follows from it (null: nothing to say). */
    public CaseView withConsequence(String consequence) {
        return new CaseView(caseId, employerId, employeeId, firstSickDay, status, phase, nextDeadline,
                nextDeadlineTask, overdue, closedReason, recoveredOn, partialRecoveryPercentage, openTasks,
                spoor2Status, jobApplicationCount, timeline, reintegrationReport, placements, jobApplications,
                employeeName, employerName, actions, openExpertOpinionRequests, expertOpinions, consequence,
                cooperationMeasures, workResumption, spoor2);
    }

    /**
     * The case's status without who it is about or what its parties wrote: what management sees (AVG art. 5 lid 1 c,
     * data minimisation).
     */
    CaseView statusOnly() {
        List<OpenTask> steps = openTasks == null ? null
                : openTasks.stream().map(task -> new OpenTask(task.name(), task.role(), null, task.dueDate(), null))
                .toList();
        return new CaseView(caseId, employerId, null, firstSickDay, status, phase, nextDeadline, nextDeadlineTask,
                overdue, closedReason, recoveredOn, partialRecoveryPercentage, steps, spoor2Status, null, timeline,
                null, null, null, null, null, List.of(), null, null, null, null, null, null);
    }

    static CaseView summary(CaseFile file, LocalDate today) {
        return new CaseView(file.caseId(), file.employerId(), file.employeeId(), file.firstSickDay(), file.status(),
                file.phase(), file.nextDeadline(), file.nextDeadlineTask(),
                file.nextDeadline() != null && file.nextDeadline().isBefore(today), file.closedReason(),
                file.recoveredOn(), file.partialRecoveryPercentage(), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}
