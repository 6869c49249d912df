package nl.spoorwijzer.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the documents stored with a case ({@code spoorwijzer.documents}).
 *
 * @param maxSize the largest document accepted; recommended 10MB (a scanned report of a few dozen pages). At most
 *                {@value #HARD_LIMIT_MB}MB whatever is configured: a document is held in memory while it is checked,
 *                stored and served, and the database keeps every version of it as long as the case's history.
 */
@ConfigurationProperties("spoorwijzer.documents")
public record DocumentSettings(@DefaultValue("10MB") DataSize maxSize) {

    static final int HARD_LIMIT_MB = 25;
    /** Room for the multipart envelope around the file: part headers, step and description. */
    static final DataSize ENVELOPE = DataSize.ofKilobytes(64);

    public DocumentSettings {
        if (maxSize.toBytes() < 1024 || maxSize.toBytes() > DataSize.ofMegabytes(HARD_LIMIT_MB).toBytes()) {
            throw new IllegalArgumentException("spoorwijzer.documents.max-size must be between 1KB and "
                    + HARD_LIMIT_MB + "MB, got " + maxSize);
        }
    }

    /** The rule a too large document breaks, as the caller is told. */
    String sizeRule() {
        long bytes = maxSize.toBytes();
        String readable = bytes % (1024 * 1024) == 0 ? (bytes / (1024 * 1024)) + " MB"
                : bytes % 1024 == 0 ? (bytes / 1024) + " KB" : bytes + " bytes";
        return "a document is at most " + readable + " (" + bytes + " bytes)";
    }

    DataSize maxBody() {
        return DataSize.ofBytes(maxSize.toBytes() + ENVELOPE.toBytes());
    }
}
