package nl.spoorwijzer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.spoorwijzer.audit.CaseReferences.Kind;
import org.junit.jupiter.api.Test;

class JsonReferencesTest {

    @Test
    void everyProcessInstanceOfAListAnswerIsFound() {
        CaseReferences found = scan("""
                [{"id":"v1","name":"x","processInstanceId":"p1","rootProcessInstanceId":"r1",
                  "value":{"processInstanceId":"nested"}},
                 {"id":"v2","processInstanceId":"p2","value":[1,{"a":"b"}]}]""", false, false);
        assertThat(found.of(Kind.PROCESS_INSTANCE)).containsExactly("p1", "r1", "nested", "p2");
    }

    @Test
    void theIdsOfProcessInstancesAreTheirOwnOnlyAtTheResourceLevel() {
        CaseReferences list = scan("""
                [{"id":"p1","links":[{"id":"not-an-instance"}],"businessKey":"ZV-1"},{"id":"p2"}]""", true, false);
        CaseReferences single = scan("""
                {"id":"p3","variables":{"x":{"id":"no"}}}""", true, false);
        assertThat(list.of(Kind.PROCESS_INSTANCE)).containsExactly("p1", "p2");
        assertThat(list.of(Kind.BUSINESS_KEY)).as("an answer's business key comes with its instance").isEmpty();
        assertThat(single.of(Kind.PROCESS_INSTANCE)).containsExactly("p3");
        assertThat(scan("[{\"id\":\"t1\"}]", false, false).isEmpty()).isTrue();
    }

    @Test
    void tasklistsEmbeddedTasksAreFound() {
        CaseReferences found = scan("""
                {"_links":{},"_embedded":{"task":[{"_links":{},"_embedded":{"variable":[]},"id":"t1",
                "processInstanceId":"p1"}],"processDefinition":[{"id":"d1"}]},"count":1}""", false, false);
        assertThat(found.of(Kind.PROCESS_INSTANCE)).containsExactly("p1");
    }

    @Test
    void aRequestNamesCasesByBusinessKeyAndInstanceLists() {
        CaseReferences found = scan("""
                {"messageName":"m","businessKey":"ZV-2026-1","processInstanceIds":["p1",{"x":1},"p2"],
                 "correlationKeys":{"businessKey":{"value":"nested"}},"processInstanceId":"p3"}""", false, true);
        assertThat(found.of(Kind.BUSINESS_KEY)).containsExactly("ZV-2026-1");
        assertThat(found.of(Kind.PROCESS_INSTANCE)).containsExactly("p1", "p2", "p3");
    }

    @Test
    void whatIsNotJsonNamesWhatWasReadBeforeIt() {
        assertThat(scan("[{\"processInstanceId\":\"p1\"}, garbage", false, false).of(Kind.PROCESS_INSTANCE))
                .containsExactly("p1");
        assertThat(scan("", false, false).isEmpty()).isTrue();
        assertThat(scan("{\"processInstanceId\":null,\"rootProcessInstanceId\":{\"a\":[1]}}", false, false)
                .isEmpty()).isTrue();
    }

    private static CaseReferences scan(String json, boolean idIsProcessInstance, boolean businessKeys) {
        return JsonReferences.scan(json.getBytes(StandardCharsets.UTF_8), idIsProcessInstance, businessKeys);
    }
}
