package nl.spoorwijzer.casedetails;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The case details as {@code GET /api/cases/{caseId}/details} answers them: the names from the directory, the
 * recorded document (or, before the first record, what the employer's earlier cases recorded), who changed it last,
 * what the verslag still misses and the Dutch label of every field for a form.
 */
public record CaseDetailsView(
        String caseId,
        @Schema(description = "The employee's name, from the directory") String employeeName,
        @Schema(description = "The employer's name, from the directory") String employerName,
        CaseDetails details,
        @Schema(description = "Whether the details of this case were recorded; false: prefilled from the employer")
        boolean recorded,
        String updatedBy,
        OffsetDateTime updatedAt,
        @Schema(description = "Required fields (art. 6 lid 1) without a value") List<Missing> missing,
        @Schema(description = "The Dutch label a form shows for each field, by field name") Map<String, String> labels) {

    /** A required field without a value, with the part of art. 6 lid 1 it belongs to. */
    public record Missing(String part, String field, String label) {
    }
}
