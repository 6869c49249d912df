package nl.spoorwijzer.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.support.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimelineApiIT {

    @LocalServerPort int port;
    @Autowired ObjectMapper objectMapper;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
    }

    private JsonNode get(String query, int expectedStatus) throws Exception {
        var response = http.get("/api/timeline" + query, "demo", "demo");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return objectMapper.readTree(response.body());
    }

    private static Map<String, String> datesByKey(JsonNode body) {
        Map<String, String> dates = new LinkedHashMap<>();
        body.path("milestones").forEach(m -> dates.put(m.path("key").asText(), m.path("date").asText()));
        return dates;
    }

    @Test
    void everyMilestoneIsReturnedWithKeyLabelAndIsoDate() throws Exception {
        // Monday 2024-01-08 is day 1; day 295 = 2024-10-28 (a Monday).
        JsonNode body = get("?firstSickDay=2024-01-08", 200);

        assertThat(body.path("firstSickDay").asText()).isEqualTo("2024-01-08");
        assertThat(datesByKey(body)).containsExactly(
                Map.entry("ziekmelding-bedrijfsarts", "2024-01-14"),
                Map.entry("probleemanalyse", "2024-02-18"),
                Map.entry("plan-van-aanpak", "2024-03-03"),
                Map.entry("ziekmelding-uwv", "2024-10-28"),
                Map.entry("eerstejaarsevaluatie", "2025-01-05"),
                Map.entry("spoor-2-start", "2025-02-16"),
                Map.entry("deskundigenoordeel-inspanningen", "2025-07-06"),
                Map.entry("eindevaluatie", "2025-10-05"),
                Map.entry("wia-aanvraag", "2025-10-19"),
                Map.entry("einde-wachttijd", "2026-01-04"));
        JsonNode eje = body.path("milestones").get(4);
        assertThat(eje.path("label").asText()).isEqualTo("Eerstejaarsevaluatie");
        assertThat(eje.path("windowStart").asText()).isEqualTo("2024-11-18");
        assertThat(body.path("milestones").get(0).has("windowStart")).isFalse();
        body.path("milestones").forEach(milestone -> {
            assertThat(milestone.has("movedFrom")).as(milestone.toString()).isFalse();
            assertThat(milestone.path("dateRuleText").asText()).startsWith("Niet verschoven");
        });
        assertThat(body.path("milestones").get(3).path("dateRule").asText()).isEqualTo("next-working-day");
        assertThat(body.path("milestones").get(9).path("dateRule").asText()).isEqualTo("longer-than-12-weeks");
    }

    @Test
    void aReportDueOnAHolidayShowsTheWorkingDayItMovedToAndWhy() throws Exception {
        // Monday 2024-07-01 is day 1; day 295 is Tweede Paasdag, Monday 21 April 2025.
        JsonNode body = get("?firstSickDay=2024-07-01", 200);

        JsonNode report = body.path("milestones").get(3);
        assertThat(report.path("key").asText()).isEqualTo("ziekmelding-uwv");
        assertThat(report.path("date").asText()).isEqualTo("2025-04-22");
        assertThat(report.path("movedFrom").asText()).isEqualTo("2025-04-21");
        assertThat(report.path("dateRule").asText()).isEqualTo("next-working-day");
        assertThat(report.path("dateRuleText").asText())
                .startsWith("Verschoven van maandag 21 april 2025 (Tweede Paasdag) naar dinsdag 22 april 2025")
                .contains("Ziektewet art. 38 lid 1", "Algemene termijnenwet art. 3");
        // Day 42 of a case from 11 March 2025 is also Tweede Paasdag; the probleemanalyse does not move.
        JsonNode probleemanalyse = get("?firstSickDay=2025-03-11", 200).path("milestones").get(1);
        assertThat(probleemanalyse.path("date").asText()).isEqualTo("2025-04-21");
        assertThat(probleemanalyse.has("movedFrom")).isFalse();
        assertThat(probleemanalyse.path("dateRule").asText()).isEqualTo("ministerial-regulation");
    }

    @Test
    void theHolidaysOfAYearAreListed() throws Exception {
        JsonNode holidays = get("/holidays?year=2025", 200);

        assertThat(holidays).hasSize(9);
        assertThat(holidays.get(2).path("date").asText()).isEqualTo("2025-04-21");
        assertThat(holidays.get(2).path("name").asText()).isEqualTo("Tweede Paasdag");
        assertThat(holidays.get(3).path("date").asText()).isEqualTo("2025-04-26");
        assertThat(holidays.get(3).path("name").asText()).isEqualTo("Koningsdag");
        assertThat(get("/holidays?year=1500", 400).path("field").asText()).isEqualTo("year");
    }

    @Test
    void gapsAndExtensionsMoveTheDates() throws Exception {
        // A 10-day recovery gap before the probleemanalyse pushes it by 10 days; VVL 13 + sanction 6 weeks
        // move the end of the waiting period by 133 days in all.
        JsonNode body = get("?firstSickDay=2024-01-08&gap=2024-01-20..2024-01-29&vvlWeeks=13&sanctionWeeks=6", 200);

        Map<String, String> dates = datesByKey(body);
        assertThat(dates.get("ziekmelding-bedrijfsarts")).isEqualTo("2024-01-14");
        assertThat(dates.get("probleemanalyse")).isEqualTo("2024-02-28");
        assertThat(dates.get("wia-aanvraag")).isEqualTo("2026-01-28");
        assertThat(dates.get("einde-wachttijd")).isEqualTo("2026-05-27");
    }

    @Test
    void malformedDateIsRefusedNamingTheParameter() throws Exception {
        JsonNode problem = get("?firstSickDay=8-1-2024", 400);

        assertThat(problem.path("field").asText()).isEqualTo("firstSickDay");
        assertThat(problem.path("rule").asText()).contains("ISO");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
    }

    @Test
    void missingFirstSickDayIsRefused() throws Exception {
        assertThat(get("", 400).path("field").asText()).isEqualTo("firstSickDay");
    }

    @Test
    void firstSickDayInTheFutureIsRefused() throws Exception {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(1);

        JsonNode problem = get("?firstSickDay=" + tomorrow, 400);

        assertThat(problem.path("field").asText()).isEqualTo("firstSickDay");
        assertThat(problem.path("rule").asText()).contains("future");
    }

    @Test
    void recoveryGapOfFourWeeksIsNoAggregation() throws Exception {
        JsonNode problem = get("?firstSickDay=2024-01-08&gap=2024-01-20..2024-02-16", 400);

        assertThat(problem.path("field").asText()).isEqualTo("gap");
        assertThat(problem.path("rule").asText()).contains("7:629");
    }

    @Test
    void malformedGapIsRefused() throws Exception {
        assertThat(get("?firstSickDay=2024-01-08&gap=2024-01-20", 400).path("field").asText()).isEqualTo("gap");
        assertThat(get("?firstSickDay=2024-01-08&gap=2024-01-20..soon", 400).path("field").asText()).isEqualTo("gap");
    }

    @Test
    void extensionsOutsideTheirLegalBoundsAreRefused() throws Exception {
        JsonNode shortVvl = get("?firstSickDay=2024-01-08&vvlWeeks=5", 400);
        JsonNode longSanction = get("?firstSickDay=2024-01-08&sanctionWeeks=53", 400);
        JsonNode notANumber = get("?firstSickDay=2024-01-08&vvlWeeks=many", 400);

        assertThat(shortVvl.path("field").asText()).isEqualTo("vvlWeeks");
        assertThat(shortVvl.path("rule").asText()).contains("13");
        assertThat(longSanction.path("field").asText()).isEqualTo("sanctionWeeks");
        assertThat(longSanction.path("rule").asText()).contains("52");
        assertThat(notANumber.path("field").asText()).isEqualTo("vvlWeeks");
    }
}
