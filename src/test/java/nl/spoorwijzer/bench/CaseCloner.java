package nl.spoorwijzer.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk load for the scale benchmark: copies the template cases of {@link ScaleSeed} in SQL (PostgreSQL), every row
 * of a case in the engine's runtime tables, the history the measured requests read (process instances and
 * variables), the dossier and the read models the overview reads (case file with all its columns, legal deadlines,
 * cases at risk). Copy {@code n} of a row gets {@code -n} appended to every id that belongs to the case (its executions, tasks, variables, jobs, byte arrays, identity links, authorizations, event
 * subscriptions, business key and employee) and employer {@code n} as tenant, so the copies are cases in their own
 * right at the template's stage: same dates, same open tasks and timers, other employer and employee. More cases
 * means more employers of the same size, as at an arbodienst that grows. Ids of shared things (process definitions,
 * job definitions, activities) stay as they are.
 */
final class CaseCloner {

    /** A table to copy: which of its rows belong to the templates, and which columns hold per-case values. */
    private record Copied(String table, String templateRows, Set<String> caseIds, Set<String> tenantColumns,
                          Map<String, String> expressions, Set<String> generated) {
    }

    private static final String TEMPLATE_INSTANCES = "scale_template_instance";

    /** Copy n is employer n: about a hundred cases, one at each week of the waiting period (as ScaleSeed.employer). */
    private static final String TENANT = "'" + ScaleSeed.EMPLOYER_PREFIX + "' || lpad(n::text, 4, '0')";

    private static final String EMPLOYEE_VALUES = "CASE t.name_ WHEN 'werkgeverId' THEN " + TENANT
            + " WHEN 'werknemerId' THEN t.text_ || '-' || n ELSE t.text_ END";

    /** The template's employee is a user of his own in each copy (tasks assigned to him, his authorizations). */
    private static final String EMPLOYEE_USER = "CASE WHEN t.%1$s LIKE '"
            + ScaleSeed.TEMPLATE_EMPLOYEE_PREFIX + "%%' THEN t.%1$s || '-' || n ELSE t.%1$s END";

    // Order matters: rows are inserted after the rows they reference (foreign keys).
    private static final List<Copied> TABLES = List.of(
            new Copied("act_ge_bytearray", """
                    t.id_ IN (
                        SELECT bytearray_id_ FROM act_ru_variable WHERE proc_inst_id_ IN (SELECT id FROM %1$s)
                        UNION SELECT bytearray_id_ FROM act_hi_varinst WHERE proc_inst_id_ IN (SELECT id FROM %1$s))""",
                    Set.of("id_", "root_proc_inst_id_"), Set.of("tenant_id_"), Map.of(), Set.of()),
            new Copied("act_ru_execution", "t.proc_inst_id_ IN (SELECT id FROM %s)",
                    Set.of("id_", "proc_inst_id_", "parent_id_", "super_exec_", "root_proc_inst_id_", "business_key_"),
                    Set.of("tenant_id_"), Map.of(), Set.of()),
            new Copied("act_ru_task", "t.proc_inst_id_ IN (SELECT id FROM %s)",
                    Set.of("id_", "execution_id_", "proc_inst_id_", "parent_task_id_"), Set.of("tenant_id_"),
                    Map.of("assignee_", EMPLOYEE_USER.formatted("assignee_")), Set.of()),
            new Copied("act_ru_variable", "t.proc_inst_id_ IN (SELECT id FROM %s)",
                    Set.of("id_", "execution_id_", "proc_inst_id_", "task_id_", "bytearray_id_", "var_scope_"),
                    Set.of("tenant_id_"), Map.of("text_", EMPLOYEE_VALUES), Set.of()),
            new Copied("act_ru_job", "t.process_instance_id_ IN (SELECT id FROM %s)",
                    Set.of("id_", "execution_id_", "process_instance_id_", "root_proc_inst_id_"), Set.of("tenant_id_"),
                    Map.of(), Set.of()),
            new Copied("act_ru_event_subscr", "t.proc_inst_id_ IN (SELECT id FROM %s)",
                    Set.of("id_", "execution_id_", "proc_inst_id_"), Set.of("tenant_id_"), Map.of(), Set.of()),
            new Copied("act_ru_identitylink",
                    "t.task_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN (SELECT id FROM %s))",
                    Set.of("id_", "task_id_"), Set.of("tenant_id_"), Map.of("user_id_", EMPLOYEE_USER.formatted("user_id_")),
                    Set.of()),
            new Copied("act_ru_authorization", """
                    (t.resource_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN (SELECT id FROM %1$s))
                     OR t.resource_id_ IN (SELECT id FROM %1$s))""",
                    Set.of("id_", "resource_id_", "root_proc_inst_id_"), Set.of(),
                    Map.of("user_id_", EMPLOYEE_USER.formatted("user_id_")), Set.of()),
            new Copied("act_hi_procinst", "t.proc_inst_id_ IN (SELECT id FROM %s)",
                    Set.of("id_", "proc_inst_id_", "super_process_instance_id_", "root_proc_inst_id_",
                            "business_key_"), Set.of("tenant_id_"), Map.of(), Set.of()),
            new Copied("act_hi_varinst", "t.proc_inst_id_ IN (SELECT id FROM %s)",
                    Set.of("id_", "proc_inst_id_", "execution_id_", "act_inst_id_", "task_id_", "bytearray_id_",
                            "root_proc_inst_id_"), Set.of("tenant_id_"), Map.of("text_", EMPLOYEE_VALUES), Set.of()),
            new Copied("case_file", "t.process_instance_id IN (SELECT id FROM %s)",
                    Set.of("case_id", "process_instance_id", "employee_id"), Set.of("employer_id"),
                    Map.of("open_case_key", TENANT + " || '/' || t.employee_id || '-' || n"), Set.of()),
            new Copied("dossier_entry", "t.process_instance_id IN (SELECT id FROM %s)",
                    Set.of("case_id", "process_instance_id"), Set.of("tenant_id"), Map.of(), Set.of("id")),
            new Copied("case_deadline",
                    "t.case_id IN (SELECT case_id FROM case_file WHERE process_instance_id IN (SELECT id FROM %s))",
                    Set.of("case_id"), Set.of("employer_id"), Map.of(), Set.of()),
            // The overview's cases at risk (risks/CaseRiskStore), as the templates were judged after their steps.
            new Copied("case_risk",
                    "t.case_id IN (SELECT case_id FROM case_file WHERE process_instance_id IN (SELECT id FROM %s))",
                    Set.of("case_id"), Set.of("employer_id"), Map.of(), Set.of()));

    private final JdbcTemplate jdbc;
    private final boolean wideParties;

    /**
     * With {@code wideParties} the benchmark's arbodienst and re-integratiebedrijf serve every copy's employer too
     * (a party of every case, or of every case referred to spoor 2: the widest lists); else only the measured
     * employer, as the bedrijfsarts before organisations (the copies' tasks and grants name the same groups, but
     * the tenant check keeps them out of sight).
     */
    CaseCloner(JdbcTemplate jdbc, boolean wideParties) {
        this.jdbc = jdbc;
        this.wideParties = wideParties;
    }

    /** The number of template cases (their process instances are remembered for the copies). */
    int prepare() {
        jdbc.execute("DROP TABLE IF EXISTS " + TEMPLATE_INSTANCES);
        jdbc.execute("CREATE TABLE " + TEMPLATE_INSTANCES + " (id VARCHAR(64) PRIMARY KEY)");
        jdbc.update("INSERT INTO " + TEMPLATE_INSTANCES + " SELECT id_ FROM act_ru_execution"
                + " WHERE id_ = proc_inst_id_ AND business_key_ LIKE ?", ScaleSeed.TEMPLATE_PREFIX + "%");
        return jdbc.queryForObject("SELECT count(*) FROM case_file WHERE process_instance_id IN (SELECT id FROM "
                + TEMPLATE_INSTANCES + ")", Integer.class);
    }

    /** Copies every template for copy numbers {@code from} to {@code to} (inclusive), one transaction per table. */
    void copy(int from, int to) {
        jdbc.update("INSERT INTO act_id_tenant (id_, rev_, name_) SELECT " + TENANT
                + ", 1, 'Benchmark werkgever ' || n FROM generate_series(?, ?) n", from, to);
        jdbc.update("INSERT INTO act_id_tenant_member (id_, tenant_id_, user_id_) SELECT 'bench-manager-' || n, "
                + TENANT + ", ? FROM generate_series(?, ?) n", ScaleSeed.MANAGER, from, to);
        if (wideParties) {
            for (String organisation : List.of(ScaleSeed.ARBODIENST_GROUP, ScaleSeed.BUREAU_GROUP)) {
                jdbc.update("INSERT INTO act_id_tenant_member (id_, tenant_id_, group_id_) SELECT ? || '-' || n, "
                        + TENANT + ", ? FROM generate_series(?, ?) n", organisation, organisation, from, to);
            }
        }
        for (Copied table : TABLES) {
            jdbc.update(insert(table), from, to);
        }
    }

    void analyze() {
        jdbc.execute("ANALYZE");
    }

    private String insert(Copied table) {
        List<String> columns = jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""",
                String.class, table.table()).stream().filter(column -> !table.generated().contains(column)).toList();
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table.table());
        }
        String values = columns.stream().map(column -> valueOf(table, column)).collect(Collectors.joining(", "));
        return "INSERT INTO " + table.table() + " (" + String.join(", ", columns) + ") SELECT " + values
                + " FROM " + table.table() + " t CROSS JOIN generate_series(?, ?) n WHERE "
                + table.templateRows().formatted(TEMPLATE_INSTANCES);
    }

    private static String valueOf(Copied table, String column) {
        if (table.expressions().containsKey(column)) {
            return table.expressions().get(column);
        }
        if (table.caseIds().contains(column)) {
            return "t." + column + " || '-' || n";
        }
        if (table.tenantColumns().contains(column)) {
            return "CASE WHEN t." + column + " IS NULL THEN NULL ELSE " + TENANT + " END";
        }
        return "t." + column;
    }
}
