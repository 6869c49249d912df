package nl.spoorwijzer.audit;

import java.util.List;
import java.util.Set;
import nl.spoorwijzer.audit.CaseReferences.Kind;

/**
 * What a request to Camunda's REST API ({@code /engine-rest}, or the webapps' {@code /camunda/api/engine}) does with
 * cases, decided from its method and path alone: whether it reads a case's personal data, changes a case, or neither;
 * which engine object its path names; and whether its answer lists the process instances it read.
 *
 * <p>Reads are the resources that carry case data: tasks (with their variables, form variables, comments and
 * attachments), Tasklist's filter results, process instances and their variables, variable instances, executions'
 * local variables and the history of variables, details, tasks and process instances. A task's form, deployed form or
 * rendered form, counts and reports hold no case data. Camunda answers queries to {@code POST} as well, so a
 * {@code POST} to a query resource reads. Every other {@code POST}, {@code PUT}, {@code DELETE} changes — whatever
 * case it names in its path, its body or its answer.
 */
record EngineRequest(Action action, Kind pathKind, String pathId, boolean scansAnswer,
                     boolean answerIdIsProcessInstance) {

    enum Action { NONE, READ, CHANGE }

    static final EngineRequest NONE = new EngineRequest(Action.NONE, null, null, false, false);

    private static final Set<String> TASK_READS = Set.of("form-variables", "variables", "localVariables", "comment",
            "attachment");
    private static final Set<String> HISTORY_READS = Set.of("variable-instance", "detail", "task", "process-instance");
    private static final Set<String> QUERY_FAMILIES = Set.of("task", "process-instance", "variable-instance",
            "execution");

    /**
     * @param method     the HTTP method
     * @param enginePath the path below the engine's root, e.g. {@code /task/42/form-variables}
     */
    static EngineRequest of(String method, String enginePath) {
        List<String> path = segments(enginePath);
        if (path.isEmpty() || "OPTIONS".equals(method)) {
            return NONE;
        }
        boolean get = "GET".equals(method) || "HEAD".equals(method);
        if (get || ("POST".equals(method) && isQuery(path))) {
            return read(path, !"HEAD".equals(method));
        }
        return change(path);
    }

    /** The path of a request below the engine's root, or null when the request is not to the engine's REST API. */
    static String enginePath(String uri) {
        String rest;
        if (uri.startsWith("/engine-rest/")) {
            rest = uri.substring("/engine-rest".length());
            if (rest.startsWith("/engine/")) {
                rest = afterSegment(rest, "/engine/".length());
            }
        } else if (uri.startsWith("/camunda/api/engine/engine/")) {
            rest = afterSegment(uri, "/camunda/api/engine/engine/".length());
        } else {
            return null;
        }
        return rest;
    }

    private static String afterSegment(String path, int segmentStart) {
        int end = path.indexOf('/', segmentStart);
        return end < 0 ? "" : path.substring(end);
    }

    private static boolean isQuery(List<String> path) {
        String family = path.get(0);
        if (QUERY_FAMILIES.contains(family)) {
            return path.size() == 1 || (path.size() == 2 && "count".equals(path.get(1)));
        }
        if ("history".equals(family)) {
            return path.size() == 2 || (path.size() == 3 && "count".equals(path.get(2)));
        }
        return "filter".equals(family) && path.size() == 3 && isFilterResult(path.get(2));
    }

    private static EngineRequest read(List<String> path, boolean hasBody) {
        String family = path.get(0);
        int size = path.size();
        if ("count".equals(path.get(size - 1))) {
            return NONE;
        }
        switch (family) {
            case "task":
                if (size == 1) {
                    return answer(hasBody, false);
                }
                if ("report".equals(path.get(1))) {
                    return NONE;
                }
                return size == 2 || TASK_READS.contains(path.get(2)) ? named(Action.READ, Kind.TASK, path.get(1))
                        : NONE;
            case "filter":
                return size == 3 && isFilterResult(path.get(2)) ? answer(hasBody, false) : NONE;
            case "process-instance":
                if (size == 1) {
                    return answer(hasBody, true);
                }
                return size == 2 || "variables".equals(path.get(2))
                        ? named(Action.READ, Kind.PROCESS_INSTANCE, path.get(1)) : NONE;
            case "variable-instance":
                if (size <= 2) {
                    return answer(hasBody, false);
                }
                return "data".equals(path.get(2)) ? named(Action.READ, Kind.VARIABLE, path.get(1)) : NONE;
            case "execution":
                if (size <= 2) {
                    return answer(hasBody, false);
                }
                return "localVariables".equals(path.get(2)) ? named(Action.READ, Kind.EXECUTION, path.get(1)) : NONE;
            case "history":
                return size >= 2 && HISTORY_READS.contains(path.get(1)) ? historyRead(path, hasBody) : NONE;
            default:
                return NONE;
        }
    }

    private static EngineRequest historyRead(List<String> path, boolean hasBody) {
        boolean processInstances = "process-instance".equals(path.get(1));
        if (path.size() == 2) {
            return answer(hasBody, processInstances);
        }
        if (path.size() == 3) {
            return processInstances ? named(Action.READ, Kind.PROCESS_INSTANCE, path.get(2)) : answer(hasBody, false);
        }
        if ("variable-instance".equals(path.get(1)) && path.size() == 4 && "data".equals(path.get(3))) {
            return named(Action.READ, Kind.HISTORIC_VARIABLE, path.get(2));
        }
        return NONE;
    }

    private static EngineRequest change(List<String> path) {
        String family = path.get(0);
        boolean named = path.size() >= 2;
        if ("task".equals(family) && named) {
            return new EngineRequest(Action.CHANGE, Kind.TASK, path.get(1), true, false);
        }
        if ("process-instance".equals(family) && named) {
            return new EngineRequest(Action.CHANGE, Kind.PROCESS_INSTANCE, path.get(1), true, false);
        }
        if ("execution".equals(family) && named) {
            return new EngineRequest(Action.CHANGE, Kind.EXECUTION, path.get(1), true, false);
        }
        if ("history".equals(family) && path.size() >= 3 && "process-instance".equals(path.get(1))) {
            return new EngineRequest(Action.CHANGE, Kind.PROCESS_INSTANCE, path.get(2), true, false);
        }
        // a start (process-definition/.../start, submit-form) answers with the new instance
        return new EngineRequest(Action.CHANGE, null, null, true, "process-definition".equals(family));
    }

    private static boolean isFilterResult(String segment) {
        return "list".equals(segment) || "singleResult".equals(segment);
    }

    private static EngineRequest answer(boolean hasBody, boolean idIsProcessInstance) {
        return hasBody ? new EngineRequest(Action.READ, null, null, true, idIsProcessInstance) : NONE;
    }

    private static EngineRequest named(Action action, Kind kind, String id) {
        return new EngineRequest(action, kind, id, false, false);
    }

    private static List<String> segments(String path) {
        if (path == null) {
            return List.of();
        }
        return java.util.Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    CaseReferences pathReferences() {
        CaseReferences references = new CaseReferences();
        if (pathKind != null) {
            references.add(pathKind, pathId);
        }
        return references;
    }
}
