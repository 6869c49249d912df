package nl.spoorwijzer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import nl.spoorwijzer.audit.CaseReferences.Kind;
import nl.spoorwijzer.audit.EngineRequest.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineRequestTest {

    @ParameterizedTest(name = "{0} {1} reads {2} {3}")
    @CsvSource({
            "GET,  /task/t1/form-variables,                TASK,              t1",
            "GET,  /task/t1/variables,                     TASK,              t1",
            "GET,  /task/t1/variables/toelichting/data,    TASK,              t1",
            "GET,  /task/t1,                               TASK,              t1",
            "GET,  /task/t1/comment,                       TASK,              t1",
            "GET,  /process-instance/p1,                   PROCESS_INSTANCE,  p1",
            "GET,  /process-instance/p1/variables,         PROCESS_INSTANCE,  p1",
            "GET,  /execution/e1/localVariables,           EXECUTION,         e1",
            "GET,  /variable-instance/v1/data,             VARIABLE,          v1",
            "GET,  /history/variable-instance/v1/data,     HISTORIC_VARIABLE, v1",
            "GET,  /history/process-instance/p1,           PROCESS_INSTANCE,  p1",
    })
    void aPathThatNamesAnObjectReadsItsCase(String method, String path, Kind kind, String id) {
        EngineRequest request = EngineRequest.of(method, path);
        assertThat(request.action()).isEqualTo(Action.READ);
        assertThat(request.pathKind()).isEqualTo(kind);
        assertThat(request.pathId()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} {1} reads what it answers")
    @CsvSource({
            "GET,  /task,                         false",
            "POST, /task,                         false",
            "POST, /filter/f1/list,               false",
            "GET,  /filter/f1/singleResult,       false",
            "GET,  /process-instance,             true",
            "POST, /process-instance,             true",
            "GET,  /variable-instance,            false",
            "POST, /variable-instance,            false",
            "GET,  /variable-instance/v1,         false",
            "GET,  /execution,                    false",
            "GET,  /history/variable-instance,    false",
            "POST, /history/variable-instance,    false",
            "GET,  /history/detail,               false",
            "GET,  /history/task,                 false",
            "GET,  /history/process-instance,     true",
            "POST, /history/process-instance,     true",
    })
    void aListReadsTheCasesOfItsAnswer(String method, String path, boolean idIsProcessInstance) {
        EngineRequest request = EngineRequest.of(method, path);
        assertThat(request.action()).isEqualTo(Action.READ);
        assertThat(request.scansAnswer()).isTrue();
        assertThat(request.pathKind()).isNull();
        assertThat(request.answerIdIsProcessInstance()).isEqualTo(idIsProcessInstance);
    }

    @ParameterizedTest(name = "{0} {1} holds no case data")
    @CsvSource({
            "GET,  /task/t1/deployed-form",
            "GET,  /task/t1/form",
            "GET,  /task/t1/rendered-form",
            "GET,  /task/t1/identity-links",
            "GET,  /task/count",
            "POST, /task/count",
            "GET,  /task/report/candidate-group-count",
            "GET,  /process-instance/count",
            "GET,  /process-instance/p1/activity-instances",
            "GET,  /history/variable-instance/count",
            "GET,  /history/activity-instance",
            "GET,  /process-definition",
            "GET,  /deployment/d1/resources",
            "GET,  /user/anna/profile",
            "OPTIONS, /task",
            "HEAD, /task",
    })
    void otherReadsAreNotRecorded(String method, String path) {
        assertThat(EngineRequest.of(method, path).action()).isEqualTo(Action.NONE);
    }

    @ParameterizedTest(name = "{0} {1} changes {2} {3}")
    @CsvSource({
            "POST,   /task/t1/complete,                        TASK,             t1",
            "POST,   /task/t1/submit-form,                     TASK,             t1",
            "POST,   /task/t1/claim,                           TASK,             t1",
            "PUT,    /task/t1/variables/toelichting,           TASK,             t1",
            "POST,   /process-instance/p1/variables,           PROCESS_INSTANCE, p1",
            "POST,   /process-instance/p1/modification,        PROCESS_INSTANCE, p1",
            "DELETE, /process-instance/p1,                     PROCESS_INSTANCE, p1",
            "PUT,    /execution/e1/localVariables/x,           EXECUTION,        e1",
            "DELETE, /history/process-instance/p1,             PROCESS_INSTANCE, p1",
    })
    void aChangeNamesItsObject(String method, String path, Kind kind, String id) {
        EngineRequest request = EngineRequest.of(method, path);
        assertThat(request.action()).isEqualTo(Action.CHANGE);
        assertThat(request.pathKind()).isEqualTo(kind);
        assertThat(request.pathId()).isEqualTo(id);
    }

    @Test
    void aStartIsAChangeOfTheInstanceItAnswers() {
        EngineRequest start = EngineRequest.of("POST", "/process-definition/key/poortwachter/start");
        assertThat(start.action()).isEqualTo(Action.CHANGE);
        assertThat(start.answerIdIsProcessInstance()).isTrue();
        assertThat(EngineRequest.of("POST", "/message").action()).isEqualTo(Action.CHANGE);
    }

    @Test
    void theEnginesPathIsFoundBelowEitherApi() {
        assertThat(EngineRequest.enginePath("/engine-rest/task/t1")).isEqualTo("/task/t1");
        assertThat(EngineRequest.enginePath("/engine-rest/engine/default/task/t1")).isEqualTo("/task/t1");
        assertThat(EngineRequest.enginePath("/camunda/api/engine/engine/default/task/t1/form-variables"))
                .isEqualTo("/task/t1/form-variables");
        assertThat(EngineRequest.enginePath("/camunda/api/cockpit/plugin/base/default/process-instance")).isNull();
        assertThat(EngineRequest.enginePath("/api/cases")).isNull();
    }
}
