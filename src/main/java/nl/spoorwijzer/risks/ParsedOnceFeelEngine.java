package nl.spoorwijzer.risks;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, parsing each expression of a table once instead of at every evaluation: the nightly sweep
 * evaluates the same twenty expressions for every open case, and parsing them was three quarters of its time. The
 * evaluation itself is Camunda's (same variables, same value mapping, same errors). Each table version a process owner
 * deploys brings its own expressions, so the parsed ones are kept in a bounded cache (least recently used go first):
 * room for the current and the previous versions of a table many times the shipped one.
 */
class ParsedOnceFeelEngine extends ScalaFeelEngine {

    static final int MAX_CACHED = 2000;

    private final java.util.Map<String, ParsedExpression> expressions;
    private final java.util.Map<String, ParsedExpression> unaryTests;

    ParsedOnceFeelEngine() {
        this(MAX_CACHED);
    }

    ParsedOnceFeelEngine(int maxCached) {
        super(List.of());
        expressions = lru(maxCached);
        unaryTests = lru(maxCached);
    }

    private static java.util.Map<String, ParsedExpression> lru(int maxCached) {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, ParsedExpression> eldest) {
                return size() > maxCached;
            }
        });
    }

    /** How many parsed expressions and unary tests are kept. */
    int cached() {
        return expressions.size() + unaryTests.size();
    }

    private static ParsedExpression cachedOrParsed(java.util.Map<String, ParsedExpression> cache, String text,
                                                   java.util.function.Function<String, ParsedExpression> parser) {
        ParsedExpression known = cache.get(text);
        if (known == null) {
            known = parser.apply(text); // parsed outside the lock: two threads may parse the same text once each
            cache.put(text, known);
        }
        return known;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = cachedOrParsed(expressions, expression,
                text -> parsed(feelEngine.parseExpression(text)));
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variableContext);
            }
        };
        return (T) value(feelEngine.eval(parsed, context));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = cachedOrParsed(unaryTests, expression,
                text -> parsed(feelEngine.parseUnaryTests(text)));
        StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new CompositeVariableProvider(toScalaList(input, variables));
            }
        };
        return BoxesRunTime.unboxToBoolean(value(feelEngine.eval(parsed, context)));
    }

    private static ParsedExpression parsed(Either<Failure, ParsedExpression> result) {
        if (result instanceof Right<Failure, ParsedExpression> right) {
            return right.value();
        }
        throw new FeelException(((Left<Failure, ParsedExpression>) result).value().message());
    }

    private static Object value(Either<Failure, Object> result) {
        if (result instanceof Right<Failure, Object> right) {
            return right.value();
        }
        throw new FeelException(((Left<Failure, Object>) result).value().message());
    }
}
