package nl.spoorwijzer.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The expression sandbox at run time, on the same JUEL expressions the engine evaluates, without the deployment
 * check in front: each exploit of issue 21 works on Camunda's own Spring expression manager (the control) and is
 * refused by the platform's, with no side effect; what the models use keeps working.
 */
public class ExpressionSandboxTest {

    /** Stands in for Spring's JdbcTemplate: records every query an expression manages to send. */
    public static final class RecordingJdbc {
        final List<String> queries = new ArrayList<>();

        public List<String> queryForList(String sql) {
            queries.add(sql);
            return List.of("every functional limitation");
        }
    }

    /** Stands in for a model bean with one method meant for models and one that is not. */
    public static final class UwvDecisionsStandIn {
        boolean wiped;

        public List<String> shortcomings(Object execution) {
            return List.of("planVanAanpak");
        }

        public void wipe() {
            wiped = true;
        }
    }

    @TempDir Path temp;
    private final RecordingJdbc jdbc = new RecordingJdbc();
    private final UwvDecisionsStandIn uwvDecisions = new UwvDecisionsStandIn();
    private GenericApplicationContext context;
    private ModelExpressionManager sandboxed;

    @BeforeEach
    void context() {
        context = new GenericApplicationContext();
        context.registerBean("jdbcTemplate", RecordingJdbc.class, () -> jdbc);
        context.registerBean("uwvDecisions", UwvDecisionsStandIn.class, () -> uwvDecisions);
        context.refresh();
        sandboxed = new ModelExpressionManager(new ModelBeanMap(context));
        sandboxed.addFunction(DateTimeFunctions.DATE_TIME,
                ReflectUtil.getMethod(DateTimeFunctions.class, DateTimeFunctions.DATE_TIME));
    }

    @Test
    void runtimeExecWorksOnCamundasSpringExpressionManagerButIsRefusedWithoutRunning() {
        Path first = temp.resolve("pwned-by-control");
        evaluate(new SpringExpressionManager(context), execExpression(first), Variables.createVariables());
        assertThat(first).as("control: the exploit is real").exists();

        Path second = temp.resolve("pwned");
        assertThatThrownBy(() -> evaluate(sandboxed, execExpression(second), Variables.createVariables()))
                .isInstanceOf(ELException.class).hasMessageContaining("Not allowed in a model expression")
                .hasMessageContaining("getClass");
        assertThat(second).doesNotExist();
    }

    @Test
    void anyBeanOfTheContextIsReachableOnCamundasManagerButOnlyModelBeansOnTheSandboxedOne() {
        evaluate(new SpringExpressionManager(context), "${jdbcTemplate.queryForList('select * from act_ru_variable')}",
                Variables.createVariables());
        assertThat(jdbc.queries).as("control").hasSize(1);

        assertThatThrownBy(() -> evaluate(sandboxed, "${jdbcTemplate.queryForList('select 1')}",
                Variables.createVariables())).isInstanceOf(PropertyNotFoundException.class);
        assertThatThrownBy(() -> evaluate(sandboxed, "${jdbcTemplate}", Variables.createVariables()))
                .isInstanceOf(PropertyNotFoundException.class);
        assertThat(jdbc.queries).as("no query sent through the sandbox").hasSize(1);
    }

    @Test
    void aModelBeanOffersOnlyItsMethodsForModels() {
        assertThat(evaluate(sandboxed, "${uwvDecisions.shortcomings(null)}", Variables.createVariables()))
                .isEqualTo(List.of("planVanAanpak"));
        assertThatThrownBy(() -> evaluate(sandboxed, "${uwvDecisions.wipe()}", Variables.createVariables()))
                .hasMessageContaining("calling 'wipe' on model bean uwvDecisions");
        assertThatThrownBy(() -> evaluate(sandboxed, "${uwvDecisions.class}", Variables.createVariables()))
                .hasMessageContaining("Not allowed");
        assertThat(uwvDecisions.wiped).isFalse();
    }

    @Test
    void valuesOfferTheirPlainValueMethodsOnly() {
        VariableMap variables = Variables.createVariables().putValue("naam", "bram")
                .putValue("keuzes", Map.of("spoor2", "ja")).putValue("lijst", List.of("a", "b"));
        assertThat(evaluate(sandboxed, "${naam.toUpperCase()}", variables)).isEqualTo("BRAM");
        assertThat(evaluate(sandboxed, "${keuzes.spoor2 == 'ja' && keuzes['spoor2'] == 'ja'}", variables))
                .isEqualTo(true);
        assertThat(evaluate(sandboxed, "${lijst[1]}", variables)).isEqualTo("b");
        assertThat(evaluate(sandboxed, "${dateTime().plusDays(7).toDate()}", variables)).isInstanceOf(Date.class);
        for (String refused : List.of("${naam.getClass()}", "${naam.bytes}", "${keuzes.getClass()}",
                "${lijst.getClass().getClassLoader()}", "${naam.class.forName('java.lang.Runtime')}",
                "${dateTime().getChronology()}")) {
            assertThatThrownBy(() -> evaluate(sandboxed, refused, variables)).as(refused)
                    .hasMessageContaining("Not allowed in a model expression");
        }
    }

    @Test
    void objectsCannotBeWritten() {
        VariableMap variables = Variables.createVariables().putValue("keuzes", new java.util.HashMap<>(Map.of()));
        assertThatThrownBy(() -> sandboxed.createValueExpression("${keuzes.x}")
                .setValue(sandboxed.createElContext(variables.asVariableContext()), "y"))
                .hasMessageContaining("writing 'x'");
    }

    private static Object evaluate(JuelExpressionManager manager, String expression, VariableMap variables) {
        return manager.createValueExpression(expression).getValue(manager.createElContext(variables.asVariableContext()));
    }

    private static String execExpression(Path file) {
        return "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
                + ".exec(\"touch " + file + "\").waitFor()}";
    }

    static boolean exists(Path file) {
        return Files.exists(file);
    }
}
