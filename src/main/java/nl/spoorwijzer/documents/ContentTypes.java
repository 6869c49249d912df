package nl.spoorwijzer.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import nl.spoorwijzer.system.Refusal;
import nl.spoorwijzer.system.RuleViolationException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells an upload's type by its content, with Apache Tika's magic-byte database ({@code tika-core}): never by the
 * client's {@code Content-Type}. The file name only tells apart types whose content is the same container (a docx
 * and an xlsx are both an Office Open XML zip), and it must agree with the content: a "rapport.pdf" that holds HTML
 * is refused, as is a PNG called ".pdf".
 */
final class ContentTypes {

    static final String FIELD = "file";
    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

    private ContentTypes() {
    }

    /**
     * The accepted type of the content, with the file name completed by its extension when it had none.
     *
     * @throws RuleViolationException (415) when the content is of no accepted type or the name says otherwise
     */
    static Recognised recognise(byte[] content, String fileName) {
        MediaType byContent = detect(content, null);
        MediaType byBoth = detect(content, fileName);
        DocumentType type = DocumentType.ofMediaType(byBoth.getBaseType().toString()).orElse(null);
        String extension = FileNames.extension(fileName);
        if (type == null) {
            DocumentType contentAlone = DocumentType.ofMediaType(byContent.getBaseType().toString()).orElse(null);
            if (contentAlone != null || isOfficeContainer(byContent)) {
                throw refused("the name '." + extension + "' does not match the content ("
                        + (contentAlone == null ? "an office file" : contentAlone.label()) + "); accepted are "
                        + DocumentType.accepted() + ", recognised by their content");
            }
            throw refused("the content is " + byContent.getBaseType() + ", which is not accepted; accepted are "
                    + DocumentType.accepted() + ", recognised by their content (no HTML, SVG, scripts, executables,"
                    + " archives or macro-enabled office files)");
        }
        if (!contentAgrees(type, byContent)) {
            // Tika lets the name decide when its type is a narrower kind of what the content looks like: a plain zip
            // called .docx, or bytes it has no signature for called .pdf. The content alone must say so too.
            throw refused("the content is " + byContent.getBaseType() + ", which is not accepted as "
                    + type.label() + "; accepted are " + DocumentType.accepted() + ", recognised by their content");
        }
        if (!extension.isEmpty() && !type.extensions().contains(extension)) {
            throw refused("the name '." + extension + "' does not match the content (" + type.label()
                    + "); name it ." + type.extensions().get(0));
        }
        return new Recognised(type, FileNames.withExtension(fileName, type.extensions().get(0)));
    }

    record Recognised(DocumentType type, String fileName) {
    }

    /** PDF and images by their own signature; office files by an office container's (the name picks docx or xlsx). */
    private static boolean contentAgrees(DocumentType type, MediaType byContent) {
        String content = byContent.getBaseType().toString();
        return content.equals(type.mediaType())
                || type.mediaType().startsWith("application/vnd.openxmlformats-officedocument.")
                && content.equals("application/x-tika-ooxml");
    }

    private static boolean isOfficeContainer(MediaType type) {
        String name = type.getBaseType().toString();
        return name.equals("application/x-tika-ooxml") || name.startsWith("application/vnd.oasis.opendocument.");
    }

    private static MediaType detect(byte[] content, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = new ByteArrayInputStream(content)) {
            return TIKA.detect(in, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleViolationException refused(String rule) {
        return new RuleViolationException(FIELD, rule, Refusal.UNSUPPORTED_TYPE);
    }
}
