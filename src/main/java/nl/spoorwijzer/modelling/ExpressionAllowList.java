package nl.spoorwijzer.modelling;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a model expression may call or read on an object, by the object's type — an allow-list: anything not named
 * here is refused, at deployment ({@link ExpressionCheck}) and when the expression runs ({@link ExpressionSandbox}).
 * Model beans are governed by {@link ModelBeans}. Maps, lists and arrays may be indexed (that reads data, it calls no
 * code of the object).
 */
final class ExpressionAllowList {

    static final Set<String> EXECUTION_METHODS = Set.of("getVariable", "getVariableLocal", "getVariableTyped",
            "hasVariable", "hasVariableLocal", "getVariables", "getProcessBusinessKey", "getBusinessKey",
            "getProcessInstanceId", "getId", "getCurrentActivityId", "getCurrentActivityName",
            "getActivityInstanceId", "getEventName", "getTenantId", "getProcessDefinitionId");
    static final Set<String> EXECUTION_PROPERTIES = Set.of("variables", "processBusinessKey", "businessKey",
            "processInstanceId", "id", "currentActivityId", "currentActivityName", "activityInstanceId", "eventName",
            "tenantId", "processDefinitionId");

    static final Set<String> TASK_METHODS = Set.of("getVariable", "getVariableLocal", "getVariableTyped",
            "hasVariable", "hasVariableLocal", "getVariables", "getId", "getName", "getAssignee", "getOwner",
            "getTaskDefinitionKey", "getProcessInstanceId", "getDueDate", "getFollowUpDate", "getPriority",
            "getCreateTime", "getEventName", "getTenantId", "getExecution");
    static final Set<String> TASK_PROPERTIES = Set.of("variables", "id", "name", "assignee", "owner",
            "taskDefinitionKey", "processInstanceId", "dueDate", "followUpDate", "priority", "createTime",
            "eventName", "tenantId", "execution");

    /** {@code decisionResult.getSingleResult().get('x')} in the output mapping of a business rule task. */
    static final Set<String> DECISION_RESULT_METHODS = Set.of("getSingleResult", "getFirstResult",
            "getResultList", "collectEntries", "getSingleEntry", "get", "size", "isEmpty");
    static final Set<String> DECISION_ENTRIES_METHODS = Set.of("get", "getEntry", "getSingleEntry",
            "getFirstEntry", "containsKey", "size", "isEmpty");

    static final Set<String> MAP_METHODS = Set.of("get", "containsKey", "size", "isEmpty");
    static final Set<String> COLLECTION_METHODS = Set.of("get", "contains", "size", "isEmpty");
    static final Set<String> STRING_METHODS = Set.of("equals", "equalsIgnoreCase", "isEmpty", "isBlank",
            "length", "contains", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "trim", "strip",
            "substring", "indexOf", "compareTo");
    static final Set<String> NUMBER_METHODS = Set.of("equals", "compareTo", "intValue", "longValue",
            "doubleValue", "signum", "abs");
    static final Set<String> BOOLEAN_METHODS = Set.of("equals", "booleanValue");
    static final Set<String> DATE_METHODS = Set.of("equals", "compareTo", "getTime", "before", "after",
            "toInstant");
    /** java.time (LocalDate, Instant, …) and the Joda DateTime that the engine's {@code dateTime()} returns. */
    static final Set<String> DATE_TIME_METHODS = Set.of("equals", "compareTo", "isBefore", "isAfter", "isEqual",
            "plusDays", "minusDays", "plusWeeks", "minusWeeks", "plusMonths", "minusMonths", "plusYears",
            "minusYears", "plusHours", "minusHours", "plusMinutes", "minusMinutes", "toDate",
            "withTimeAtStartOfDay", "getYear", "getMonthValue", "getDayOfMonth", "getDayOfWeek", "toEpochDay",
            "toLocalDate", "toString");

    /** Engine functions usable in expressions (Camunda registers these; nothing else is registered). */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    /** Names refused on anything, model beans included: reflection and object internals. */
    static final Set<String> NEVER = Set.of("getClass", "class", "forName", "getClassLoader", "classLoader",
            "wait", "notify", "notifyAll", "clone", "finalize", "exec", "getRuntime", "invoke", "newInstance");

    /** Every method name some value type allows: what a deployment may call on a variable (types checked at run). */
    static final Set<String> VALUE_METHODS = union(MAP_METHODS, COLLECTION_METHODS, STRING_METHODS, NUMBER_METHODS,
            BOOLEAN_METHODS, DATE_METHODS, DATE_TIME_METHODS);

    private ExpressionAllowList() {
    }

    /** The methods an expression may call on this (non-bean) object. */
    static Set<String> methodsOf(Object base) {
        if (base instanceof DelegateExecution) {
            return EXECUTION_METHODS;
        }
        if (base instanceof DelegateTask) {
            return TASK_METHODS;
        }
        if (base instanceof DmnDecisionResult) {
            return DECISION_RESULT_METHODS;
        }
        if (base instanceof DmnDecisionResultEntries) {
            return DECISION_ENTRIES_METHODS;
        }
        if (base instanceof Map) {
            return MAP_METHODS;
        }
        if (base instanceof Collection) {
            return COLLECTION_METHODS;
        }
        if (base instanceof String) {
            return STRING_METHODS;
        }
        if (base instanceof Number) {
            return NUMBER_METHODS;
        }
        if (base instanceof Boolean) {
            return BOOLEAN_METHODS;
        }
        if (base instanceof Date) {
            return DATE_METHODS;
        }
        if (base instanceof Temporal || base.getClass().getName().equals("org.joda.time.DateTime")) {
            return DATE_TIME_METHODS;
        }
        return Set.of();
    }

    /** Whether an expression may read this property (a getter, a map key or an index) of this object. */
    static boolean mayRead(Object base, Object property) {
        if (NEVER.contains(String.valueOf(property))) {
            return false;
        }
        if (base instanceof DelegateExecution) {
            return EXECUTION_PROPERTIES.contains(String.valueOf(property));
        }
        if (base instanceof DelegateTask) {
            return TASK_PROPERTIES.contains(String.valueOf(property));
        }
        if (base instanceof Map) {
            return true;
        }
        if (base instanceof List<?> || base.getClass().isArray()) {
            return property instanceof Number || String.valueOf(property).matches("\\d{1,9}");
        }
        return false;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
