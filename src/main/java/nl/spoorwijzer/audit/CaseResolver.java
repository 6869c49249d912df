package nl.spoorwijzer.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import nl.spoorwijzer.audit.CaseReferences.Kind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cases that engine objects belong to, in one query: a case is the root process instance whose business key is
 * its case id (a called spoor 2-traject or a herstelperiode started under the case's key belong to it through their
 * root). Reads the tables directly, as the platform: the caller's rights were the engine's to check, and this answer
 * only names what he was already shown. Camunda's history (at any level above {@code none}) keeps the instances and
 * tasks, so what was completed or deleted a moment ago still resolves.
 */
class CaseResolver {

    /** Ids per query; a list answer larger than this (Camunda's REST API pages at will) takes several. */
    static final int MAX_IDS = 500;

    private static final String CASES_OF_INSTANCES = """
            SELECT c.case_id FROM (%s) ids
              JOIN ACT_HI_PROCINST p ON p.ID_ = ids.instance_id
              JOIN ACT_HI_PROCINST r ON r.ID_ = p.ROOT_PROC_INST_ID_
              JOIN case_file c ON c.case_id = r.BUSINESS_KEY_""";

    /** Per kind of reference: the process instance it belongs to. */
    private static final Map<Kind, String> INSTANCE_OF = new EnumMap<>(Map.of(
            Kind.PROCESS_INSTANCE, "SELECT ID_ AS instance_id FROM ACT_HI_PROCINST",
            Kind.TASK, "SELECT PROC_INST_ID_ AS instance_id FROM ACT_HI_TASKINST",
            Kind.EXECUTION, "SELECT PROC_INST_ID_ AS instance_id FROM ACT_RU_EXECUTION",
            Kind.VARIABLE, "SELECT PROC_INST_ID_ AS instance_id FROM ACT_RU_VARIABLE",
            Kind.HISTORIC_VARIABLE, "SELECT PROC_INST_ID_ AS instance_id FROM ACT_HI_VARINST"));

    private final JdbcTemplate jdbc;

    CaseResolver(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> casesOf(CaseReferences references) {
        Set<String> cases = new LinkedHashSet<>();
        if (references.isEmpty()) {
            return cases;
        }
        List<Object> args = new ArrayList<>();
        StringJoiner instances = new StringJoiner(" UNION ");
        INSTANCE_OF.forEach((kind, select) -> addSource(instances, args, select, references.of(kind)));
        StringJoiner sql = new StringJoiner(" UNION ");
        if (instances.length() > 0) {
            sql.add(CASES_OF_INSTANCES.formatted(instances));
        }
        Set<String> businessKeys = references.of(Kind.BUSINESS_KEY);
        if (!businessKeys.isEmpty()) {
            List<String> keys = limited(businessKeys);
            sql.add("SELECT case_id FROM case_file WHERE case_id IN (" + placeholders(keys.size()) + ")");
            args.addAll(keys);
        }
        cases.addAll(jdbc.queryForList(sql.toString(), String.class, args.toArray()));
        if (references.of(Kind.PROCESS_INSTANCE).size() > MAX_IDS) {
            cases.addAll(remainingInstances(references.of(Kind.PROCESS_INSTANCE)));
        }
        return cases;
    }

    private static void addSource(StringJoiner sources, List<Object> args, String select, Set<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> first = limited(ids);
        sources.add(select + " WHERE ID_ IN (" + placeholders(first.size()) + ")");
        args.addAll(first);
    }

    /** The process instances beyond the first {@link #MAX_IDS} of a long list answer. */
    private Set<String> remainingInstances(Set<String> instances) {
        Set<String> cases = new LinkedHashSet<>();
        List<String> rest = instances.stream().skip(MAX_IDS).toList();
        for (int from = 0; from < rest.size(); from += MAX_IDS) {
            CaseReferences chunk = new CaseReferences();
            rest.subList(from, Math.min(rest.size(), from + MAX_IDS))
                    .forEach(id -> chunk.add(Kind.PROCESS_INSTANCE, id));
            cases.addAll(casesOf(chunk));
        }
        return cases;
    }

    private static List<String> limited(Set<String> ids) {
        return ids.stream().limit(MAX_IDS).toList();
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
