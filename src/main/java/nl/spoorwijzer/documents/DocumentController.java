package nl.spoorwijzer.documents;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.spoorwijzer.casefile.CaseAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The documents of a case, under the case's access rule: whoever may read the case's contents lists and downloads
 * them (management, which sees case status only, may not: 403); its parties and the administrator add them. Every
 * list and download is in the case's access log. A download is always an attachment of the type recognised on
 * upload, never rendered by the browser.
 */
@RestController
class DocumentController {

    private final CaseDocuments documents;
    private final CaseAccess access;

    DocumentController(CaseDocuments documents, CaseAccess access) {
        this.documents = documents;
        this.access = access;
    }

    @PostMapping(path = "/api/cases/{caseId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a document to the case (multipart: file, step?, description?): PDF, PNG, JPEG, docx,"
            + " xlsx, odt or ods, recognised by its content; at most spoorwijzer.documents.max-size (413); scanned"
            + " before it is stored (422 when refused). step is a part of the re-integratieverslag, e.g."
            + " PROBLEEMANALYSE. Recorded in the dossier. Every party of the case reads it, the werkgever too: nothing"
            + " medical (no diagnosis, complaints, treatment or letters of a treating physician).")
    ResponseEntity<DocumentInfo> upload(@PathVariable String caseId, @RequestPart("file") MultipartFile file,
                                        @RequestParam(name = "step", required = false) String step,
                                        @RequestParam(name = "description", required = false) String description) {
        DocumentInfo stored = documents.upload(caseId, new CaseDocuments.Upload(file.getOriginalFilename(),
                file.getSize(), () -> bytesOf(file), step, description));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/documents/" + stored.documentId()))
                .body(stored);
    }

    /** Not case data: the parts of the re-integratieverslag a document can belong to, for an upload form. */
    @GetMapping(path = "/api/document-steps", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The steps a document can belong to (the parts of the re-integratieverslag), in order")
    List<Step> steps() {
        return documents.steps().entrySet().stream().map(step -> new Step(step.getKey(), step.getValue())).toList();
    }

    record Step(String step, String name) {
    }

    @GetMapping(path = "/api/cases/{caseId}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case's documents, newest first, without their content")
    List<DocumentInfo> list(@PathVariable String caseId) {
        access.requireContents(caseId);
        return documents.of(caseId);
    }

    @GetMapping("/api/cases/{caseId}/documents/{documentId}")
    @Operation(summary = "The document's content as an attachment, of the type recognised on upload")
    ResponseEntity<byte[]> download(@PathVariable String caseId, @PathVariable String documentId) {
        access.requireContents(caseId);
        StoredDocument document = documents.content(caseId, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.info().contentType()))
                .contentLength(document.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox")
                .body(document.content());
    }

    private static byte[] bytesOf(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
