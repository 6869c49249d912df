package nl.spoorwijzer.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the CSV bulk import of running cases ({@code POST /api/cases/import}). Each row opens a case in its own
 * transaction (about a tenth of a second), so the row limit bounds how long one request holds a connection. The
 * body size is also bounded by {@code spoorwijzer.api.max-request-body} (64 KB by default), which applies first.
 *
 * @param maxRows       data rows per file (the header not counted); recommended 500 — split larger files
 * @param maxBytes      bytes per file; recommended 64KB (about 500 rows of a dozen steps)
 * @param maxCellLength characters per cell; recommended 500 (a document reference is the longest cell)
 */
@ConfigurationProperties("spoorwijzer.import")
public record ImportSettings(@DefaultValue("500") int maxRows, @DefaultValue("64KB") DataSize maxBytes,
                             @DefaultValue("500") int maxCellLength) {

    public ImportSettings {
        if (maxRows < 1 || maxRows > 10_000) {
            throw new IllegalArgumentException("spoorwijzer.import.max-rows must be between 1 and 10000");
        }
        if (maxBytes.toBytes() < 1024 || maxBytes.toMegabytes() > 10) {
            throw new IllegalArgumentException("spoorwijzer.import.max-bytes must be between 1KB and 10MB");
        }
        if (maxCellLength < 50 || maxCellLength > 4000) {
            throw new IllegalArgumentException("spoorwijzer.import.max-cell-length must be between 50 and 4000");
        }
    }
}
