package nl.spoorwijzer.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person enters in a task's form is kept in the dossier, not copied into Camunda's history: no variable
 * details, and historic variables only of what the platform itself owns (AVG art. 5 lid 1 c and e).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryMinimisationIT {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;

    @Test
    void aFormsValuesAreInTheDossierAndNotInTheHistory() throws Exception {
        HttpTestClient http = new HttpTestClient(port);
        String firstSickDay = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(1).toString();
        var opened = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s",
                 "note": "Belde zelf op maandag"}""".formatted(firstSickDay), "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).path("caseId").asText();
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .singleResult().getId();
        try {
            JsonNode tasks = json.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + caseId
                    + "&taskDefinitionKey=ziekmeldingDoorgeven", "anna", "anna").body());
            var completed = http.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/submit-form", """
                    {"variables": {"meldingBedrijfsartsDatum": {"value": "%s"},
                                   "bedrijfsarts": {"value": "Arbodienst Noord, dr. Vries"}}}""".formatted(firstSickDay),
                    "anna", "anna");
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

            assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).count())
                    .as("no copy of every variable change").isZero();
            List<String> historic = engine.getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(instance).list().stream().map(HistoricVariableInstance::getName).toList();
            assertThat(historic).contains(ProcessVariables.WERKNEMER_ID, ProcessVariables.EERSTE_ZIEKTEDAG)
                    .doesNotContain("bedrijfsarts", "meldingBedrijfsartsDatum", "toelichting")
                    .allSatisfy(name -> assertThat(PersonalValuesOutOfHistory.kept(name)).as(name).isTrue());
            assertThat(engine.getRuntimeService().getVariable(instance, "bedrijfsarts"))
                    .as("the running case still has it").isEqualTo("Arbodienst Noord, dr. Vries");
            DossierEntry recorded = dossier.findByCase(caseId).stream()
                    .filter(entry -> entry.type() == DossierEntryType.TASK_COMPLETED).findFirst().orElseThrow();
            assertThat(recorded.content()).containsEntry("bedrijfsarts", "Arbodienst Noord, dr. Vries");
        } finally {
            engine.getRuntimeService().deleteProcessInstance(instance, "test");
        }
    }
}
