package nl.spoorwijzer.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.spoorwijzer.documents.CaseDocuments;
import nl.spoorwijzer.report.ReintegrationReport.Attachment;
import nl.spoorwijzer.report.ReintegrationReport.Part;
import org.springframework.stereotype.Component;

/**
 * The re-integratieverslag as one ZIP to send to UWV: the RIV as PDF first, then every uploaded document in the
 * order the RIV lists them (per part, oldest first; documents without a part last), each under
 * {@code bijlagen/NN-<file name>}. Entry names come from the sanitised file names (no directories, no "..") and are
 * numbered, so they are unique and nothing can be written outside the folder when the ZIP is unpacked. Each document
 * is read from the database when it is written, so memory holds one document at a time.
 */
@Component
class RivBundle {

    static final String ATTACHMENTS_FOLDER = "bijlagen/";

    private final ReportRendering rendering;
    private final CaseDocuments documents;

    RivBundle(ReportRendering rendering, CaseDocuments documents) {
        this.rendering = rendering;
        this.documents = documents;
    }

    static String fileName(ReintegrationReport report) {
        return "re-integratieverslag-" + report.caseId() + ".zip";
    }

    void write(ReintegrationReport report, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        LocalDateTime compiled = report.compiledOn().atTime(LocalTime.NOON);
        add(zip, "re-integratieverslag-" + report.caseId() + ".pdf", compiled, rendering.pdf(report));
        List<Attachment> inOrder = new ArrayList<>();
        report.parts().stream().map(Part::attachments).forEach(inOrder::addAll);
        inOrder.addAll(report.otherAttachments());
        int number = 1;
        for (Attachment attachment : inOrder) {
            byte[] content = documents.content(report.caseId(), attachment.documentId()).content();
            add(zip, ATTACHMENTS_FOLDER + entryName(number++, attachment.fileName()),
                    attachment.date().atTime(LocalTime.NOON), content);
        }
        zip.finish();
    }

    /** "07-rapport.pdf": the number keeps names unique; separators that survived sanitising are replaced anyway. */
    static String entryName(int number, String fileName) {
        String safe = fileName.replace('/', '_').replace('\\', '_').replace(':', '_');
        while (safe.startsWith(".")) {
            safe = safe.substring(1);
        }
        return "%02d-%s".formatted(number, safe.isEmpty() ? "document" : safe);
    }

    private static void add(ZipOutputStream zip, String name, LocalDateTime time, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
