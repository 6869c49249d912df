package nl.spoorwijzer.overview;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An overview table as CSV for Dutch Excel ({@code ?format=csv}): UTF-8 with a byte order mark (so Excel reads the
 * accents), {@code ;} between cells, Dutch column headers, dates as dd-mm-jjjj, decimals with a comma, and a quote
 * before any cell that starts with {@code = + - @}, a tab or a carriage return, so a value typed into the platform
 * is never run as a spreadsheet formula (CSV injection). Written here rather than with jackson-dataformat-csv: that
 * library takes its headers from the JSON property names and knows neither the byte order mark nor the formula rule.
 *
 * @param <T> a row of the figure
 */
public final class OverviewCsv<T> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** The query parameter value that asks for CSV. */
    public static final String FORMAT = "format=csv";
    /** How the API documentation explains the {@code format} parameter (the CSV handlers themselves are hidden). */
    public static final String FORMAT_DOC = "json (the default) or csv: the same table as CSV for Dutch Excel (UTF-8"
            + " with BOM, ';', Dutch headers, dates dd-mm-jjjj), as a download overzicht-<figure>-<date>.csv";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final List<String> headers = new ArrayList<>();
    private final List<Function<T, Object>> cells = new ArrayList<>();
    private final Collection<T> rows;
    private final String hidden;

    private OverviewCsv(Collection<T> rows, String hidden) {
        this.rows = rows;
        this.hidden = hidden;
    }

    /** A table of these rows, its small counts hidden as the caller's suppression says ({@link SmallCounts}). */
    public static <T> OverviewCsv<T> of(Collection<T> rows, SmallCounts.Suppression suppression) {
        return new OverviewCsv<>(rows, "< " + suppression.minGroupSize());
    }

    /** Adds a column: its Dutch header and the cell of each row (null: empty). */
    public OverviewCsv<T> column(String header, Function<T, Object> cell) {
        headers.add(header);
        cells.add(cell);
        return this;
    }

    /** Adds a count column: the count, or "&lt; 5" where it is suppressed (null in the JSON). */
    public OverviewCsv<T> count(String header, Function<T, Long> count, Function<T, Boolean> suppressed) {
        return column(header, row -> {
            Long value = count.apply(row);
            return value == null && Boolean.TRUE.equals(suppressed.apply(row)) ? hidden : value;
        });
    }

    /** The table as a download {@code overzicht-<figure>-<yyyy-mm-dd>.csv}. */
    public ResponseEntity<byte[]> download(String figure, LocalDate today) {
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("overzicht-" + figure + "-" + today + ".csv").build().toString())
                .body(bytes());
    }

    /** The file's bytes, byte order mark first. */
    public byte[] bytes() {
        StringBuilder text = new StringBuilder();
        line(text, new ArrayList<>(headers));
        for (T row : rows) {
            List<Object> values = new ArrayList<>(cells.size());
            for (Function<T, Object> cell : cells) {
                values.add(cell.apply(row));
            }
            line(text, values);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder text, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(';');
            }
            text.append(cell(values.get(i)));
        }
        text.append("\r\n");
    }

    /** One cell as Dutch Excel reads it, quoted where needed. */
    static String cell(Object value) {
        String text;
        if (value == null) {
            return "";
        } else if (value instanceof LocalDate date) {
            text = DUTCH_DATE.format(date);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            text = new BigDecimal(value.toString()).stripTrailingZeros().toPlainString().replace('.', ',');
        } else if (value instanceof Boolean yes) {
            text = yes ? "ja" : "nee";
        } else {
            text = value.toString();
        }
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(';') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
