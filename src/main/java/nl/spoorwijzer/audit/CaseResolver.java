package nl.spoorwijzer.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import nl.spoorwijzer.audit.CaseReferences.Kind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cases that engine objects belong to, in at most one query per request: a case is the root process instance
 * whose business key is its case id (a called spoor 2-traject or a herstelperiode started under the case's key belong
 * to it through their root). Reads the tables directly, as the platform: the caller's rights were the engine's to
 * check, and this answer only names what he was already shown. Camunda's history (at any level above {@code none})
 * keeps the instances and tasks, so what was completed or deleted a moment ago still resolves.
 *
 * <p>A process instance never changes case (its root and the root's business key, the case id, are fixed at the
 * start), so the case of each instance found is remembered for the {@link #REMEMBERED} instances used last: a list
 * read again, or a page of a list already paged, needs no query (BENCHMARKS.md §6). An instance of no case is not
 * remembered, so one that becomes a case's later is still found.
 */
class CaseResolver {

    /** Ids per query; a list answer larger than this (Camunda's REST API pages at will) takes several. */
    static final int MAX_IDS = 500;
    /** Instances whose case is remembered: about 10 MB at most. */
    static final int REMEMBERED = 50_000;

    private static final String ROOT_CASE = " JOIN ACT_HI_PROCINST r ON r.ID_ = p.ROOT_PROC_INST_ID_"
            + " JOIN case_file c ON c.case_id = r.BUSINESS_KEY_";

    /** Per kind of reference: the process instance it belongs to. */
    private static final Map<Kind, String> INSTANCE_OF = new EnumMap<>(Map.of(
            Kind.PROCESS_INSTANCE, "SELECT ID_ AS instance_id FROM ACT_HI_PROCINST",
            Kind.TASK, "SELECT PROC_INST_ID_ AS instance_id FROM ACT_HI_TASKINST",
            Kind.EXECUTION, "SELECT PROC_INST_ID_ AS instance_id FROM ACT_RU_EXECUTION",
            Kind.VARIABLE, "SELECT PROC_INST_ID_ AS instance_id FROM ACT_RU_VARIABLE",
            Kind.HISTORIC_VARIABLE, "SELECT PROC_INST_ID_ AS instance_id FROM ACT_HI_VARINST"));

    private final JdbcTemplate jdbc;
    private final Map<String, String> caseOfInstance = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED;
                }
            });

    CaseResolver(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> casesOf(CaseReferences references) {
        Set<String> cases = new LinkedHashSet<>();
        CaseReferences unknown = new CaseReferences();
        for (Kind kind : Kind.values()) {
            for (String id : references.of(kind)) {
                String known = kind == Kind.PROCESS_INSTANCE ? caseOfInstance.get(id) : null;
                if (known != null) {
                    cases.add(known);
                } else {
                    unknown.add(kind, id);
                }
            }
        }
        if (!unknown.isEmpty()) {
            cases.addAll(query(unknown));
        }
        return cases;
    }

    private Set<String> query(CaseReferences references) {
        List<Object> args = new ArrayList<>();
        StringJoiner sql = new StringJoiner(" UNION ");
        Set<String> instances = references.of(Kind.PROCESS_INSTANCE);
        boolean onlyInstances = Kind.PROCESS_INSTANCE == single(references);
        if (onlyInstances) {
            // the usual list answer: no derived table, so the database goes straight to the primary key
            List<String> first = limited(instances);
            sql.add("SELECT p.ID_ AS instance_id, c.case_id FROM ACT_HI_PROCINST p" + ROOT_CASE
                    + " WHERE p.ID_ IN (" + placeholders(first.size()) + ")");
            args.addAll(first);
        } else {
            StringJoiner sources = new StringJoiner(" UNION ");
            INSTANCE_OF.forEach((kind, select) -> addSource(sources, args, select, references.of(kind)));
            if (sources.length() > 0) {
                sql.add("SELECT ids.instance_id, c.case_id FROM (" + sources + ") ids"
                        + " JOIN ACT_HI_PROCINST p ON p.ID_ = ids.instance_id" + ROOT_CASE);
            }
            Set<String> businessKeys = references.of(Kind.BUSINESS_KEY);
            if (!businessKeys.isEmpty()) {
                List<String> keys = limited(businessKeys);
                sql.add("SELECT NULL AS instance_id, case_id FROM case_file WHERE case_id IN ("
                        + placeholders(keys.size()) + ")");
                args.addAll(keys);
            }
        }
        Set<String> cases = new LinkedHashSet<>();
        jdbc.query(sql.toString(), row -> {
            String instance = row.getString("instance_id");
            String caseId = row.getString("case_id");
            cases.add(caseId);
            if (instance != null) {
                caseOfInstance.put(instance, caseId);
            }
        }, args.toArray());
        if (instances.size() > MAX_IDS) {
            cases.addAll(remainingInstances(instances));
        }
        return cases;
    }

    private static Kind single(CaseReferences references) {
        Kind found = null;
        for (Kind kind : Kind.values()) {
            if (!references.of(kind).isEmpty()) {
                if (found != null) {
                    return null;
                }
                found = kind;
            }
        }
        return found;
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
            cases.addAll(query(chunk));
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
