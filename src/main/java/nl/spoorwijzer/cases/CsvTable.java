package nl.spoorwijzer.cases;

import java.util.ArrayList;
import java.util.List;
import nl.spoorwijzer.system.RuleViolationException;

/**
 * The CSV of RFC 4180 as spreadsheets write it: a header row, then records; fields separated by commas (or by
 * semicolons when the header has no comma, as Dutch Excel writes), optionally quoted with {@code "} and a doubled
 * quote inside; CRLF or LF line ends; a leading byte order mark ignored; empty lines skipped. Limits are checked while
 * reading, so a file that breaks them costs no more than the limit.
 */
final class CsvTable {

    /** One record with its line number in the file (the header is line 1), as a spreadsheet numbers it. */
    record Row(int line, List<String> cells) {
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    static CsvTable parse(String text, int maxRows, int maxCellLength) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstLineEnd = content.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? content : content.substring(0, firstLineEnd);
        char separator = !firstLine.contains(",") && firstLine.contains(";") ? ';' : ',';
        List<Row> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                addRecord(records, recordLine, cells, maxRows);
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
            if (cell.length() > maxCellLength) {
                throw RuleViolationException.invalid("line " + recordLine, "a cell is longer than " + maxCellLength
                        + " characters");
            }
        }
        if (quoted) {
            throw RuleViolationException.invalid("line " + recordLine, "a quoted cell is not closed");
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            addRecord(records, recordLine, cells, maxRows);
        }
        if (records.isEmpty()) {
            throw RuleViolationException.invalid("header", "the file is empty: the first line names the columns");
        }
        List<String> header = records.get(0).cells().stream().map(String::trim).toList();
        return new CsvTable(header, List.copyOf(records.subList(1, records.size())));
    }

    private static void addRecord(List<Row> records, int line, List<String> cells, int maxRows) {
        if (cells.stream().allMatch(String::isBlank)) {
            return; // an empty line, or a spreadsheet's row of empty cells
        }
        if (records.size() > maxRows) { // the header plus maxRows rows are allowed
            throw RuleViolationException.invalid("rows", "at most " + maxRows + " rows per import: split the file");
        }
        records.add(new Row(line, List.copyOf(cells)));
    }

    /**
     * A cell for a CSV that people open in a spreadsheet: quoted, and text that a spreadsheet would run as a formula
     * ({@code = + - @}, tab, carriage return at the start) made plain text with a leading apostrophe (OWASP, CSV
     * injection).
     */
    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
