package nl.spoorwijzer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every read and change of a case through the case API is recorded with who, role, what and from where; the employee
 * reads his own case's log (AVG art. 15), the administrator queries it, nobody else does; old records expire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessLogIT {

    private static final String OUTSIDER = "logbuitenstaander";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired IdentityService identityService;
    @Autowired ProcessEngine engine;
    @Autowired AccessLog log;
    @Autowired AccessLogRetention retention;
    HttpTestClient http;
    String caseId;

    @BeforeEach
    void setUp() throws Exception {
        http = new HttpTestClient(port);
        TestUsers.ensureUserWithoutRights(identityService, OUTSIDER);
        String firstSickDay = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(2).toString();
        var opened = http.post("/api/cases", """
                {"employeeId": "noor", "employerId": "zorggroep-noord", "firstSickDay": "%s"}""".formatted(firstSickDay),
                "daan", "daan");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        caseId = json.readTree(opened.body()).path("caseId").asText();
    }

    @AfterEach
    void closeTheCase() {
        ClockUtil.reset();
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).list()
                .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test"));
    }

    @Test
    void eachReadAndChangeIsRecordedOnceWithWhoRoleWhatAndFromWhere() throws Exception {
        assertThat(http.get("/api/cases/" + caseId + "/dossier", "daan", "daan").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/cases", "daan", "daan").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/cases/" + caseId + "/dossier", OUTSIDER, OUTSIDER).statusCode()).isEqualTo(404);

        List<AccessRecord> records = log.forCase(caseId);
        assertThat(records).extracting(AccessRecord::userId).containsOnly("daan");
        assertThat(records).extracting(AccessRecord::action, AccessRecord::what).containsExactly(
                tuple(AccessRecord.Action.READ, "GET /api/cases (lijst)"),
                tuple(AccessRecord.Action.READ, "GET /api/cases/" + caseId + "/dossier"),
                tuple(AccessRecord.Action.CHANGE, "POST /api/cases"));
        assertThat(records).allSatisfy(record -> {
            assertThat(record.roles()).isEqualTo("werkgever");
            assertThat(record.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(record.accessedAt()).isCloseToUtcNow(within(1,
                    ChronoUnit.MINUTES));
        });
    }

    @Test
    void theEmployeeReadsHisOwnCasesLogAndNobodyElseButTheAdministrator() throws Exception {
        http.get("/api/cases/" + caseId, "daan", "daan");

        var own = http.get("/api/cases/" + caseId + "/access-log", "noor", "noor");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        List<String> who = new ArrayList<>();
        json.readTree(own.body()).forEach(record -> who.add(record.path("userId").asText() + " "
                + record.path("what").asText()));
        assertThat(who).contains("daan GET /api/cases/" + caseId, "daan POST /api/cases",
                "noor GET /api/cases/" + caseId + "/access-log");

        var employer = http.get("/api/cases/" + caseId + "/access-log", "daan", "daan");
        assertThat(employer.statusCode()).isEqualTo(403);
        assertThat(json.readTree(employer.body()).path("field").asText()).isEqualTo("caseId");
        assertThat(http.get("/api/cases/" + caseId + "/access-log", OUTSIDER, OUTSIDER).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/cases/" + caseId + "/access-log", "tim", "tim").statusCode())
                .as("another employee of another employer").isEqualTo(404);

        var admin = http.get("/api/access-log?caseId=" + caseId + "&userId=daan", "demo", "demo");
        assertThat(admin.statusCode()).isEqualTo(200);
        JsonNode adminRecords = json.readTree(admin.body());
        assertThat(adminRecords).isNotEmpty().allSatisfy(record ->
                assertThat(record.path("userId").asText()).isEqualTo("daan"));
        assertThat(http.get("/api/access-log", "daan", "daan").statusCode()).isEqualTo(403);
        var backwards = http.get("/api/access-log?from=2026-02-01&to=2026-01-01", "demo", "demo");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(json.readTree(backwards.body()).path("field").asText()).isEqualTo("to");
    }

    @Test
    void recordsExpireAfterTheRetentionPeriod() {
        http.get("/api/cases/" + caseId, "daan", "daan");
        assertThat(log.forCase(caseId)).isNotEmpty();

        ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(729, ChronoUnit.DAYS)));
        retention.removeExpired();
        assertThat(log.forCase(caseId)).as("within 730 days").isNotEmpty();

        ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(731, ChronoUnit.DAYS)));
        retention.removeExpired();
        assertThat(log.forCase(caseId)).as("after 730 days").isEmpty();
    }
}
