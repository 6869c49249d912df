package nl.spoorwijzer.report;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.spoorwijzer.casefile.CaseAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The re-integratieverslag of a case (HTML or PDF) and its completeness check, for those who may see the case. */
@RestController
@RequestMapping("/api/cases/{caseId}/reintegration-report")
class ReintegrationReportController {

    private final ReintegrationReports reports;
    private final ReportRendering rendering;
    private final CaseAccess access;
    private final RivBundle bundle;

    ReintegrationReportController(ReintegrationReports reports, ReportRendering rendering, CaseAccess access,
                                  RivBundle bundle) {
        this.reports = reports;
        this.rendering = rendering;
        this.access = access;
        this.bundle = bundle;
    }

    static final String APPLICATION_ZIP = "application/zip";

    @GetMapping(produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE, APPLICATION_ZIP})
    @Operation(summary = "The re-integratieverslag: every part with its documents, dates, authors and whether they were"
            + " on time, and the files uploaded for it; HTML, PDF with Accept: application/pdf, or a ZIP with"
            + " Accept: application/zip holding the PDF and every uploaded document in the RIV's order")
    ResponseEntity<byte[]> report(@PathVariable String caseId,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                  HttpServletResponse response) throws IOException {
        boolean zip = asks(accept, MediaType.parseMediaType(APPLICATION_ZIP));
        // The bundle reads every document: the access log says so (the path alone does not).
        ReintegrationReport report = reports.compile(access.requireContents(caseId,
                zip ? "zip met het verslag en alle documenten" : null));
        if (zip) {
            // Written as it is read, one document at a time; a null answer tells Spring the response is complete.
            response.setContentType(APPLICATION_ZIP);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(RivBundle.fileName(report)).build().toString());
            bundle.write(report, response.getOutputStream());
            return null;
        }
        if (asks(accept, MediaType.APPLICATION_PDF)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename("re-integratieverslag-" + caseId + ".pdf").build().toString())
                    .body(rendering.pdf(report));
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(rendering.html(report).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/completeness", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The required parts that are missing or late now: what UWV would sanction")
    ReintegrationReport.Completeness completeness(@PathVariable String caseId) {
        return reports.completeness(access.requireContents(caseId));
    }

    /** PDF or ZIP only when asked for by name; a browser or a caller without preference gets HTML. */
    private static boolean asks(String accept, MediaType type) {
        return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(type::equalsTypeAndSubtype);
    }
}
