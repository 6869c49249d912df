package nl.spoorwijzer.modelling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads a JUEL expression of a model as the engine would parse it and says what in it a model may not do: name a
 * bean that is not a {@link ModelBeans model bean}, call a method or read a property outside the
 * {@link ExpressionAllowList}, or call a function the engine does not offer. Identifiers that are no bean are
 * process variables. The types of variables are unknown before the model runs, so a method on a variable is
 * accepted when some value type allows it; {@link ExpressionSandbox} checks the actual type at run time.
 */
final class ExpressionCheck {

    /** What an expression node evaluates to, as far as the rules are concerned. */
    private enum Kind { BEAN, EXECUTION, TASK, DECISION_RESULT, DECISION_ENTRIES, VALUE }

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final Predicate<String> isOtherBean;

    /** @param isOtherBean whether a name is a Spring bean (model beans or not); such names are not variables */
    ExpressionCheck(Predicate<String> isOtherBean) {
        this.isOtherBean = isOtherBean;
    }

    /** Whether this text holds an expression at all (the engine treats anything else as a literal). */
    static boolean hasExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** The rules this expression breaks, empty when it is allowed. */
    List<String> problems(String expression) {
        Tree tree;
        try {
            tree = PARSER.build(expression);
        } catch (TreeBuilderException | IllegalArgumentException e) {
            return List.of("is not a valid expression: " + expression);
        }
        List<String> problems = new ArrayList<>();
        new Walk(problems).kindOf(tree.getRoot());
        return problems.stream().distinct().toList();
    }

    private final class Walk {
        private final List<String> problems;

        Walk(List<String> problems) {
            this.problems = problems;
        }

        Kind kindOf(Node node) {
            if (node instanceof AstNested nested) {
                return kindOf(nested.getChild(0)); // (x) is x: parentheses do not launder a target
            }
            if (node instanceof AstIdentifier identifier) {
                return identifier(identifier.getName());
            }
            if (node instanceof AstMethod method) {
                return method(method);
            }
            if (node instanceof AstProperty property) {
                return property(property);
            }
            if (node instanceof AstFunction function) {
                if (!ExpressionAllowList.FUNCTIONS.contains(function.getName())) {
                    problems.add("uses function '" + function.getName() + "', which models may not use");
                }
            }
            for (int i = 0; i < node.getCardinality(); i++) {
                kindOf(node.getChild(i));
            }
            return Kind.VALUE;
        }

        private Kind identifier(String name) {
            switch (name) {
                case "execution":
                    return Kind.EXECUTION;
                case "task":
                    return Kind.TASK;
                case "decisionResult":
                    return Kind.DECISION_RESULT;
                default:
                    break;
            }
            if (ModelBeans.isModelBean(name)) {
                return Kind.BEAN;
            }
            if (isOtherBean.test(name)) {
                problems.add("uses bean '" + name + "', which is not one of the beans for models");
            }
            return Kind.VALUE; // a process variable
        }

        private Kind method(AstMethod method) {
            AstProperty target = (AstProperty) method.getChild(0);
            kindOf(method.getChild(1)); // the arguments
            Kind base = kindOf(target.getChild(0));
            String name = nameOf(target);
            if (name == null) {
                problems.add("calls a method whose name is computed");
                return Kind.VALUE;
            }
            Kind result = call(base, name, target.getChild(0));
            if (result == null) {
                problems.add("calls '" + name + "' on " + describe(base, target.getChild(0))
                        + ", which models may not call");
                return Kind.VALUE;
            }
            return result;
        }

        private Kind property(AstProperty property) {
            Kind base = kindOf(property.getChild(0));
            String name = nameOf(property);
            if (name == null) {
                kindOf(property.getChild(1));
                if (base == Kind.VALUE || base == Kind.DECISION_ENTRIES) {
                    return Kind.VALUE; // an index into a list or map variable
                }
                problems.add("reads a computed property of " + describe(base, property.getChild(0)));
                return Kind.VALUE;
            }
            Kind result = read(base, name);
            if (result == null) {
                problems.add("reads '" + name + "' of " + describe(base, property.getChild(0))
                        + ", which models may not read");
                return Kind.VALUE;
            }
            return result;
        }
    }

    private static Kind call(Kind base, String method, Node target) {
        if (ExpressionAllowList.NEVER.contains(method)) {
            return null;
        }
        return switch (base) {
            case BEAN -> ModelBeans.isCallable(((AstIdentifier) target).getName(), method) ? Kind.VALUE : null;
            case EXECUTION -> allowed(ExpressionAllowList.EXECUTION_METHODS, method, Kind.VALUE);
            case TASK -> method.equals("getExecution") ? Kind.EXECUTION
                    : allowed(ExpressionAllowList.TASK_METHODS, method, Kind.VALUE);
            case DECISION_RESULT -> method.equals("getSingleResult") || method.equals("getFirstResult")
                    ? Kind.DECISION_ENTRIES : allowed(ExpressionAllowList.DECISION_RESULT_METHODS, method, Kind.VALUE);
            case DECISION_ENTRIES -> allowed(ExpressionAllowList.DECISION_ENTRIES_METHODS, method, Kind.VALUE);
            case VALUE -> allowed(ExpressionAllowList.VALUE_METHODS, method, Kind.VALUE);
        };
    }

    private static Kind read(Kind base, String property) {
        if (ExpressionAllowList.NEVER.contains(property)) {
            return null;
        }
        return switch (base) {
            case BEAN -> null;
            case EXECUTION -> allowed(ExpressionAllowList.EXECUTION_PROPERTIES, property, Kind.VALUE);
            case TASK -> property.equals("execution") ? Kind.EXECUTION
                    : allowed(ExpressionAllowList.TASK_PROPERTIES, property, Kind.VALUE);
            case DECISION_RESULT -> null; // a list: only indexes
            case DECISION_ENTRIES, VALUE -> Kind.VALUE; // a map key (types are checked at run time)
        };
    }

    private static Kind allowed(Set<String> names, String name, Kind result) {
        return names.contains(name) ? result : null;
    }

    /** The literal name of a property or method ({@code a.b}, {@code a['b']}), or null when it is computed. */
    private static String nameOf(AstProperty property) {
        if (property instanceof AstDot) {
            return property.toString().substring(2); // AstDot prints ". name"
        }
        if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
            return String.valueOf(literal.eval(null, null));
        }
        return null;
    }

    private static String describe(Kind base, Node target) {
        return switch (base) {
            case BEAN -> "model bean " + ((AstIdentifier) target).getName();
            case EXECUTION -> "the execution";
            case TASK -> "the task";
            case DECISION_RESULT, DECISION_ENTRIES -> "the decision result";
            case VALUE -> "a value";
        };
    }
}
