package nl.spoorwijzer.cases;

import java.util.List;
import nl.spoorwijzer.casedetails.CaseDetails;

/**
 * A sick report from another system (HR, payroll, an arbodienst portal). Dates are ISO text, checked by the API.
 *
 * @param steps for a running case moved into the platform: the legal steps already taken elsewhere (may be empty);
 *              null for a plain sick report
 * @param details  optional: the case's data for the re-integratieverslag (as {@code PUT /api/cases/{id}/details}),
 *                 recorded with a new case
 */
public record IntakeRequest(String employeeId, String employerId, String firstSickDay, String contractEndDate,
                            String note, List<StepTaken> steps, CaseDetails details) {

    public IntakeRequest(String employeeId, String employerId, String firstSickDay, String contractEndDate,
                         String note, List<StepTaken> steps) {
        this(employeeId, employerId, firstSickDay, contractEndDate, note, steps, null);
    }

    public IntakeRequest(String employeeId, String employerId, String firstSickDay, String contractEndDate,
                         String note) {
        this(employeeId, employerId, firstSickDay, contractEndDate, note, null);
    }

    /** Is this the import of a running case rather than a new sick report? */
    public boolean isImport() {
        return steps != null;
    }

    /**
     * A step of the running case taken before it came into the platform.
     *
     * @param step     a key of {@code process/ImportableStep}, e.g. {@code probleemanalyse}
     * @param date     when it was taken (ISO)
     * @param role     who took it (a role's group id, e.g. {@code bedrijfsarts}); optional, the step's usual role
     * @param document optional reference to the document elsewhere (a file name, a document number)
     */
    public record StepTaken(String step, String date, String role, String document) {
    }
}
