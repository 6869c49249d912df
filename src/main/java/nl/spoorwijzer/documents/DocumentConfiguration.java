package nl.spoorwijzer.documents;

import jakarta.servlet.MultipartConfigElement;
import nl.spoorwijzer.system.UploadLimit;
import nl.spoorwijzer.system.Violation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The body limits of a document upload: {@code /api}'s general limit of a few dozen KB does not apply to it; its
 * own is the document size plus the multipart envelope, checked on the declared length, by the servlet container
 * while it parses the parts (a body without a declared length), and on the file itself — each refused with the same
 * 413 naming {@code file}.
 */
@Configuration
class DocumentConfiguration {

    static final String UPLOAD_PATH = "/api/cases/*/documents";

    @Bean
    UploadLimit documentUploadLimit(DocumentSettings settings) {
        return new UploadLimit("POST", UPLOAD_PATH, settings.maxBody(),
                new Violation(ContentTypes.FIELD, settings.sizeRule()));
    }

    /** Spring's multipart parsing (the only multipart endpoint under /api): parts above 1 MB go to a temporary file. */
    @Bean
    MultipartConfigElement multipartConfigElement(DocumentSettings settings) {
        long max = settings.maxBody().toBytes();
        return new MultipartConfigElement("", max, max, 1024 * 1024);
    }
}
