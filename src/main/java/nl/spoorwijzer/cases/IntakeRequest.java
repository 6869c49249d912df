package nl.spoorwijzer.cases;

/** A sick report from another system (HR, payroll, an arbodienst portal). Dates are ISO text, checked by the API. */
public record IntakeRequest(String employeeId, String employerId, String firstSickDay, String contractEndDate,
                            String note) {
}
