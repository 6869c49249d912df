package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.system.Violation;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** How failures are told to callers of both REST APIs, decided from the whole cause chain. */
class ProblemsTest {

    @Test
    void aRuleViolationWrappedByCamundasRestLayerIsTheCallersMistake() {
        var violation = new RuleViolationException(List.of(new Violation("loonwaardePercentage", "must be 0-100"),
                new Violation("werkgeverId", "is read-only")));
        Problem problem = Problems.classify(new RestException(Response.Status.INTERNAL_SERVER_ERROR, violation,
                "Cannot submit task form 42: " + violation.getMessage()));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.body()).containsEntry("field", "loonwaardePercentage").containsEntry("rule", "must be 0-100");
        assertThat((List<?>) problem.body().get("violations")).hasSize(2);
    }

    @Test
    void aTaskOfAnotherTenantIsAnsweredExactlyLikeAnUnknownTask() {
        var foreign = new RestException(Response.Status.INTERNAL_SERVER_ERROR, new ProcessEngineException(
                "ENGINE-13034 Cannot work on task 'abc' because it belongs to no authenticated tenant."), "x");
        var unknown = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new NullValueException("Cannot find task with id def: task is null"), "y");
        var unknownOnGet = new InvalidRequestException(Response.Status.NOT_FOUND, "No matching task with id def");

        assertThat(Problems.classify(foreign)).isEqualTo(Problems.classify(unknown))
                .isEqualTo(Problems.classify(unknownOnGet));
        assertThat(Problems.classify(foreign).status()).isEqualTo(404);
    }

    @Test
    void aValueTooLongForItsColumnIsABadRequestOnH2AndPostgres() {
        var h2 = new ProcessEngineException("ENGINE-03083 flush failed",
                new RuntimeException(new SQLException("Value too long for column \"NAME_ VARCHAR(255)\"", "22001")));
        var batch = new SQLException("Batch entry 0 was aborted", "22001");
        batch.setNextException(new SQLException("ERROR: value too long for type character varying(255)", "22001"));

        assertThat(Problems.classify(h2).status()).isEqualTo(400);
        assertThat(Problems.classify(new ProcessEngineException("flush", batch)).status()).isEqualTo(400);
        assertThat(Problems.classify(h2).detail()).doesNotContain("VARCHAR", "NAME_", "22001");
    }

    @Test
    void authorizationAndConcurrencyRefusalsNameNoInternals() {
        Problem forbidden = Problems.classify(new AuthorizationException(
                "The user with id 'anna' does not have 'UPDATE' permission on resource 'abc' of type 'Task'."));
        Problem conflict = Problems.classify(new OptimisticLockingException("ENGINE-03005 Entity was updated"));

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.detail()).doesNotContain("UPDATE", "Task", "anna");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.detail()).doesNotContain("ENGINE");
    }

    @Test
    void aServerFaultTellsOnlyACorrelationId() {
        Problem problem = Problems.answer(new IllegalStateException("select * from ACT_RU_TASK failed in org.h2.Driver"));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.correlationId()).isNotBlank();
        assertThat(problem.detail()).contains(problem.correlationId()).doesNotContain("select", "ACT_", "h2");
    }

    @Test
    void engineMessagesLoseCodesAndTypeNamesOrAreReplaced() {
        assertThat(SafeText.of("ENGINE-09005 Could not parse BPMN process.", "x"))
                .isEqualTo("Could not parse BPMN process.");
        assertThat(SafeText.of("Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer", "x"))
                .isEqualTo("Cannot convert value 'abc' of type 'Integer' to java type Integer");
        assertThat(SafeText.of("org.apache.ibatis.exceptions.PersistenceException: ### SQL: insert into ACT_RU_TASK",
                "fallback")).isEqualTo("fallback");
        assertThat(SafeText.of("x".repeat(10_000), "f")).hasSizeLessThanOrEqualTo(SafeText.MAX_LENGTH);
    }

    @Test
    void theEngineRestMapperAnswersProblemJsonWithCamundasMessageProperty() {
        Response response = new EngineRestExceptionMapper().toResponse(new NullPointerException("boom"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertThat(body).containsKeys("type", "title", "status", "detail", "correlationId", "message");
        assertThat(body.toString()).doesNotContain("NullPointer", "boom");
    }
}
