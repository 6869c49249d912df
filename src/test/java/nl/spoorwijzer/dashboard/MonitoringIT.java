package nl.spoorwijzer.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health for load balancers and Prometheus metrics for monitoring, with aggregate figures only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // Spring Boot switches metrics export off in tests unless asked
class MonitoringIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper objectMapper;

    @Test
    void healthReportsTheDatabaseAndTheEngine() throws Exception {
        HttpTestClient http = new HttpTestClient(port);

        JsonNode health = objectMapper.readTree(http.get("/actuator/health").body());
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(objectMapper.readTree(http.get("/actuator/health/readiness").body()).path("components")
                .has("processEngine")).isTrue();
    }

    @Test
    void prometheusCountsOpenAndOverdueCases() {
        HttpTestClient http = new HttpTestClient(port);
        double openBefore = metric(http.get("/actuator/prometheus").body(), "spoorwijzer_cases_open");
        double overdueBefore = metric(http.get("/actuator/prometheus").body(), "spoorwijzer_deadlines_overdue");

        // A case started 20 days ago whose werkgever never reported it to the bedrijfsarts (due on day 7).
        ProcessInstance late = engine.getRuntimeService().startProcessInstanceByKey("poortwachter", "ZV-IT-METRICS",
                Map.of("werknemerId", "metricswerknemer", "werkgeverId", "acme-bouw",
                        "eersteZiektedag", LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(20).toString()));
        try {
            String scrape = http.get("/actuator/prometheus").body();
            assertThat(metric(scrape, "spoorwijzer_cases_open")).isEqualTo(openBefore + 1);
            assertThat(metric(scrape, "spoorwijzer_deadlines_overdue")).isEqualTo(overdueBefore + 1);
            assertThat(scrape).contains("camunda_jobs_executed_total", "camunda_jobs_failed_total",
                    "camunda_incidents_open");
        } finally {
            engine.getRuntimeService().deleteProcessInstance(late.getId(), "test");
        }
    }

    private static double metric(String scrape, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.E+-]+)$").matcher(scrape);
        assertThat(matcher.find()).as(name + " in the scrape").isTrue();
        return Double.parseDouble(matcher.group(2));
    }
}
