package nl.spoorwijzer.casedetails;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * The administrative part of the re-integratieverslag (Regeling procesgang eerste en tweede ziektejaar, art. 6 lid 1
 * onder a–d), recorded once per case by the werkgever, plus the hours actually worked (art. 3). Names come from the
 * platform's directory (the employee's user, the employer's tenant) and are not repeated here. Nothing medical: the
 * free texts describe work, business and education only. Dates are ISO text (checked by {@link CaseDetailsRules}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseDetails(Employee employee, Employer employer, OccupationalHealth occupationalHealth,
                          Function function, Skills skills, List<WorkedHours> hoursWorked) {

    public static final CaseDetails EMPTY = new CaseDetails(null, null, null, null, null, null);

    /**
     * (a) The employee. Only what tells UWV which person the verslag is about next to his name: the date of birth,
     * and the employer's own personnel number for questions back. No BSN (a special identifying number, AVG art. 87
     * and UAVG art. 46: only where a law prescribes it; UWV has it from the WIA application), no address (UWV has it
     * from the BRP).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Employee(
            @Schema(description = "Date of birth, YYYY-MM-DD", example = "1984-06-12") String dateOfBirth,
            @Schema(description = "The employer's personnel number, 1-20 letters, digits or '-'", example = "P-1042")
            String personnelNumber) {
    }

    /** (a) and (b): the employer as UWV knows it, and the nature of its business. Kept per employer as well. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Employer(
            @Schema(description = "Street and number", example = "Bouwstraat 12") String street,
            @Schema(description = "Dutch postal code", example = "3511 AB") String postalCode,
            @Schema(description = "City", example = "Utrecht") String city,
            @Schema(description = "Loonheffingennummer: 9 digits, L, 2 digits", example = "123456789L01")
            String payrollTaxNumber,
            @Schema(description = "KvK number: 8 digits", example = "12345678") String kvkNumber,
            @Schema(description = "(b) Nature of the business, at most 1000 characters (no medical details)")
            String natureOfBusiness,
            @Schema(description = "Contact person for UWV", example = "Anna Jansen") String contactName,
            @Schema(description = "Contact person's phone", example = "030-1234567") String contactPhone,
            @Schema(description = "Contact person's e-mail", example = "hr@acme-bouw.nl") String contactEmail) {
    }

    /** (a) The arbodienst and the bedrijfsarts who advise on this case. Kept per employer as well. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OccupationalHealth(
            @Schema(description = "Name of the arbodienst", example = "Arbodienst West") String arbodienst,
            @Schema(description = "Name of the bedrijfsarts", example = "Eva de Vries") String bedrijfsarts,
            @Schema(description = "Phone of the arbodienst", example = "030-7654321") String phone) {
    }

    /** (c) The employee's own work. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(
            @Schema(description = "Job title, at most 100 characters", example = "Timmerman") String title,
            @Schema(description = "The work and its demands, at most 2000 characters (no medical details)")
            String description,
            @Schema(description = "Contract hours per week, 0-80", example = "38") BigDecimal contractHoursPerWeek,
            @Schema(description = "In service since, YYYY-MM-DD", example = "2015-03-01") String employedSince) {
    }

    /** (d) The employee's education, experience and skills. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Skills(
            @Schema(description = "Education and diplomas, at most 1000 characters") String education,
            @Schema(description = "Work experience, at most 2000 characters") String experience,
            @Schema(description = "Skills and certificates, at most 2000 characters") String skills) {
    }

    /**
     * Hours actually worked per week in a period since the first sick day (Regeling procesgang art. 3): 0 while not
     * working, the hours of a partial return otherwise.
     */
    public record WorkedHours(
            @Schema(description = "First day, YYYY-MM-DD, not before the first sick day", example = "2026-03-02")
            String from,
            @Schema(description = "Last day, YYYY-MM-DD; absent while the period runs", example = "2026-04-30")
            String to,
            @Schema(description = "Hours worked per week, 0-80", example = "16") BigDecimal hoursPerWeek) {
    }
}
