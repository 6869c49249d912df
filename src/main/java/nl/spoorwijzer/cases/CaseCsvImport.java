package nl.spoorwijzer.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spoorwijzer.process.ImportableStep;
import nl.spoorwijzer.system.ConflictRetry;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.RuleViolations;
import nl.spoorwijzer.system.TransientConflicts;
import nl.spoorwijzer.system.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The bulk import of running cases from a CSV file, one row per case: each row is imported as {@code POST /api/cases}
 * with its steps would be, in its own transaction, and the report says per row what was created, what had been
 * imported before (the employee's open case, created by an import, for the same first sick day: nothing is created
 * twice, so a file can be sent again after a failure) and what was refused, with the column and the rule — also a row
 * for an employee whose open case was reported here rather than imported ({@code employeeId}: its steps are not
 * merged into that case).
 *
 * <p>Columns, by header name (order free, names exact): {@code employeeId}, {@code employerId}, {@code firstSickDay}
 * (required), {@code contractEndDate}, {@code note}, and per step a column named by its key ({@code probleemanalyse},
 * {@code plan-van-aanpak}, … see {@link ImportableStep}) holding the day it was taken — empty when it was not —
 * with an optional {@code <step>-document} column for the document reference. The {@code evaluatie} column may hold
 * several days separated by {@code |}. The role is the step's usual one ({@link ImportableStep#roles()}).
 */
@Service
public class CaseCsvImport {

    private static final Logger log = LoggerFactory.getLogger(CaseCsvImport.class);

    static final String EMPLOYEE = "employeeId";
    static final String EMPLOYER = "employerId";
    static final String FIRST_SICK_DAY = "firstSickDay";
    static final String CONTRACT_END = "contractEndDate";
    static final String NOTE = "note";
    static final String DOCUMENT_SUFFIX = "-document";
    /** How many characters of a cell the report repeats: enough to find the row, never a whole cell back. */
    static final int ECHO_LENGTH = 60;

    private static final Pattern STEP_FIELD = Pattern.compile("^steps\\[(\\d+)](?:\\.(\\w+))?$");

    public enum Outcome { CREATED, ALREADY_IMPORTED, REFUSED }

    /** What happened to one row; the violations name the CSV column (or {@code row}) and the rule. */
    public record RowResult(int row, String employeeId, String employerId, String firstSickDay, Outcome outcome,
                            String caseId, List<Violation> violations) {
    }

    public record Report(int rows, int created, int alreadyImported, int refused, List<RowResult> results) {
    }

    private final CaseIntake intake;
    private final ConflictRetry retry;
    private final ImportSettings settings;

    public CaseCsvImport(CaseIntake intake, ConflictRetry retry, ImportSettings settings) {
        this.intake = intake;
        this.retry = retry;
        this.settings = settings;
    }

    public Report run(String csv) {
        CsvTable table = CsvTable.parse(csv, settings.maxRows(), settings.maxCellLength());
        Map<String, Integer> columns = columns(table.header());
        List<RowResult> results = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            results.add(importRow(row, columns));
        }
        return new Report(results.size(), count(results, Outcome.CREATED), count(results, Outcome.ALREADY_IMPORTED),
                count(results, Outcome.REFUSED), results);
    }

    private static int count(List<RowResult> results, Outcome outcome) {
        return (int) results.stream().filter(result -> result.outcome() == outcome).count();
    }

    /** Header name → position; an unknown or repeated column refuses the file before any row is imported. */
    private static Map<String, Integer> columns(List<String> header) {
        Set<String> known = new HashSet<>(List.of(EMPLOYEE, EMPLOYER, FIRST_SICK_DAY, CONTRACT_END, NOTE));
        for (String step : ImportableStep.keys()) {
            known.add(step);
            known.add(step + DOCUMENT_SUFFIX);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (!known.contains(name)) {
                violations.add(new Violation("header", "column " + (i + 1) + " is not a known column; known are "
                        + EMPLOYEE + ", " + EMPLOYER + ", " + FIRST_SICK_DAY + ", " + CONTRACT_END + ", " + NOTE
                        + " and per step its key and <key>" + DOCUMENT_SUFFIX + ": " + ImportableStep.keys()));
            } else if (columns.putIfAbsent(name, i) != null) {
                violations.add(new Violation("header", "column '" + name + "' appears twice"));
            }
        }
        for (String required : List.of(EMPLOYEE, EMPLOYER, FIRST_SICK_DAY)) {
            if (!columns.containsKey(required)) {
                violations.add(new Violation("header", "column '" + required + "' is required"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return columns;
    }

    private RowResult importRow(CsvTable.Row row, Map<String, Integer> columns) {
        String employee = cell(row, columns, EMPLOYEE);
        String employer = cell(row, columns, EMPLOYER);
        String firstSickDay = cell(row, columns, FIRST_SICK_DAY);
        List<String> stepColumns = new ArrayList<>();
        List<IntakeRequest.StepTaken> steps = new ArrayList<>();
        for (ImportableStep step : ImportableStep.values()) {
            String value = cell(row, columns, step.key());
            if (value == null || value.isBlank()) {
                continue;
            }
            String document = cell(row, columns, step.key() + DOCUMENT_SUFFIX);
            for (String date : step.repeatable() ? value.split("\\|") : new String[] {value}) {
                steps.add(new IntakeRequest.StepTaken(step.key(), date.trim(), null, document));
                stepColumns.add(step.key());
            }
        }
        IntakeRequest request = new IntakeRequest(employee, employer, firstSickDay, cell(row, columns, CONTRACT_END),
                cell(row, columns, NOTE), steps);
        try {
            CaseIntake.Opened opened = retry.inTransaction(() -> intake.open(request));
            return result(row, employee, employer, firstSickDay,
                    opened.alreadyImported() ? Outcome.ALREADY_IMPORTED : Outcome.CREATED, opened.caseId(), List.of());
        } catch (RuntimeException e) {
            List<Violation> violations;
            if (e instanceof RuleViolations refused) {
                violations = refused.violations().stream()
                        .map(v -> new Violation(column(v.field(), stepColumns), v.rule())).toList();
            } else if (TransientConflicts.isTransient(e)) {
                violations = List.of(new Violation("row", "the case was changed at the same moment; send the file"
                        + " again (rows imported before are not imported twice)"));
            } else {
                log.error("Row {} of a case import failed", row.line(), e);
                violations = List.of(new Violation("row", "could not be imported because of an error in the"
                        + " platform; send the file again later (rows imported before are not imported twice)"));
            }
            return result(row, employee, employer, firstSickDay, Outcome.REFUSED, null, violations);
        }
    }

    private static RowResult result(CsvTable.Row row, String employee, String employer, String firstSickDay,
                                    Outcome outcome, String caseId, List<Violation> violations) {
        return new RowResult(row.line(), echo(employee), echo(employer), echo(firstSickDay), outcome, caseId,
                violations);
    }

    /** The intake names request fields ({@code steps[2].date}); the report names the file's column. */
    private static String column(String field, List<String> stepColumns) {
        Matcher step = STEP_FIELD.matcher(field == null ? "" : field);
        if (step.matches()) {
            int index = Integer.parseInt(step.group(1));
            String key = index < stepColumns.size() ? stepColumns.get(index) : "steps";
            return "document".equals(step.group(2)) ? key + DOCUMENT_SUFFIX : key;
        }
        return field;
    }

    private static String cell(CsvTable.Row row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= row.cells().size()) {
            return null;
        }
        String value = row.cells().get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private static String echo(String value) {
        return value == null || value.length() <= ECHO_LENGTH ? value : value.substring(0, ECHO_LENGTH) + "…";
    }
}
