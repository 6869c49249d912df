package nl.spoorwijzer.cases;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/import}: running cases moved into the platform in bulk, one CSV row per case
 * ({@link CaseCsvImport} describes the columns). For the werkgever of the employers named in the rows (each row is
 * checked as its own sick report is). Answers the per-row report as JSON, or as CSV with {@code Accept: text/csv}.
 */
@RestController
@RequestMapping("/api/cases")
class CaseImportController {

    static final String TEXT_CSV = "text/csv";

    private final CaseCsvImport csvImport;
    private final CaseAccess access;
    private final ImportSettings settings;

    CaseImportController(CaseCsvImport csvImport, CaseAccess access, ImportSettings settings) {
        this.csvImport = csvImport;
        this.access = access;
        this.settings = settings;
    }

    @PostMapping(path = "/import", consumes = TEXT_CSV, produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
    @Operation(summary = "Import running cases from CSV (UTF-8), one row per case with the steps already taken: per"
            + " row what was created, already imported before (nothing twice) or refused (column and rule)")
    ResponseEntity<?> importCsv(@RequestBody byte[] body,
                                @RequestHeader(name = "Accept", required = false) String accept) {
        if (!access.callerIsAdmin() && access.visibleEmployers().stream()
                .noneMatch(employer -> access.mayReportFor(employer, Role.WERKGEVER))) {
            throw RuleViolationException.notAllowed("employerId", "only the werkgever of an employer imports its"
                    + " cases");
        }
        if (body.length > settings.maxBytes().toBytes()) {
            throw RuleViolationException.invalid("file", "at most " + settings.maxBytes().toKilobytes()
                    + " KB per import: split the file");
        }
        CaseCsvImport.Report report = csvImport.run(utf8(body));
        if (accept != null && accept.contains(TEXT_CSV) && !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                    .body(asCsv(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw RuleViolationException.invalid("file", "must be text in UTF-8 (save the sheet as 'CSV UTF-8')");
        }
    }

    /** The report as a sheet, a line per refusal: every cell quoted and made safe to open in a spreadsheet. */
    static String asCsv(CaseCsvImport.Report report) {
        StringBuilder csv = new StringBuilder("row,employeeId,employerId,firstSickDay,outcome,caseId,column,rule\r\n");
        for (CaseCsvImport.RowResult result : report.results()) {
            List<Violation> violations = result.violations().isEmpty() ? Collections.singletonList(null)
                    : result.violations();
            for (Violation violation : violations) {
                csv.append(Stream.of(result.row(), result.employeeId(), result.employerId(), result.firstSickDay(),
                                result.outcome(), result.caseId(), violation == null ? null : violation.field(),
                                violation == null ? null : violation.rule())
                        .map(CsvTable::cell).collect(Collectors.joining(","))).append("\r\n");
            }
        }
        return csv.toString();
    }
}
