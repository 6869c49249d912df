package nl.spoorwijzer.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The procesbeheerder over HTTP (issue 28): hanna sees per version how many cases run on it (counts, no case data),
 * tries the plan on the running cases, moves the ones she selects as a batch; nobody else may do any of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseMigrationIT {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired DossierRepository dossier;

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (String caseId : started) {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                    .processDefinitionKey("poortwachter").list().forEach(instance -> engine.getRuntimeService()
                            .deleteProcessInstance(instance.getId(), "test"));
        }
        new MigrationFixtures(engine).deployTodaysModels();
        ClockUtil.reset();
    }

    @Test
    void hannaSeesCountsTriesThePlanAndMovesTheCasesSheSelects() throws IOException {
        HttpTestClient http = new HttpTestClient(port);
        MigrationFixtures fixtures = new MigrationFixtures(engine);
        ProcessDefinition v1 = fixtures.latest();
        String moving = startCase(40);
        String staying = startCase(200);

        HttpResponse<String> versions = http.get("/api/process-versions", "hanna", "hanna");
        assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
        assertThat(versions.body()).as("counts only").doesNotContain(moving, staying, "Mira");
        assertThat(runningOn(tree(versions.body()), v1.getId())).isEqualTo(engine.getRuntimeService()
                .createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isGreaterThanOrEqualTo(2);
        for (String other : List.of("anna", "eva", "ivo", "bram")) {
            assertThat(http.get("/api/process-versions", other, other).statusCode()).as(other).isEqualTo(403);
        }

        ProcessDefinition v2 = fixtures.deployVersion2();
        JsonNode afterDeploy = tree(http.get("/api/process-versions", "hanna", "hanna").body());
        assertThat(runningOn(afterDeploy, v2.getId())).isZero();
        assertThat(versionTag(afterDeploy, v2.getId())).isEqualTo(v2.getVersionTag());

        String plan = """
                {"processKey": "poortwachter", "sourceVersion": %d, "targetVersion": %d,
                 "extraMappings": [{"from": "%s", "to": "%s"}]}""".formatted(v1.getVersion(), v2.getVersion(),
                MigrationFixtures.OLD_TIMER, MigrationFixtures.NEW_TIMER);
        HttpResponse<String> preview = http.post("/api/migrations/plan", plan, "hanna", "hanna");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        for (String caseId : List.of(moving, staying)) {
            assertThat(caseResult(tree(preview.body()), caseId).path("canMove").asBoolean()).as(caseId).isTrue();
        }
        assertThat(preview.body()).doesNotContain("Mira", "werknemerNaam");
        assertThat(tree(preview.body()).path("targetDefinitionId").asText()).as("the version tried, for the start")
                .isEqualTo(v2.getId());
        HttpResponse<String> unmapped = http.post("/api/migrations/plan", """
                {"processKey": "poortwachter", "sourceVersion": %d}""".formatted(v1.getVersion()), "hanna", "hanna");
        JsonNode blocked = caseResult(tree(unmapped.body()), moving);
        assertThat(blocked.path("canMove").asBoolean()).as("the renamed timer needs a mapping").isFalse();
        assertThat(blocked.path("reasons").toString()).contains("Twee weken voor de 42e-weeksmelding")
                .doesNotContain("Exception");

        HttpResponse<String> badKey = http.post("/api/migrations/plan", """
                {"processKey": "bestaatniet", "sourceVersion": 1}""", "hanna", "hanna");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("processKey");
        HttpResponse<String> badMapping = http.post("/api/migrations/plan", """
                {"processKey": "poortwachter", "sourceVersion": %d, "extraMappings": [{"from": "%s", "to": "nergens"}]}"""
                .formatted(v1.getVersion(), MigrationFixtures.OLD_TIMER), "hanna", "hanna");
        assertThat(badMapping.statusCode()).isEqualTo(400);
        assertThat(badMapping.body()).contains("extraMappings[0].to").doesNotContain("Exception");
        HttpResponse<String> legalStep = http.post("/api/migrations/plan", """
                {"processKey": "poortwachter", "sourceVersion": %d, "targetVersion": %d,
                 "extraMappings": [{"from": "probleemanalyseOpstellen", "to": "planVanAanpakOpstellen"}]}"""
                .formatted(v1.getVersion(), v2.getVersion()), "hanna", "hanna");
        assertThat(legalStep.statusCode()).isEqualTo(400);
        assertThat(legalStep.body()).contains("extraMappings[0]", "wettelijke termijn").doesNotContain("Exception");
        HttpResponse<String> badTenant = http.post("/api/migrations/plan", """
                {"processKey": "poortwachter", "sourceVersion": %d, "tenantId": "bestaat-niet"}"""
                .formatted(v1.getVersion()), "hanna", "hanna");
        assertThat(badTenant.statusCode()).isEqualTo(400);
        assertThat(badTenant.body()).contains("tenantId");
        HttpResponse<String> noTarget = http.post("/api/migrations", """
                {"processKey": "poortwachter", "sourceVersion": %d, "caseIds": ["%s"], "confirm": true}"""
                .formatted(v1.getVersion(), moving), "hanna", "hanna");
        assertThat(noTarget.statusCode()).as("the start names the version the dry run tried").isEqualTo(400);
        assertThat(noTarget.body()).contains("targetDefinitionId");
        assertThat(http.post("/api/migrations/plan", plan, "anna", "anna").statusCode()).isEqualTo(403);
        assertThat(http.post("/api/migrations/plan", plan, "ivo", "ivo").statusCode()).isEqualTo(403);

        String migrate = plan.replace("}]}", "}], \"caseIds\": [\"" + moving + "\"], \"confirm\": true}");
        assertThat(http.post("/api/migrations", migrate, "anna", "anna").statusCode()).isEqualTo(403);
        HttpResponse<String> batch = http.post("/api/migrations", migrate, "hanna", "hanna");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        String batchId = tree(batch.body()).path("batchId").asText();
        assertThat(engine.getManagementService().createBatchQuery().batchId(batchId).count())
                .as("a Camunda batch, as Cockpit shows it").isEqualTo(1);
        HttpResponse<String> inCockpit = http.get("/engine-rest/batch/" + batchId, "hanna", "hanna");
        assertThat(inCockpit.statusCode()).as("hanna follows her batch in Cockpit: " + inCockpit.body())
                .isEqualTo(200);
        assertThat(inCockpit.body()).contains("\"createUserId\":\"hanna\"");
        fixtures.executeBatch(batchId);

        assertThat(definitionOf(moving)).isEqualTo(v2.getId());
        assertThat(definitionOf(staying)).as("not selected").isEqualTo(v1.getId());
        assertThat(dossier.findByCase(moving)).filteredOn(entry -> entry.type() == DossierEntryType.MODEL_MIGRATED)
                .singleElement().satisfies(entry -> assertThat(entry.subject()).contains("door hanna"));
        JsonNode counted = tree(http.get("/api/process-versions", "hanna", "hanna").body());
        assertThat(runningOn(counted, v2.getId())).isEqualTo(1);
    }

    private String startCase(int daysBeforeToday) {
        LocalDate firstSickDay = TODAY.minusDays(daysBeforeToday);
        ApiCases.onDay(firstSickDay);
        String caseId = "ZV-MIGRATIE-" + UUID.randomUUID();
        engine.getRuntimeService().startProcessInstanceByKey("poortwachter", caseId, Map.of(
                "werknemerId", "mira" + UUID.randomUUID().toString().substring(0, 8), "werknemerNaam", "Mira Migratie",
                "werkgeverId", "acme-bouw", "eersteZiektedag", firstSickDay.toString()));
        started.add(caseId);
        new CasePlayer(engine, caseId).playUntil(TODAY.atTime(9, 0).atZone(ApiCases.AMSTERDAM).toInstant(),
                SimulatedAnswers::onTime, 0);
        return caseId;
    }

    private String definitionOf(String caseId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getProcessDefinitionId();
    }

    private static long runningOn(JsonNode versions, String definitionId) {
        for (JsonNode version : versions) {
            if (version.path("definitionId").asText().equals(definitionId)) {
                return version.path("runningCases").asLong();
            }
        }
        throw new AssertionError("version " + definitionId + " not listed: " + versions);
    }

    private static String versionTag(JsonNode versions, String definitionId) {
        for (JsonNode version : versions) {
            if (version.path("definitionId").asText().equals(definitionId)) {
                return version.path("versionTag").asText();
            }
        }
        return null;
    }

    private static JsonNode caseResult(JsonNode preview, String caseId) {
        for (JsonNode result : preview.path("cases")) {
            if (result.path("caseId").asText().equals(caseId)) {
                return result;
            }
        }
        throw new AssertionError("case " + caseId + " not in the plan: " + preview);
    }

    private JsonNode tree(String body) throws IOException {
        return json.readTree(body);
    }
}
