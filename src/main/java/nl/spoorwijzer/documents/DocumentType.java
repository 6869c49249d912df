package nl.spoorwijzer.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of documents a case accepts: what UWV and the parties exchange (reports and letters as PDF, scans as
 * images, drafts as office files). Not accepted: anything a browser or desktop runs or renders actively (HTML, SVG,
 * scripts, executables), macro-enabled office files, and the old binary Word and Excel formats (.doc, .xls), whose
 * macros cannot be told apart by their type: save those as PDF or docx/xlsx.
 */
enum DocumentType {
    PDF("application/pdf", "PDF", "pdf"),
    PNG("image/png", "PNG-afbeelding", "png"),
    JPEG("image/jpeg", "JPEG-afbeelding", "jpg", "jpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-document (docx)", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-werkblad (xlsx)", "xlsx"),
    ODT("application/vnd.oasis.opendocument.text", "OpenDocument-tekst (odt)", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument-werkblad (ods)", "ods");

    private final String mediaType;
    private final String label;
    private final List<String> extensions;

    DocumentType(String mediaType, String label, String... extensions) {
        this.mediaType = mediaType;
        this.label = label;
        this.extensions = List.of(extensions);
    }

    static Optional<DocumentType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }

    /** "PDF, PNG, JPEG, …": for the rule a refused upload breaks. */
    static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(type -> type.extensions.get(0)).toList());
    }

    String mediaType() {
        return mediaType;
    }

    String label() {
        return label;
    }

    List<String> extensions() {
        return extensions;
    }
}
